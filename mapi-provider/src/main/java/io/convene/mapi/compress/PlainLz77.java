package io.convene.mapi.compress;

import java.util.Arrays;

/**
 * The "Plain LZ77" variant of the Xpress Compression Algorithm (MS-XCA 2.3 compression, 2.4
 * decompression). MS-OXCRPC 3.1.4.1.1.2 calls the same format "LZ77 + DIRECT2 encoding" and uses
 * it for RPC_HEADER_EXT payloads, which is how MAPI/HTTP carries it.
 *
 * <p>Format: a 32-bit little-endian flag word announces the next 32 items, most significant bit
 * first: 0 = one literal byte, 1 = a 16-bit match word (13 bits distance - 1, 3 bits length - 3),
 * with longer lengths continued in a shared nibble, then a byte, then 16 or 32 bits. Unused flag
 * bits at the end are ones; decompression ends when a match flag meets the end of the input.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainLz77 {

  private static final int MIN_MATCH = 3;
  private static final int MAX_DISTANCE = 8192;
  private static final int HASH_BITS = 13;

  private PlainLz77() {}

  /**
   * Decompresses {@code input[offset, offset + length)} into exactly {@code expectedSize} bytes.
   *
   * @param expectedSize the declared uncompressed size; the caller caps it, and this method never
   *     allocates more
   * @throws CompressionFormatException for a truncated or corrupt stream, a match reaching before
   *     the start of the output, output beyond {@code expectedSize}, or output short of it
   */
  public static byte[] decompress(byte[] input, int offset, int length, int expectedSize)
      throws CompressionFormatException {
    if (expectedSize < 0) {
      throw new CompressionFormatException("negative declared size");
    }
    byte[] out = new byte[expectedSize];
    int in = offset;
    int end = offset + length;
    int outPos = 0;
    long flags = 0;
    int flagCount = 0;
    int sharedNibble = -1;
    while (true) {
      if (flagCount == 0) {
        if (end - in < 4) {
          if (in == end && outPos == expectedSize) {
            // A stream may end right after a full flag group (MS-XCA 2.4.4 reads a flag word first).
            break;
          }
          throw new CompressionFormatException("truncated flag word at input offset " + (in - offset));
        }
        flags = readU32(input, in);
        in += 4;
        flagCount = 32;
      }
      flagCount--;
      if ((flags & (1L << flagCount)) == 0) {
        if (in >= end) {
          throw new CompressionFormatException("literal flag past the end of the input");
        }
        if (outPos >= expectedSize) {
          throw new CompressionFormatException("output exceeds the declared " + expectedSize + " bytes");
        }
        out[outPos++] = input[in++];
        continue;
      }
      if (in == end) {
        break;
      }
      if (end - in < 2) {
        throw new CompressionFormatException("truncated match word");
      }
      int match = (input[in] & 0xff) | (input[in + 1] & 0xff) << 8;
      in += 2;
      int distance = (match >>> 3) + 1;
      long matchLength = match & 7;
      if (matchLength == 7) {
        int nibble;
        if (sharedNibble < 0) {
          if (in >= end) {
            throw new CompressionFormatException("truncated length nibble");
          }
          sharedNibble = in;
          nibble = input[in++] & 0x0f;
        } else {
          nibble = (input[sharedNibble] & 0xff) >>> 4;
          sharedNibble = -1;
        }
        matchLength = nibble;
        if (matchLength == 15) {
          if (in >= end) {
            throw new CompressionFormatException("truncated length byte");
          }
          matchLength = input[in++] & 0xff;
          if (matchLength == 255) {
            if (end - in < 2) {
              throw new CompressionFormatException("truncated 16-bit length");
            }
            matchLength = (input[in] & 0xff) | (input[in + 1] & 0xff) << 8;
            in += 2;
            if (matchLength == 0) {
              if (end - in < 4) {
                throw new CompressionFormatException("truncated 32-bit length");
              }
              matchLength = readU32(input, in);
              in += 4;
            }
            if (matchLength < 15 + 7) {
              throw new CompressionFormatException("extended match length " + matchLength + " below 22");
            }
            matchLength -= 15 + 7;
          }
          matchLength += 15;
        }
        matchLength += 7;
      }
      matchLength += MIN_MATCH;
      if (distance > outPos) {
        throw new CompressionFormatException(
            "match distance " + distance + " before the start of the output at " + outPos);
      }
      if (matchLength > expectedSize - outPos) {
        throw new CompressionFormatException("output exceeds the declared " + expectedSize + " bytes");
      }
      int count = (int) matchLength;
      // Overlapping copies repeat the window, so copy byte by byte when the regions overlap.
      if (distance >= count) {
        System.arraycopy(out, outPos - distance, out, outPos, count);
        outPos += count;
      } else {
        for (int i = 0; i < count; i++, outPos++) {
          out[outPos] = out[outPos - distance];
        }
      }
    }
    if (outPos != expectedSize) {
      throw new CompressionFormatException(
          "stream ended after " + outPos + " of the declared " + expectedSize + " bytes");
    }
    return out;
  }

  /**
   * Compresses {@code input[offset, offset + length)}. Greedy matching over a hash of the next three
   * bytes, distances up to 8 KiB. The result may be larger than the input for incompressible data;
   * the caller then sends the data uncompressed.
   */
  public static byte[] compress(byte[] input, int offset, int length) {
    byte[] out = new byte[length + length / 8 + 16];
    int outPos = 4;
    int flagPos = 0;
    long flags = 0;
    int flagCount = 0;
    int sharedNibble = -1;
    int[] head = new int[1 << HASH_BITS];
    Arrays.fill(head, -1);
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      int bestLength = 0;
      int bestDistance = 0;
      if (end - pos >= MIN_MATCH) {
        int hash = hash(input, pos);
        int candidate = head[hash];
        head[hash] = pos;
        if (candidate >= offset && pos - candidate <= MAX_DISTANCE) {
          int matched = 0;
          int max = end - pos;
          while (matched < max && input[candidate + matched] == input[pos + matched]) {
            matched++;
          }
          if (matched >= MIN_MATCH) {
            bestLength = matched;
            bestDistance = pos - candidate;
          }
        }
      }
      // Room for the longest item plus a new flag word, so writes below never overflow.
      if (out.length - outPos < 16) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      if (bestLength == 0) {
        out[outPos++] = input[pos++];
        flags <<= 1;
      } else {
        for (int i = pos + 1; i < pos + bestLength && end - i >= MIN_MATCH; i++) {
          head[hash(input, i)] = i;
        }
        pos += bestLength;
        int lengthCode = bestLength - MIN_MATCH;
        int distanceCode = (bestDistance - 1) << 3;
        if (lengthCode < 7) {
          outPos = writeU16(out, outPos, distanceCode | lengthCode);
        } else {
          outPos = writeU16(out, outPos, distanceCode | 7);
          lengthCode -= 7;
          int nibble = Math.min(lengthCode, 15);
          if (sharedNibble < 0) {
            sharedNibble = outPos;
            out[outPos++] = (byte) nibble;
          } else {
            out[sharedNibble] |= (byte) (nibble << 4);
            sharedNibble = -1;
          }
          if (lengthCode >= 15) {
            lengthCode -= 15;
            if (lengthCode < 255) {
              out[outPos++] = (byte) lengthCode;
            } else {
              out[outPos++] = (byte) 255;
              lengthCode += 15 + 7;
              if (lengthCode < 1 << 16) {
                outPos = writeU16(out, outPos, lengthCode);
              } else {
                outPos = writeU16(out, outPos, 0);
                outPos = writeU32(out, outPos, lengthCode);
              }
            }
          }
        }
        flags = flags << 1 | 1;
      }
      flagCount++;
      if (flagCount == 32) {
        writeU32(out, flagPos, flags);
        flagPos = outPos;
        outPos += 4;
        flags = 0;
        flagCount = 0;
      }
    }
    // Pad the last flag word with ones: a match flag at the end of the input ends decompression.
    long padded = (flags << (32 - flagCount)) | ((1L << (32 - flagCount)) - 1);
    writeU32(out, flagPos, padded);
    return Arrays.copyOf(out, outPos);
  }

  private static int hash(byte[] data, int pos) {
    int value = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16;
    return (value * 0x9E3779B1) >>> (32 - HASH_BITS);
  }

  private static long readU32(byte[] data, int pos) {
    return (data[pos] & 0xffL)
        | (data[pos + 1] & 0xffL) << 8
        | (data[pos + 2] & 0xffL) << 16
        | (data[pos + 3] & 0xffL) << 24;
  }

  private static int writeU16(byte[] out, int pos, int value) {
    out[pos] = (byte) value;
    out[pos + 1] = (byte) (value >>> 8);
    return pos + 2;
  }

  private static int writeU32(byte[] out, int pos, long value) {
    out[pos] = (byte) value;
    out[pos + 1] = (byte) (value >>> 8);
    out[pos + 2] = (byte) (value >>> 16);
    out[pos + 3] = (byte) (value >>> 24);
    return pos + 4;
  }
}

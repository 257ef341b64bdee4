package io.convene.mapiclient.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * MS-XCA 2.3/2.4 "Plain LZ77", the algorithm MS-OXCRPC 3.1.4.1.1.2 calls LZ77 with DIRECT2
 * encoding: 32-bit flag words read from the most significant bit (0 = literal byte, 1 = match), a
 * match as a 16-bit word of (distance - 1) << 3 | length bits, longer lengths continued in a shared
 * half byte, then a byte, then a 16-bit and a 32-bit word. The stream ends at a set flag bit with
 * no input left.
 */
public final class PlainLz77 {

  private static final int MAX_DISTANCE = 1 << 13;
  private static final int MIN_MATCH = 3;
  private static final int HASH_BITS = 13;

  private PlainLz77() {}

  /**
   * Decompresses {@code input}, refusing to produce more than {@code maxOutput} bytes, so a small
   * hostile stream cannot ask for a large allocation.
   */
  public static byte[] decompress(byte[] input, int maxOutput) throws MapiWireException {
    byte[] out = new byte[Math.min(maxOutput, Math.max(64, input.length * 4))];
    int outPos = 0;
    int inPos = 0;
    int flags = 0;
    int flagCount = 0;
    int halfBytePos = -1;
    while (true) {
      if (flagCount == 0) {
        if (input.length - inPos < 4) {
          throw new MapiWireException("LZ77: stream ends inside a flag word at " + inPos);
        }
        flags = readInt(input, inPos);
        inPos += 4;
        flagCount = 32;
      }
      flagCount--;
      if ((flags & (1 << flagCount)) == 0) {
        if (inPos >= input.length) {
          throw new MapiWireException("LZ77: literal expected at " + inPos + " past the end");
        }
        out = room(out, outPos, 1, maxOutput);
        out[outPos++] = input[inPos++];
        continue;
      }
      if (inPos == input.length) {
        return Arrays.copyOf(out, outPos);
      }
      if (input.length - inPos < 2) {
        throw new MapiWireException("LZ77: truncated match at " + inPos);
      }
      int matchBytes = (input[inPos] & 0xFF) | (input[inPos + 1] & 0xFF) << 8;
      inPos += 2;
      long length = matchBytes & 7;
      int distance = (matchBytes >>> 3) + 1;
      if (length == 7) {
        if (halfBytePos < 0) {
          if (inPos >= input.length) {
            throw new MapiWireException("LZ77: truncated length half byte at " + inPos);
          }
          length = input[inPos] & 0x0F;
          halfBytePos = inPos++;
        } else {
          length = (input[halfBytePos] & 0xFF) >>> 4;
          halfBytePos = -1;
        }
        if (length == 15) {
          if (inPos >= input.length) {
            throw new MapiWireException("LZ77: truncated length byte at " + inPos);
          }
          length = input[inPos++] & 0xFF;
          if (length == 255) {
            if (input.length - inPos < 2) {
              throw new MapiWireException("LZ77: truncated 16-bit length at " + inPos);
            }
            length = (input[inPos] & 0xFF) | (input[inPos + 1] & 0xFF) << 8;
            inPos += 2;
            if (length == 0) {
              if (input.length - inPos < 4) {
                throw new MapiWireException("LZ77: truncated 32-bit length at " + inPos);
              }
              length = readInt(input, inPos) & 0xFFFFFFFFL;
              inPos += 4;
            }
            if (length < 15 + 7) {
              throw new MapiWireException("LZ77: long length " + length + " below 22 at " + inPos);
            }
            length -= 15 + 7;
          }
          length += 15;
        }
        length += 7;
      }
      length += MIN_MATCH;
      if (distance > outPos) {
        throw new MapiWireException("LZ77: match distance " + distance + " before the start of the output (" + outPos + ")");
      }
      if (length > maxOutput - outPos) {
        throw new MapiWireException("LZ77: output would exceed the limit of " + maxOutput + " bytes");
      }
      out = room(out, outPos, (int) length, maxOutput);
      for (int i = 0; i < length; i++, outPos++) {
        out[outPos] = out[outPos - distance];
      }
    }
  }

  /** Compresses greedily with one remembered position per 3-byte hash inside the 8 KiB window. */
  public static byte[] compress(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 16);
    int[] head = new int[1 << HASH_BITS];
    Arrays.fill(head, -1);
    Flags flags = new Flags(out);
    int halfBytePos = -1;
    byte[] pending = null;
    int pos = 0;
    while (pos < input.length) {
      int bestLength = 0;
      int bestDistance = 0;
      if (input.length - pos >= MIN_MATCH) {
        int hash = hash(input, pos);
        int candidate = head[hash];
        head[hash] = pos;
        if (candidate >= 0 && pos - candidate <= MAX_DISTANCE) {
          int length = 0;
          while (pos + length < input.length && input[candidate + length] == input[pos + length]) {
            length++;
          }
          if (length >= MIN_MATCH) {
            bestLength = length;
            bestDistance = pos - candidate;
          }
        }
      }
      if (bestLength == 0) {
        flags.bit(0);
        out.write(input[pos++]);
        continue;
      }
      flags.bit(1);
      int code = bestLength - MIN_MATCH;
      int word = (bestDistance - 1) << 3 | Math.min(code, 7);
      out.write(word);
      out.write(word >>> 8);
      if (code >= 7) {
        int rest = code - 7;
        int nibble = Math.min(rest, 15);
        if (halfBytePos < 0) {
          halfBytePos = flags.reserveHalfByte(nibble);
        } else {
          flags.setHighHalfByte(halfBytePos, nibble);
          halfBytePos = -1;
        }
        if (rest >= 15) {
          rest -= 15;
          if (rest < 255) {
            out.write(rest);
          } else {
            out.write(255);
            if (code <= 0xFFFF) {
              out.write(code);
              out.write(code >>> 8);
            } else {
              out.write(0);
              out.write(0);
              out.write(code);
              out.write(code >>> 8);
              out.write(code >>> 16);
              out.write(code >>> 24);
            }
          }
        }
      }
      for (int i = 1; i < bestLength && pos + i + MIN_MATCH <= input.length; i++) {
        head[hash(input, pos + i)] = pos + i;
      }
      pos += bestLength;
    }
    return flags.finish();
  }

  private static int hash(byte[] data, int pos) {
    int value = (data[pos] & 0xFF) << 16 | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF);
    return (value * 0x9E3779B1) >>> (32 - HASH_BITS);
  }

  private static int readInt(byte[] data, int pos) {
    return (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16 | (data[pos + 3] & 0xFF) << 24;
  }

  private static byte[] room(byte[] out, int used, int more, int maxOutput) throws MapiWireException {
    if (more > maxOutput - used) {
      throw new MapiWireException("LZ77: output would exceed the limit of " + maxOutput + " bytes");
    }
    if (used + more <= out.length) {
      return out;
    }
    long grown = Math.max((long) out.length * 2, (long) used + more);
    return Arrays.copyOf(out, (int) Math.min(grown, maxOutput));
  }

  /** The flag words, written in place once full; the output is patched at the end. */
  private static final class Flags {
    private final ByteArrayOutputStream out;
    private final java.util.List<int[]> patches = new java.util.ArrayList<>();
    private int wordPos;
    private int value;
    private int count;

    Flags(ByteArrayOutputStream out) {
      this.out = out;
      startWord();
    }

    private void startWord() {
      wordPos = out.size();
      out.write(0);
      out.write(0);
      out.write(0);
      out.write(0);
      value = 0;
      count = 0;
    }

    void bit(int bit) {
      if (count == 32) {
        patches.add(new int[] {wordPos, value});
        startWord();
      }
      value = value << 1 | bit;
      count++;
    }

    int reserveHalfByte(int nibble) {
      int pos = out.size();
      out.write(nibble);
      return pos;
    }

    void setHighHalfByte(int pos, int nibble) {
      patches.add(new int[] {-1 - pos, nibble});
    }

    byte[] finish() {
      // unused flag bits are ones; a full last word needs a following word that says "end"
      if (count == 32) {
        patches.add(new int[] {wordPos, value});
        startWord();
      }
      int word = count == 0 ? -1 : value << (32 - count) | (int) ((1L << (32 - count)) - 1);
      patches.add(new int[] {wordPos, word});
      byte[] bytes = out.toByteArray();
      for (int[] patch : patches) {
        if (patch[0] < 0) {
          int pos = -1 - patch[0];
          bytes[pos] = (byte) (bytes[pos] | patch[1] << 4);
        } else {
          int pos = patch[0];
          bytes[pos] = (byte) patch[1];
          bytes[pos + 1] = (byte) (patch[1] >>> 8);
          bytes[pos + 2] = (byte) (patch[1] >>> 16);
          bytes[pos + 3] = (byte) (patch[1] >>> 24);
        }
      }
      return bytes;
    }
  }
}

package io.convene.storage.derby.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounded reader over an encoded bag: every read first checks the bytes left and fails with a
 * {@link PropertyBagFormatException} naming the offset, so no read runs past the end and no length
 * taken from the input is trusted before it is checked.
 *
 * <p>What is read is named by an {@code Object} (a property tag, a label) and turned into text only
 * when a read fails: building the text eagerly for every value cost more than decoding it.
 */
final class BagReader {

  private final byte[] buf;
  private int pos;

  BagReader(byte[] buf) {
    this.buf = buf;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return buf.length - pos;
  }

  PropertyBagFormatException error(Object what) {
    return new PropertyBagFormatException(what + " at offset " + pos);
  }

  private void require(int n, Object what) {
    if (n < 0 || n > remaining()) {
      throw error(what + " needs " + n + " bytes, " + remaining() + " left");
    }
  }

  int u8(Object what) {
    require(1, what);
    return buf[pos++] & 0xFF;
  }

  short i16(Object what) {
    require(2, what);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    pos += 2;
    return (short) v;
  }

  int i32(Object what) {
    require(4, what);
    int v =
        (buf[pos] & 0xFF)
            | (buf[pos + 1] & 0xFF) << 8
            | (buf[pos + 2] & 0xFF) << 16
            | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  long i64(Object what) {
    require(8, what);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (buf[pos + i] & 0xFFL);
    }
    pos += 8;
    return v;
  }

  byte[] bytes(int n, Object what) {
    require(n, what);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  /**
   * The next {@code n} bytes as UTF-8, decoded leniently (U+FFFD for each malformed sequence)
   * straight from the buffer: no copy of the bytes first.
   */
  String lenientUtf8(int n, Object what) {
    require(n, what);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** {@code n} bytes from {@code from}, already read, for a second look at them. */
  ByteBuffer reread(int from, int n) {
    return ByteBuffer.wrap(buf, from, n).asReadOnlyBuffer();
  }

  void skip(int n, Object what) {
    require(n, what);
    pos += n;
  }

  /** An unsigned LEB128 varint of at most 5 bytes, minimal, and at most {@code max}. */
  int varint(int max, Object what) {
    return varint(max, what, "");
  }

  /** {@link #varint(int, Object)} for the {@code part} (" length") of {@code what} (a tag). */
  int varint(int max, Object what, String part) {
    int start = pos;
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift > 28) {
        pos = start;
        throw error(what + part + ": varint longer than 5 bytes");
      }
      if (remaining() < 1) {
        throw error(what + part + " needs 1 bytes, 0 left");
      }
      int b = buf[pos++] & 0xFF;
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (b == 0 && shift > 0) {
          pos = start;
          throw error(what + part + ": varint not minimally encoded");
        }
        break;
      }
    }
    if (v > max) {
      pos = start;
      throw error(what + part + " " + v + " exceeds " + max);
    }
    return (int) v;
  }
}

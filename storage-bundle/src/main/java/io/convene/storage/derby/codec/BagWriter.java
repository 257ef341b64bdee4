package io.convene.storage.derby.codec;

import java.util.Arrays;

/** Growable output that refuses to grow past the bag size limit. */
final class BagWriter {

  private final int limit;
  private byte[] buf = new byte[64];
  private int size;

  BagWriter(int limit) {
    this.limit = limit;
  }

  private void ensure(int n) {
    if ((long) size + n > limit) {
      throw new PropertyBagFormatException(
          "encoded bag exceeds the limit of " + limit + " bytes");
    }
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max((long) buf.length * 2, size + n)));
    }
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void i16(short v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
  }

  void i32(int v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
  }

  void i64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
  }

  void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  void varint(int v) {
    int rest = v;
    while ((rest & ~0x7F) != 0) {
      u8((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    u8(rest);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}

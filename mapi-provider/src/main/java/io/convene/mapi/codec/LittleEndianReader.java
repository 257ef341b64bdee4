package io.convene.mapi.codec;

import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian fields from a byte range. Every read goes through {@link #require}, so a
 * truncated or lying buffer ends in one {@link WireFormatException}, never an index exception, and
 * no read allocates more than the bytes actually present.
 */
public final class LittleEndianReader {

  private final byte[] data;
  private final int end;
  private int position;

  public LittleEndianReader(byte[] data) {
    this(data, 0, data.length);
  }

  public LittleEndianReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException("range outside the array");
    }
    this.data = data;
    this.position = offset;
    this.end = offset + length;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return end - position;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  private void require(int count, String what) throws WireFormatException {
    if (count < 0 || count > end - position) {
      throw new WireFormatException(
          what + " needs " + count + " bytes at offset " + position + ", " + remaining() + " left");
    }
  }

  public int u8(String what) throws WireFormatException {
    require(1, what);
    return data[position++] & 0xff;
  }

  public int u16(String what) throws WireFormatException {
    require(2, what);
    int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
    position += 2;
    return value;
  }

  /** An unsigned 32-bit value. */
  public long u32(String what) throws WireFormatException {
    require(4, what);
    long value =
        (data[position] & 0xffL)
            | (data[position + 1] & 0xffL) << 8
            | (data[position + 2] & 0xffL) << 16
            | (data[position + 3] & 0xffL) << 24;
    position += 4;
    return value;
  }

  /** A 32-bit length or count that must not exceed {@code limit}. */
  public int count32(String what, int limit) throws WireFormatException {
    long value = u32(what);
    if (value > limit) {
      throw new WireFormatException(what + " " + value + " exceeds the limit " + limit);
    }
    return (int) value;
  }

  public byte[] bytes(int count, String what) throws WireFormatException {
    require(count, what);
    byte[] copy = new byte[count];
    System.arraycopy(data, position, copy, 0, count);
    position += count;
    return copy;
  }

  public void skip(int count, String what) throws WireFormatException {
    require(count, what);
    position += count;
  }

  /** A NUL-terminated 8-bit string (MS-OXCDATA PtypString8 on the wire) of at most maxBytes. */
  public String asciiz(int maxBytes, String what) throws WireFormatException {
    int limit = Math.min(end, position + maxBytes + 1);
    for (int i = position; i < limit; i++) {
      if (data[i] == 0) {
        String text = new String(data, position, i - position, StandardCharsets.ISO_8859_1);
        position = i + 1;
        return text;
      }
    }
    throw new WireFormatException(what + " has no terminating NUL within " + maxBytes + " bytes");
  }

  /** The bytes from here to the end of the range. */
  public byte[] rest() {
    byte[] copy = new byte[remaining()];
    System.arraycopy(data, position, copy, 0, copy.length);
    position = end;
    return copy;
  }
}

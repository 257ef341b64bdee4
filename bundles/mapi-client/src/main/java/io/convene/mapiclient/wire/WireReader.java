package io.convene.mapiclient.wire;

import java.nio.charset.StandardCharsets;

/** Little-endian reads over a byte range; every read is checked against the end first. */
public final class WireReader {

  private final byte[] data;
  private final int end;
  private int position;

  public WireReader(byte[] data) {
    this(data, 0, data.length);
  }

  public WireReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > data.length) {
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

  private void need(int count, String what) throws MapiWireException {
    if (count < 0 || count > end - position) {
      throw new MapiWireException(what + ": needs " + count + " bytes at offset " + position + ", " + (end - position) + " left");
    }
  }

  public int u8(String what) throws MapiWireException {
    need(1, what);
    return data[position++] & 0xFF;
  }

  public int u16(String what) throws MapiWireException {
    need(2, what);
    int value = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
    position += 2;
    return value;
  }

  public int i32(String what) throws MapiWireException {
    need(4, what);
    int value = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8 | (data[position + 2] & 0xFF) << 16
        | (data[position + 3] & 0xFF) << 24;
    position += 4;
    return value;
  }

  /** An unsigned 32-bit count or size, refused when above {@code limit}. */
  public int u32Bounded(String what, int limit) throws MapiWireException {
    long value = i32(what) & 0xFFFFFFFFL;
    if (value > limit) {
      throw new MapiWireException(what + " " + value + " exceeds the limit " + limit);
    }
    return (int) value;
  }

  public long i64(String what) throws MapiWireException {
    long low = i32(what) & 0xFFFFFFFFL;
    long high = i32(what) & 0xFFFFFFFFL;
    return low | high << 32;
  }

  public byte[] bytes(int count, String what) throws MapiWireException {
    need(count, what);
    byte[] out = new byte[count];
    System.arraycopy(data, position, out, 0, count);
    position += count;
    return out;
  }

  public void skip(int count, String what) throws MapiWireException {
    need(count, what);
    position += count;
  }

  /** A NUL-terminated 8-bit string (ASCII in practice: DNs, prefixes). */
  public String asciiz(String what) throws MapiWireException {
    for (int i = position; i < end; i++) {
      if (data[i] == 0) {
        String value = new String(data, position, i - position, StandardCharsets.ISO_8859_1);
        position = i + 1;
        return value;
      }
    }
    throw new MapiWireException(what + ": no terminating NUL after offset " + position);
  }

  /** A NUL-terminated UTF-16LE string, decoded code unit by code unit (lone surrogates stay as they are). */
  public String utf16z(String what) throws MapiWireException {
    StringBuilder out = new StringBuilder();
    while (true) {
      int unit = u16(what);
      if (unit == 0) {
        return out.toString();
      }
      out.append((char) unit);
    }
  }
}

package io.convene.mapiclient.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian writes into a growing buffer. */
public final class WireWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public WireWriter u8(int value) {
    out.write(value);
    return this;
  }

  public WireWriter u16(int value) {
    out.write(value);
    out.write(value >>> 8);
    return this;
  }

  public WireWriter i32(int value) {
    u16(value);
    return u16(value >>> 16);
  }

  public WireWriter i64(long value) {
    i32((int) value);
    return i32((int) (value >>> 32));
  }

  public WireWriter bytes(byte[] value) {
    out.writeBytes(value);
    return this;
  }

  public WireWriter asciiz(String value) {
    out.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
    return u8(0);
  }

  /** UTF-16LE code units and a NUL unit (MS-OXCDATA 2.11.1: PtypString). */
  public WireWriter utf16z(String value) {
    for (int i = 0; i < value.length(); i++) {
      u16(value.charAt(i));
    }
    return u16(0);
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}

package io.convene.convert.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian writer, the counterpart of {@link LittleEndianReader}. */
public final class LittleEndianWriter {

  private final ByteArrayOutputStream out;

  public LittleEndianWriter(int initialCapacity) {
    out = new ByteArrayOutputStream(initialCapacity);
  }

  public LittleEndianWriter u8(int v) {
    out.write(v);
    return this;
  }

  public LittleEndianWriter u16(int v) {
    out.write(v);
    out.write(v >>> 8);
    return this;
  }

  public LittleEndianWriter i32(int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
    return this;
  }

  public LittleEndianWriter bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  public LittleEndianWriter latin1(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  public LittleEndianWriter utf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      u16(s.charAt(i));
    }
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}

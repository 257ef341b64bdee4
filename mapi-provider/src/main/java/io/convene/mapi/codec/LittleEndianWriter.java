package io.convene.mapi.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends little-endian fields to a growing buffer. Not thread-safe. */
public final class LittleEndianWriter {

  private byte[] buffer;
  private int size;

  public LittleEndianWriter() {
    this(64);
  }

  public LittleEndianWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  public int size() {
    return size;
  }

  public LittleEndianWriter u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public LittleEndianWriter u16(int value) {
    ensure(2);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
    return this;
  }

  public LittleEndianWriter u32(long value) {
    ensure(4);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 24);
    return this;
  }

  public LittleEndianWriter bytes(byte[] value) {
    return bytes(value, 0, value.length);
  }

  public LittleEndianWriter bytes(byte[] value, int offset, int length) {
    ensure(length);
    System.arraycopy(value, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** A NUL-terminated 8-bit string; characters outside Latin-1 become '?'. */
  public LittleEndianWriter asciiz(String value) {
    bytes(value.getBytes(StandardCharsets.ISO_8859_1));
    return u8(0);
  }

  /** A NUL-terminated UTF-16LE string (MS-OXCDATA PtypString). */
  public LittleEndianWriter utf16z(String value) {
    bytes(Utf16Units.encode(value));
    return u16(0);
  }

  /** Overwrites a 16-bit field written earlier, e.g. a size known only at the end. */
  public void patchU16(int offset, int value) {
    if (offset < 0 || offset + 2 > size) {
      throw new IllegalArgumentException("offset " + offset + " outside the written bytes");
    }
    buffer[offset] = (byte) value;
    buffer[offset + 1] = (byte) (value >>> 8);
  }

  /** Drops everything written after {@code newSize}. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("size " + newSize + " outside 0.." + size);
    }
    size = newSize;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}

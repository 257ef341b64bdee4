package io.convene.api.store;

import java.util.Objects;
import java.util.UUID;

/**
 * Conversions between {@link UUID} and the 16-byte GUID wire form used throughout MS-OX*
 * (MS-DTYP 2.3.4.2 "packet representation"): {@code Data1} (4 bytes), {@code Data2} and {@code
 * Data3} (2 bytes each) little-endian, then {@code Data4} (8 bytes) as is.
 *
 * <p>A {@link UUID} holds the GUID as written in text, so {@code
 * {00062002-0000-0000-C000-000000000046}} ({@link NamedProperty#PSETID_APPOINTMENT}) goes on the
 * wire as {@code 02 20 06 00 00 00 00 00 C0 00 00 00 00 00 00 46}, not in {@link UUID}'s big-endian
 * byte order.
 */
public final class Guids {

  /** Size of a GUID on the wire. */
  public static final int SIZE = 16;

  private Guids() {}

  /** The 16-byte wire form of a GUID. */
  public static byte[] toBytes(UUID guid) {
    byte[] out = new byte[SIZE];
    write(guid, out, 0);
    return out;
  }

  /**
   * Writes the 16-byte wire form of a GUID into {@code dst} at {@code offset}.
   *
   * @throws IndexOutOfBoundsException if fewer than 16 bytes are left at {@code offset}
   */
  public static void write(UUID guid, byte[] dst, int offset) {
    Objects.requireNonNull(guid, "guid");
    Objects.checkFromIndexSize(offset, SIZE, dst.length);
    long msb = guid.getMostSignificantBits();
    long lsb = guid.getLeastSignificantBits();
    int data1 = (int) (msb >>> 32);
    dst[offset] = (byte) data1;
    dst[offset + 1] = (byte) (data1 >>> 8);
    dst[offset + 2] = (byte) (data1 >>> 16);
    dst[offset + 3] = (byte) (data1 >>> 24);
    dst[offset + 4] = (byte) (msb >>> 16);
    dst[offset + 5] = (byte) (msb >>> 24);
    dst[offset + 6] = (byte) msb;
    dst[offset + 7] = (byte) (msb >>> 8);
    for (int i = 0; i < 8; i++) {
      dst[offset + 8 + i] = (byte) (lsb >>> (56 - 8 * i));
    }
  }

  /**
   * The GUID whose wire form is exactly {@code bytes}.
   *
   * @throws StoreValueFormatException if {@code bytes} is not 16 bytes long
   */
  public static UUID fromBytes(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new StoreValueFormatException("a GUID is 16 bytes, got " + bytes.length);
    }
    return fromBytes(bytes, 0);
  }

  /**
   * The GUID whose wire form starts at {@code offset}.
   *
   * @throws StoreValueFormatException if fewer than 16 bytes are left at {@code offset}
   */
  public static UUID fromBytes(byte[] src, int offset) {
    if (offset < 0 || src.length - offset < SIZE) {
      throw new StoreValueFormatException("a GUID needs 16 bytes at offset " + offset);
    }
    long data1 =
        (src[offset] & 0xFFL)
            | (src[offset + 1] & 0xFFL) << 8
            | (src[offset + 2] & 0xFFL) << 16
            | (src[offset + 3] & 0xFFL) << 24;
    long data2 = (src[offset + 4] & 0xFFL) | (src[offset + 5] & 0xFFL) << 8;
    long data3 = (src[offset + 6] & 0xFFL) | (src[offset + 7] & 0xFFL) << 8;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      lsb = lsb << 8 | (src[offset + 8 + i] & 0xFFL);
    }
    return new UUID(data1 << 32 | data2 << 16 | data3, lsb);
  }
}

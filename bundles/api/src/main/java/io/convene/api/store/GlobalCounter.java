package io.convene.api.store;

/**
 * A 48-bit global counter ({@code GLOBCNT}, MS-OXCFXICS 2.2.2.5; the {@code GlobalCounter} field
 * of MS-OXCDATA 2.2.1.1-2.2.1.3). Folder ids, message ids and change numbers of one store draw
 * from the same counter. On the wire it is 6 bytes, most significant first (big-endian), so
 * counters compare like their bytes; e.g. {@code 00 00 0E 8E DF 36} is {@code 0x0E8EDF36}
 * (MS-OXCFOLD 4.5.1).
 *
 * @param value the counter, {@code 0..2^48-1}
 */
public record GlobalCounter(long value) implements Comparable<GlobalCounter> {

  /** The largest counter, {@code 2^48-1}. */
  public static final long MAX_VALUE = (1L << 48) - 1;

  /** Size on the wire. */
  public static final int SIZE = 6;

  public GlobalCounter {
    if (value < 0 || value > MAX_VALUE) {
      throw new IllegalArgumentException("global counter out of 48 bits: " + value);
    }
  }

  /** Shorthand for {@code new GlobalCounter(value)}. */
  public static GlobalCounter of(long value) {
    return new GlobalCounter(value);
  }

  /**
   * The counter of the 6 bytes at {@code offset}.
   *
   * @throws StoreValueFormatException if fewer than 6 bytes are left
   */
  public static GlobalCounter fromBytes(byte[] src, int offset) {
    if (offset < 0 || src.length - offset < SIZE) {
      throw new StoreValueFormatException("a GLOBCNT needs 6 bytes at offset " + offset);
    }
    long v = 0;
    for (int i = 0; i < SIZE; i++) {
      v = v << 8 | (src[offset + i] & 0xFFL);
    }
    return new GlobalCounter(v);
  }

  /** The 6-byte big-endian wire form. */
  public byte[] toBytes() {
    byte[] out = new byte[SIZE];
    write(out, 0);
    return out;
  }

  /** Writes the 6-byte wire form into {@code dst} at {@code offset}. */
  public void write(byte[] dst, int offset) {
    for (int i = 0; i < SIZE; i++) {
      dst[offset + i] = (byte) (value >>> (8 * (SIZE - 1 - i)));
    }
  }

  /**
   * The next counter.
   *
   * @throws IllegalStateException if this is {@link #MAX_VALUE}
   */
  public GlobalCounter next() {
    if (value == MAX_VALUE) {
      throw new IllegalStateException("global counter exhausted");
    }
    return new GlobalCounter(value + 1);
  }

  @Override
  public int compareTo(GlobalCounter other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return String.format("%012X", value);
  }
}

package io.convene.mapi.rop.data;

/**
 * Caps on what one property structure may declare, checked before anything is allocated.
 *
 * @param maxValues most values in a multi-valued property, tags in a tag array, names in a list
 * @param maxStringBytes longest string, in bytes including its terminator
 */
public record PropertyLimits(int maxValues, int maxStringBytes) {

  /** A ROP buffer is at most 64 KiB, so nothing in it can legitimately exceed that. */
  public static final PropertyLimits ROP = new PropertyLimits(0x8000, 0x10000);

  public PropertyLimits {
    if (maxValues < 1 || maxStringBytes < 2) {
      throw new IllegalArgumentException("limits must allow at least one value and an empty string");
    }
  }
}

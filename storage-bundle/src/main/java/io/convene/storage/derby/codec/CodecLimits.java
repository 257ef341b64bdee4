package io.convene.storage.derby.codec;

/**
 * Limits of the property bag codec, enforced when encoding and when decoding.
 *
 * @param maxProperties most properties in one bag
 * @param maxBagBytes most bytes of one encoded bag, at most 1 GiB
 * @param maxValueCount most elements of one multi-valued property
 */
public record CodecLimits(int maxProperties, int maxBagBytes, int maxValueCount) {

  /**
   * 10,000 properties, 16 MiB, 65,535 values: above what Outlook puts on one item; large bodies
   * and attachments live in their own table, not in the bag.
   */
  public static final CodecLimits DEFAULT = new CodecLimits(10_000, 16 << 20, 65_535);

  public CodecLimits {
    if (maxProperties < 0 || maxValueCount < 0 || maxBagBytes < 2 || maxBagBytes > 1 << 30) {
      throw new IllegalArgumentException(
          "invalid codec limits: properties "
              + maxProperties
              + ", bytes "
              + maxBagBytes
              + ", values "
              + maxValueCount);
    }
  }
}

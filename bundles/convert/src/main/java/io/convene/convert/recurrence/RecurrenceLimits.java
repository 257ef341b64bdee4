package io.convene.convert.recurrence;

/**
 * Bounds the decoder puts on counts and lengths read from a blob, before it allocates anything.
 * {@link #DEFAULT} is far above what Outlook writes (its subjects stop at 255 characters; a
 * daily series with ten years of deleted instances has about 3,650 dates).
 *
 * @param maxInstanceDates DeletedInstanceCount and ModifiedInstanceCount each
 * @param maxExceptions ExceptionCount
 * @param maxStringChars each subject and location, 8-bit or Unicode
 * @param maxReservedBytes each reserved block and ChangeHighlight's reserved part
 */
public record RecurrenceLimits(
    int maxInstanceDates, int maxExceptions, int maxStringChars, int maxReservedBytes) {

  public static final RecurrenceLimits DEFAULT = new RecurrenceLimits(20_000, 5_000, 4_096, 65_536);

  public RecurrenceLimits {
    if (maxInstanceDates < 0 || maxExceptions < 0 || maxStringChars < 0 || maxReservedBytes < 0) {
      throw new IllegalArgumentException("limits are not negative");
    }
  }
}

package io.convene.convert.timezone;

/**
 * A SYSTEMTIME structure (MS-DTYP 2.3.13) as the time zone blobs use it for transition dates. With
 * {@code year} 0 it is relative: the {@code day}-th (1-4, 5 = last) {@code dayOfWeek} (0 = Sunday)
 * of {@code month}; otherwise the absolute date {@code year-month-day}. {@code month} 0 means the
 * zone has no daylight saving time. Every field is an unsigned 16-bit value, kept as stored.
 */
public record SystemTime(
    int year, int month, int dayOfWeek, int day, int hour, int minute, int second, int milliseconds) {

  public static final SystemTime NONE = new SystemTime(0, 0, 0, 0, 0, 0, 0, 0);

  public SystemTime {
    for (int v : new int[] {year, month, dayOfWeek, day, hour, minute, second, milliseconds}) {
      if (v < 0 || v > 0xFFFF) {
        throw new IllegalArgumentException("a SYSTEMTIME field is a WORD: " + v);
      }
    }
  }

  /** The {@code week}-th (5 = last) {@code dayOfWeek} (0 = Sunday) of {@code month}, at that time. */
  public static SystemTime relative(int month, int dayOfWeek, int week, int hour, int minute, int second) {
    return new SystemTime(0, month, dayOfWeek, week, hour, minute, second, 0);
  }

  public boolean none() {
    return month == 0;
  }
}

package io.convene.convert.recurrence;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The time values of recurrence blobs: unsigned 32-bit counts of minutes since 1601-01-01 00:00,
 * without a zone (MS-OXOCAL 2.2.1.44.1). Every such value maps to exactly one {@link
 * LocalDateTime} and back, so blobs keep their bytes through the model.
 */
public final class MapiMinutes {

  static final LocalDateTime EPOCH = LocalDateTime.of(1601, 1, 1, 0, 0);
  private static final long MAX = 0xFFFFFFFFL;

  /** The EndDate Outlook writes for a series without end: 4500-12-31 23:59. */
  public static final LocalDateTime NO_END_DATE = toLocalDateTime(0x5AE980DF);

  private MapiMinutes() {}

  public static LocalDateTime toLocalDateTime(int minutes) {
    return EPOCH.plusMinutes(minutes & MAX);
  }

  /** The minutes of {@code t}; fails for seconds, or outside 1601..~9767 (not representable). */
  public static int fromLocalDateTime(LocalDateTime t) {
    if (t.getSecond() != 0 || t.getNano() != 0) {
      throw new IllegalArgumentException("not a whole minute: " + t);
    }
    long m = EPOCH.until(t, ChronoUnit.MINUTES);
    if (m < 0 || m > MAX) {
      throw new IllegalArgumentException("outside the range of a 32-bit minute count: " + t);
    }
    return (int) m;
  }
}

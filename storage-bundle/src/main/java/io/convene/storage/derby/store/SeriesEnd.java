package io.convene.storage.derby.store;

/**
 * The latest instant an instance of a recurring series may end, kept in {@code MESSAGES.RECUR_END}
 * for range queries. PidLidClipEnd of a series is midnight, in the organizer's time zone, of the
 * day of its last instance (MS-OXOCAL 2.2.1.15), so that instance starts up to a day (25 hours
 * across a daylight-saving change) after it and lasts as long as the instances do: a query by
 * PidLidClipEnd alone missed the last day of every series.
 */
final class SeriesEnd {

  /** The longest a local calendar day lasts. Migration 11 adds the same 90,000,000 ms to stored rows. */
  static final long LAST_DAY_MILLIS = 25L * 60 * 60 * 1000;

  private SeriesEnd() {}

  /**
   * @param clipEnd the series' PidLidClipEnd, in epoch milliseconds
   * @param start the first instance's start, or null
   * @param end the first instance's end, or null
   */
  static long of(long clipEnd, Long start, Long end) {
    long length = start != null && end != null && end > start ? end - start : 0;
    return clipEnd + LAST_DAY_MILLIS + length;
  }
}

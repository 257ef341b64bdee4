package io.convene.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Conversions between {@link Instant} and FILETIME, the representation of {@link
 * PropType#PT_SYSTIME} on the wire (MS-OXCDATA 2.11.1, MS-DTYP 2.3.3): an unsigned 64-bit count of
 * 100-nanosecond intervals since 1601-01-01T00:00:00Z.
 *
 * <p>Java {@code long}s here carry the FILETIME's 64 bits unsigned, so values from {@code
 * 0x8000000000000000} up (after the year 30828) are negative {@code long}s but valid times.
 */
public final class FileTimes {

  /** FILETIME 0: 1601-01-01T00:00:00Z. */
  public static final Instant EPOCH = Instant.parse("1601-01-01T00:00:00Z");

  /** FILETIME {@code 0xFFFFFFFFFFFFFFFF}, the latest representable instant. */
  public static final Instant MAX = toInstant(-1L);

  private static final long TICKS_PER_SECOND = 10_000_000L;
  private static final int NANOS_PER_TICK = 100;

  private FileTimes() {}

  /**
   * The instant of a FILETIME.
   *
   * @param fileTime 100-ns ticks since 1601, read as unsigned
   * @return the instant, never {@code null}
   */
  public static Instant toInstant(long fileTime) {
    long seconds = Long.divideUnsigned(fileTime, TICKS_PER_SECOND);
    long ticks = Long.remainderUnsigned(fileTime, TICKS_PER_SECOND);
    return EPOCH.plusSeconds(seconds).plusNanos(ticks * NANOS_PER_TICK);
  }

  /**
   * The FILETIME of an instant, dropping any part below 100 ns (rounding toward the past).
   *
   * @param instant between {@link #EPOCH} and {@link #MAX}, never {@code null}
   * @return 100-ns ticks since 1601 as unsigned 64 bits
   * @throws IllegalArgumentException if the instant is outside the FILETIME range
   */
  public static long toFileTime(Instant instant) {
    Instant t = truncate(instant);
    if (t.isBefore(EPOCH) || t.isAfter(MAX)) {
      throw new IllegalArgumentException("instant outside the FILETIME range: " + instant);
    }
    long seconds = t.getEpochSecond() - EPOCH.getEpochSecond();
    // Wraps past 2^63 on purpose: the result is the FILETIME's unsigned 64 bits.
    return seconds * TICKS_PER_SECOND + t.getNano() / NANOS_PER_TICK;
  }

  /** Whether the instant lies between {@link #EPOCH} and {@link #MAX} once truncated. */
  public static boolean inRange(Instant instant) {
    // EPOCH has no nanoseconds and truncation stays within the second: seconds decide, except at MAX's
    long seconds = instant.getEpochSecond();
    int nanos = instant.getNano();
    return seconds >= EPOCH.getEpochSecond()
        && (seconds < MAX.getEpochSecond()
            || seconds == MAX.getEpochSecond() && nanos - nanos % NANOS_PER_TICK <= MAX.getNano());
  }

  /** The instant with its nanoseconds truncated to a multiple of 100 (FILETIME precision). */
  public static Instant truncate(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    int nanos = instant.getNano();
    if (nanos % NANOS_PER_TICK == 0) {
      return instant;
    }
    return Instant.ofEpochSecond(instant.getEpochSecond(), nanos - nanos % NANOS_PER_TICK);
  }
}

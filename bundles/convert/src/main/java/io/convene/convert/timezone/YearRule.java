package io.convene.convert.timezone;

import java.util.Objects;

/**
 * The offsets and transition dates that a Windows time zone rule gives a year: the common part of
 * {@link TzRule} and {@link TimeZoneStruct}. Offsets from UTC are {@code -(bias + standardBias)}
 * in standard time and {@code -(bias + daylightBias)} in daylight time, in minutes.
 */
public record YearRule(int bias, int standardBias, int daylightBias, SystemTime standardDate, SystemTime daylightDate) {

  public YearRule {
    Objects.requireNonNull(standardDate, "standardDate");
    Objects.requireNonNull(daylightDate, "daylightDate");
  }

  public boolean hasDaylightTime() {
    return !standardDate.none() && !daylightDate.none();
  }

  public int standardOffsetMinutes() {
    return -(bias + standardBias);
  }

  public int daylightOffsetMinutes() {
    return -(bias + daylightBias);
  }
}

package io.convene.convert.timezone;

import java.util.Objects;

/**
 * PidLidTimeZoneStruct (MS-OXOCAL 2.2.1.39), the TZREG form of a zone: one rule for every year.
 * UTC = local time + bias; during standard time + standardBias, during daylight time +
 * daylightBias (minutes). {@code standardDate.month == 0} means no daylight saving time.
 */
public record TimeZoneStruct(
    int bias,
    int standardBias,
    int daylightBias,
    int standardYear,
    SystemTime standardDate,
    int daylightYear,
    SystemTime daylightDate) {

  public static final int SIZE = 48;

  public TimeZoneStruct {
    Objects.requireNonNull(standardDate, "standardDate");
    Objects.requireNonNull(daylightDate, "daylightDate");
    if (standardYear < 0 || standardYear > 0xFFFF || daylightYear < 0 || daylightYear > 0xFFFF) {
      throw new IllegalArgumentException("wStandardYear and wDaylightYear are WORDs");
    }
  }

  /** The rule this struct states, as a {@link TzRule} body. */
  public YearRule rule() {
    return new YearRule(bias, standardBias, daylightBias, standardDate, daylightDate);
  }
}

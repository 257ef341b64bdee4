package io.convene.convert.recurrence;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The RecurrencePattern structure (MS-OXOCAL 2.2.1.44.1): the rule of a recurring series and the
 * dates of its deleted and modified instances. Immutable; every value that the blob can hold is
 * kept as it was, so a decoded pattern encodes back to the same bytes.
 *
 * <p>Time values are local (the series' time zone) and whole minutes. {@code firstDateTime} is
 * the raw anchor of the period grid (minutes, or for monthly and yearly patterns the minute of the
 * first day of the anchor month); {@link #startDate()} and {@link #endDate()} are the midnights of
 * the first and last instance ({@link MapiMinutes#NO_END_DATE} without end).
 *
 * @param frequency RecurFrequency
 * @param patternType PatternType
 * @param calendarType CalendarType
 * @param firstDateTime FirstDateTime, raw minutes
 * @param period Period: minutes for {@link PatternType#DAY}, weeks for {@link PatternType#WEEK},
 *     months for the monthly and yearly types
 * @param slidingFlag SlidingFlag (tasks regenerate from completion when 1)
 * @param daysOfWeek the day-of-week mask of WEEK and *_NTH patterns, else empty
 * @param dayOfMonth the day of MONTH, MONTH_END and their Hijri forms (1-31), else 0
 * @param nth the week of the month of *_NTH patterns (1-4, 5 = last), else 0
 * @param endType EndType
 * @param occurrenceCount OccurrenceCount (meaningful for {@link EndType#END_AFTER_N_OCCURRENCES})
 * @param firstDayOfWeek FirstDOW
 * @param deletedInstanceDates original dates (midnight) of deleted and of modified instances
 * @param modifiedInstanceDates dates (midnight) of modified instances
 * @param startDate StartDate
 * @param endDate EndDate
 */
public record RecurrencePattern(
    RecurFrequency frequency,
    PatternType patternType,
    CalendarType calendarType,
    int firstDateTime,
    int period,
    int slidingFlag,
    Set<DayOfWeek> daysOfWeek,
    int dayOfMonth,
    int nth,
    EndType endType,
    int occurrenceCount,
    DayOfWeek firstDayOfWeek,
    List<LocalDateTime> deletedInstanceDates,
    List<LocalDateTime> modifiedInstanceDates,
    LocalDateTime startDate,
    LocalDateTime endDate) {

  public RecurrencePattern {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(patternType, "patternType");
    Objects.requireNonNull(calendarType, "calendarType");
    Objects.requireNonNull(endType, "endType");
    Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
    daysOfWeek = daysOfWeek.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(daysOfWeek));
    deletedInstanceDates = List.copyOf(deletedInstanceDates);
    modifiedInstanceDates = List.copyOf(modifiedInstanceDates);
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    if (period <= 0) {
      throw new IllegalArgumentException("Period must be positive: " + Integer.toUnsignedString(period));
    }
    if (patternType == PatternType.DAY && period % MINUTES_PER_DAY != 0) {
      throw new IllegalArgumentException("a daily Period must be whole days of minutes: " + period);
    }
    if (patternType.hasDays() == daysOfWeek.isEmpty()) {
      throw new IllegalArgumentException(
          patternType + (patternType.hasDays() ? " needs days of the week" : " has no days of the week"));
    }
    if (patternType.hasDayOfMonth() ? dayOfMonth < 1 || dayOfMonth > 31 : dayOfMonth != 0) {
      throw new IllegalArgumentException(patternType + " with day of month " + dayOfMonth);
    }
    if (patternType.hasNth() ? nth < 1 || nth > 5 : nth != 0) {
      throw new IllegalArgumentException(patternType + " with week of month " + nth);
    }
    if (endType == EndType.END_AFTER_N_OCCURRENCES && occurrenceCount <= 0) {
      throw new IllegalArgumentException("END_AFTER_N_OCCURRENCES with OccurrenceCount " + occurrenceCount);
    }
    // every time value must be representable on the wire
    MapiMinutes.fromLocalDateTime(startDate);
    MapiMinutes.fromLocalDateTime(endDate);
    deletedInstanceDates.forEach(MapiMinutes::fromLocalDateTime);
    modifiedInstanceDates.forEach(MapiMinutes::fromLocalDateTime);
  }

  static final int MINUTES_PER_DAY = 1440;

  /** The DaysOfWeek bit mask of the wire format: Sunday 0x01 ... Saturday 0x40. */
  public static int dayMask(Set<DayOfWeek> days) {
    int mask = 0;
    for (DayOfWeek d : days) {
      mask |= 1 << (d.getValue() % 7);
    }
    return mask;
  }

  /** The days of a DaysOfWeek mask (bits above 0x40 are not days and are ignored here). */
  public static Set<DayOfWeek> daysOfMask(int mask) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int bit = 0; bit < 7; bit++) {
      if ((mask & 1 << bit) != 0) {
        days.add(DayOfWeek.of(bit == 0 ? 7 : bit));
      }
    }
    return days;
  }

  /** FirstDOW on the wire: 0 = Sunday ... 6 = Saturday. */
  static int dowCode(DayOfWeek d) {
    return d.getValue() % 7;
  }

  static DayOfWeek dowOfCode(int code) {
    return DayOfWeek.of(code == 0 ? 7 : code);
  }
}

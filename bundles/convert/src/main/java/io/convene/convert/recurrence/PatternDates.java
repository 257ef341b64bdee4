package io.convene.convert.recurrence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * The dates on which a {@link RecurrencePattern} puts an instance, before deletions and
 * modifications, in the pattern's own local calendar.
 *
 * <p>The period grid is anchored at StartDate (its day, its week from FirstDOW, its month), which
 * is where Outlook anchors FirstDateTime; FirstDateTime itself is kept as data. A day of month
 * past the end of a month falls on the month's last day, as in Outlook.
 */
final class PatternDates {

  /** Receives the dates in order; returns false to stop. */
  interface DateSink {
    boolean accept(LocalDate date);
  }

  private final RecurrencePattern p;
  private final LocalDate start;
  private final LocalDate weekStart;
  private final YearMonth startMonth;
  private final int periodDays;
  private final boolean[] weekdays = new boolean[8];

  PatternDates(RecurrencePattern p) throws UnsupportedRecurrenceException {
    if (p.patternType().hijri() || !p.calendarType().gregorianDates()) {
      throw new UnsupportedRecurrenceException(
          "recurrence in calendar " + p.calendarType() + " with pattern " + p.patternType() + " is kept but not expanded");
    }
    this.p = p;
    this.start = p.startDate().toLocalDate();
    this.weekStart = start.with(TemporalAdjusters.previousOrSame(p.firstDayOfWeek()));
    this.startMonth = YearMonth.from(start);
    this.periodDays = p.patternType() == PatternType.DAY ? p.period() / RecurrencePattern.MINUTES_PER_DAY : 0;
    for (DayOfWeek d : p.daysOfWeek()) {
      weekdays[d.getValue()] = true;
    }
  }

  /**
   * Sends the pattern's dates in [from, until] to {@code sink}, honouring the pattern's end.
   *
   * @return false when {@code maxPeriods} periods were looked at before the end was reached
   */
  boolean visit(LocalDate from, LocalDate until, long maxPeriods, DateSink sink) {
    boolean counted = p.endType() == EndType.END_AFTER_N_OCCURRENCES;
    LocalDate lastDate = p.endType() == EndType.END_BY_DATE ? p.endDate().toLocalDate() : LocalDate.MAX;
    long count = 0;
    // a counted series must be walked from its first instance; any other may jump to the range
    long k = counted ? 0 : Math.max(0, periodIndex(from) - 1);
    LocalDate[] dates = new LocalDate[7];
    for (long periods = 0; ; k++, periods++) {
      if (periods >= maxPeriods) {
        return false;
      }
      if (beyondTimeValues(k)) {
        return true; // past any date a blob can hold (and before java.time would overflow)
      }
      int n = datesOfPeriod(k, dates);
      for (int i = 0; i < n; i++) {
        LocalDate d = dates[i];
        if (d.isBefore(start)) {
          continue;
        }
        if (d.isAfter(lastDate) || d.isAfter(until) || counted && count == p.occurrenceCount()) {
          return true;
        }
        count++;
        if (!d.isBefore(from) && !sink.accept(d)) {
          return true;
        }
      }
    }
  }

  /** Whether period {@code k} starts after year 9999 (a 32-bit minute count ends in 9767). */
  private boolean beyondTimeValues(long k) {
    long limit = switch (p.patternType()) {
      case DAY -> 3_000_000L / periodDays;   // days
      case WEEK -> 430_000L / p.period();     // weeks
      default -> 100_000L / p.period();       // months
    };
    return k > limit;
  }

  private long periodIndex(LocalDate from) {
    return switch (p.patternType()) {
      case DAY -> Math.floorDiv(ChronoUnit.DAYS.between(start, from), periodDays);
      case WEEK -> Math.floorDiv(ChronoUnit.DAYS.between(weekStart, from), 7L * p.period());
      default -> Math.floorDiv(ChronoUnit.MONTHS.between(startMonth, YearMonth.from(from)), p.period());
    };
  }

  /** Fills {@code out} with the dates of period {@code k} in order; returns how many. */
  private int datesOfPeriod(long k, LocalDate[] out) {
    switch (p.patternType()) {
      case DAY -> {
        out[0] = start.plusDays(k * periodDays);
        return 1;
      }
      case WEEK -> {
        LocalDate ws = weekStart.plusWeeks(k * p.period());
        int n = 0;
        for (int i = 0; i < 7; i++) {
          LocalDate d = ws.plusDays(i);
          if (weekdays[d.getDayOfWeek().getValue()]) {
            out[n++] = d;
          }
        }
        return n;
      }
      case MONTH -> {
        YearMonth ym = startMonth.plusMonths(k * p.period());
        out[0] = ym.atDay(Math.min(p.dayOfMonth(), ym.lengthOfMonth()));
        return 1;
      }
      case MONTH_END -> {
        out[0] = startMonth.plusMonths(k * p.period()).atEndOfMonth();
        return 1;
      }
      case MONTH_NTH -> {
        out[0] = nthOfMonth(startMonth.plusMonths(k * p.period()));
        return 1;
      }
      default -> throw new IllegalStateException("not expanded: " + p.patternType());
    }
  }

  /** The nth (1-4) or, for 5, the last of the month's days whose weekday is in the mask. */
  private LocalDate nthOfMonth(YearMonth ym) {
    int len = ym.lengthOfMonth();
    LocalDate first = ym.atDay(1);
    int dow1 = first.getDayOfWeek().getValue();
    if (p.nth() == 5) {
      for (int day = len; ; day--) {
        if (weekdays[(dow1 - 1 + day - 1) % 7 + 1]) {
          return first.withDayOfMonth(day);
        }
      }
    }
    int seen = 0;
    for (int day = 1; day <= len; day++) {
      if (weekdays[(dow1 - 1 + day - 1) % 7 + 1] && ++seen == p.nth()) {
        return first.withDayOfMonth(day);
      }
    }
    // the mask names a day too few times this month (cannot happen for n <= 4 with a non-empty mask)
    return ym.atEndOfMonth();
  }

  static Set<DayOfWeek> weekdaysMonToFri() {
    return Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
  }
}

package io.convene.convert.recurrence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link RecurrencePattern} as Outlook writes one: FirstDateTime from the period grid
 * (MS-OXOCAL 2.2.1.44.1.2), EndDate as the date of the last instance, and OccurrenceCount as the
 * number of instances of a series that ends by date (10 for one without end). Not thread-safe.
 */
public final class RecurrencePatternBuilder {

  /** Outlook's OccurrenceCount for a series without end. */
  static final int NO_END_OCCURRENCE_COUNT = 10;

  private RecurFrequency frequency = RecurFrequency.DAILY;
  private PatternType type = PatternType.DAY;
  private CalendarType calendar = CalendarType.DEFAULT;
  private int interval = 1;
  private Set<DayOfWeek> days = Set.of();
  private int dayOfMonth;
  private int nth;
  private DayOfWeek firstDayOfWeek = DayOfWeek.SUNDAY;
  private LocalDate start;
  private EndType endType = EndType.NEVER_END;
  private int count;
  private LocalDate until;
  private final List<LocalDateTime> deleted = new ArrayList<>();
  private final List<LocalDateTime> modified = new ArrayList<>();

  /** Every {@code n} days. */
  public RecurrencePatternBuilder daily(int n) {
    return kind(RecurFrequency.DAILY, PatternType.DAY, n, Set.of(), 0, 0);
  }

  /** Every weekday, Monday to Friday (Outlook's daily "every weekday"). */
  public RecurrencePatternBuilder everyWeekday() {
    return kind(RecurFrequency.DAILY, PatternType.WEEK, 1, PatternDates.weekdaysMonToFri(), 0, 0);
  }

  public RecurrencePatternBuilder weekly(int n, Set<DayOfWeek> on) {
    return kind(RecurFrequency.WEEKLY, PatternType.WEEK, n, on, 0, 0);
  }

  /** Day {@code day} of every {@code n} months; 31 means the last day. */
  public RecurrencePatternBuilder monthly(int n, int day) {
    return kind(RecurFrequency.MONTHLY, PatternType.MONTH, n, Set.of(), day, 0);
  }

  /** The {@code nth} (1-4, 5 = last) of the {@code on} days every {@code n} months. */
  public RecurrencePatternBuilder monthlyNth(int n, Set<DayOfWeek> on, int nth) {
    return kind(RecurFrequency.MONTHLY, PatternType.MONTH_NTH, n, on, 0, nth);
  }

  /** Day {@code day} of the start's month every {@code n} years. */
  public RecurrencePatternBuilder yearly(int n, int day) {
    return kind(RecurFrequency.YEARLY, PatternType.MONTH, n, Set.of(), day, 0);
  }

  public RecurrencePatternBuilder yearlyNth(int n, Set<DayOfWeek> on, int nth) {
    return kind(RecurFrequency.YEARLY, PatternType.MONTH_NTH, n, on, 0, nth);
  }

  private RecurrencePatternBuilder kind(RecurFrequency f, PatternType t, int n, Set<DayOfWeek> on, int day, int nthWeek) {
    if (n < 1) {
      throw new IllegalArgumentException("interval " + n);
    }
    frequency = f;
    type = t;
    interval = n;
    days = on;
    dayOfMonth = day;
    nth = nthWeek;
    return this;
  }

  public RecurrencePatternBuilder calendar(CalendarType c) {
    calendar = c;
    return this;
  }

  public RecurrencePatternBuilder firstDayOfWeek(DayOfWeek d) {
    firstDayOfWeek = d;
    return this;
  }

  /** The date of the first instance. */
  public RecurrencePatternBuilder start(LocalDate d) {
    start = d;
    return this;
  }

  public RecurrencePatternBuilder endAfter(int occurrences) {
    endType = EndType.END_AFTER_N_OCCURRENCES;
    count = occurrences;
    return this;
  }

  /** Ends with the last instance on or before {@code d}. */
  public RecurrencePatternBuilder endBy(LocalDate d) {
    endType = EndType.END_BY_DATE;
    until = d;
    return this;
  }

  public RecurrencePatternBuilder noEnd() {
    endType = EndType.NEVER_END;
    return this;
  }

  /** An instance, by its original date, that is deleted. */
  public RecurrencePatternBuilder deleted(LocalDate originalDate) {
    deleted.add(originalDate.atStartOfDay());
    return this;
  }

  /** An instance moved from {@code originalDate} to {@code newDate} (or only changed, same date). */
  public RecurrencePatternBuilder modified(LocalDate originalDate, LocalDate newDate) {
    deleted.add(originalDate.atStartOfDay());
    modified.add(newDate.atStartOfDay());
    return this;
  }

  /** Periods looked at to find the end; a series needing more is refused as unbuildable. */
  static final long MAX_PERIODS = 100_000;

  public RecurrencePattern build() throws UnsupportedRecurrenceException {
    if (start == null) {
      throw new IllegalStateException("no start date");
    }
    int period = type == PatternType.DAY ? interval * RecurrencePattern.MINUTES_PER_DAY
        : frequency == RecurFrequency.YEARLY ? interval * 12 : interval;
    int firstDateTime = firstDateTime(type, period, start, firstDayOfWeek);
    List<LocalDateTime> del = new ArrayList<>(deleted);
    del.sort(null);
    List<LocalDateTime> mod = new ArrayList<>(modified);
    mod.sort(null);
    RecurrencePattern draft = pattern(period, firstDateTime, endType == EndType.END_AFTER_N_OCCURRENCES ? count : 1,
        MapiMinutes.NO_END_DATE, del, mod);
    if (endType == EndType.NEVER_END) {
      return pattern(period, firstDateTime, NO_END_OCCURRENCE_COUNT, MapiMinutes.NO_END_DATE, del, mod);
    }
    LocalDate limit = endType == EndType.END_BY_DATE ? until : LocalDate.of(4500, 12, 31);
    LocalDate[] last = {null};
    int[] n = {0};
    boolean done = new PatternDates(draft).visit(start, limit, MAX_PERIODS, d -> {
      last[0] = d;
      n[0]++;
      return true;
    });
    if (!done || last[0] == null) {
      throw new UnsupportedRecurrenceException("the series has no instance, or too many to find its end");
    }
    return pattern(period, firstDateTime, endType == EndType.END_AFTER_N_OCCURRENCES ? count : n[0],
        last[0].atStartOfDay(), del, mod);
  }

  private RecurrencePattern pattern(int period, int firstDateTime, int occurrences, LocalDateTime end,
      List<LocalDateTime> del, List<LocalDateTime> mod) {
    return new RecurrencePattern(frequency, type, calendar, firstDateTime, period, 0, days, dayOfMonth, nth,
        endType, occurrences, firstDayOfWeek, del, mod, start.atStartOfDay(), end);
  }

  /**
   * FirstDateTime (MS-OXOCAL 2.2.1.44.1.2): for daily patterns the start modulo the period, for
   * weekly ones the start of the start's week modulo the period, for monthly and yearly ones the
   * first day of the month that is the start's month counted from 1601-01 modulo the period.
   */
  static int firstDateTime(PatternType type, int period, LocalDate start, DayOfWeek firstDow) {
    switch (type) {
      case DAY:
        return (int) (minutes(start) % period);
      case WEEK:
        LocalDate weekStart = start.with(TemporalAdjusters.previousOrSame(firstDow));
        return (int) (minutes(weekStart) % (period * 10080L));
      default:
        long months = ChronoUnit.MONTHS.between(MapiMinutes.EPOCH.toLocalDate(), start.withDayOfMonth(1));
        return (int) minutes(MapiMinutes.EPOCH.toLocalDate().plusMonths(months % period));
    }
  }

  private static long minutes(LocalDate d) {
    return ChronoUnit.DAYS.between(MapiMinutes.EPOCH.toLocalDate(), d) * RecurrencePattern.MINUTES_PER_DAY;
  }
}

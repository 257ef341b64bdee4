package io.convene.convert.recurrence;

import io.convene.convert.binary.OpaqueBytes;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Month;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Maps a MAPI recurrence (PidLidAppointmentRecur) to RRULE, EXDATE and RECURRENCE-ID overrides
 * and back, following MS-OXCICAL 2.1.3.2.2: the rule yields the same instances as the pattern.
 *
 * <p>Outlook puts an instance whose day of month is past the month's end on the last day; RRULE
 * skips such months. So day 29 and 30 become {@code BYMONTHDAY=28,29[,30];BYSETPOS=-1} and day
 * 31 becomes {@code BYMONTHDAY=-1}, which produce the same dates; the reverse mapping reads those
 * forms back. A plain {@code BYMONTHDAY} of 29-31 is imported as Outlook's clamped day (the one
 * approximation; it adds instances in short months). Rules a MAPI pattern cannot express (BYHOUR,
 * BYWEEKNO, several months, daily rules with a day filter and an interval, ...) are refused with
 * {@link UnsupportedRecurrenceException}. Stateless and thread-safe.
 */
public final class ICalendarRecurrenceMapper {

  /** Writer version of blobs built here: Outlook 2007 and later, with ChangeHighlight. */
  private static final int WRITER_VERSION_2 = AppointmentRecurrencePattern.WRITER_VERSION_2;

  private static final java.time.format.DateTimeFormatter UNTIL_FORMAT =
      java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

  public ICalendarRecurrence toICalendar(AppointmentRecurrencePattern a, ZoneId zone)
      throws UnsupportedRecurrenceException {
    RecurrencePattern p = a.pattern();
    if (p.patternType().hijri() || !p.calendarType().gregorianDates()) {
      throw new UnsupportedRecurrenceException("no RRULE for a " + p.calendarType() + " " + p.patternType() + " pattern");
    }
    if (a.startTimeOffset() < 0 || a.startTimeOffset() >= 1440 || a.endTimeOffset() < a.startTimeOffset()) {
      // StartTimeOffset is a time of day; EndTimeOffset lies after it (MS-OXOCAL 2.2.1.44.2)
      throw new UnsupportedRecurrenceException(
          "StartTimeOffset " + a.startTimeOffset() + " / EndTimeOffset " + a.endTimeOffset() + " are no time of day");
    }
    LocalDateTime firstStart = p.startDate().toLocalDate().atStartOfDay().plusMinutes(a.startTimeOffset());
    ZonedDateTime dtStart = ZonedDateTime.of(firstStart, zone);
    ZonedDateTime dtEnd = ZonedDateTime.of(firstStart.plusMinutes(Math.max(0, a.endTimeOffset() - a.startTimeOffset())), zone);

    Recur.Builder<ZonedDateTime> b = new Recur.Builder<>();
    switch (p.patternType()) {
      case DAY -> b.frequency(Frequency.DAILY).interval(p.period() / RecurrencePattern.MINUTES_PER_DAY);
      // "every weekday" is a daily pattern of type Week (MS-OXOCAL 2.2.1.44.1); as a daily rule it
      // reads back as such, where a weekly one would read back as a weekly pattern
      case WEEK -> b.frequency(p.frequency() == RecurFrequency.DAILY && p.period() == 1 ? Frequency.DAILY : Frequency.WEEKLY)
          .interval(p.period()).dayList(weekDays(p.daysOfWeek(), 0));
      case MONTH, MONTH_END, MONTH_NTH -> {
        boolean yearly = p.frequency() == RecurFrequency.YEARLY;
        if (yearly && p.period() % 12 != 0) {
          throw new UnsupportedRecurrenceException("a yearly pattern of " + p.period() + " months");
        }
        b.frequency(yearly ? Frequency.YEARLY : Frequency.MONTHLY).interval(yearly ? p.period() / 12 : p.period());
        if (yearly) {
          b.monthList(Month.valueOf(p.startDate().getMonthValue()));
        }
        if (p.patternType() == PatternType.MONTH_NTH) {
          int pos = p.nth() == 5 ? -1 : p.nth();
          if (p.daysOfWeek().size() == 1) {
            b.dayList(weekDays(p.daysOfWeek(), pos));
          } else {
            b.dayList(weekDays(p.daysOfWeek(), 0)).setPosList(pos);
          }
        } else {
          int day = p.patternType() == PatternType.MONTH_END ? 31 : p.dayOfMonth();
          if (day <= 28) {
            b.monthDayList(day);
          } else if (day == 31) {
            b.monthDayList(-1);
          } else {
            List<Integer> days = new ArrayList<>();
            for (int d = 28; d <= day; d++) {
              days.add(d);
            }
            b.monthDayList(days).setPosList(-1);
          }
        }
      }
      default -> throw new UnsupportedRecurrenceException("pattern type " + p.patternType());
    }
    b.weekStartDay(WeekDay.getWeekDay(p.firstDayOfWeek()));
    Recur<ZonedDateTime> rrule;
    switch (p.endType()) {
      case END_AFTER_N_OCCURRENCES -> rrule = b.count(p.occurrenceCount()).build();
      case END_BY_DATE -> {
        // ical4j 4.1.1 writes a ZonedDateTime UNTIL without its 'Z' (a floating time, wrong by the
        // offset); an UNTIL parsed from text keeps it, so the rule is completed as text
        LocalDateTime lastStart = p.endDate().toLocalDate().atStartOfDay().plusMinutes(a.startTimeOffset());
        String until = UNTIL_FORMAT.format(ZonedDateTime.of(lastStart, zone).withZoneSameInstant(ZoneOffset.UTC));
        try {
          rrule = new Recur<>(b.build() + ";UNTIL=" + until);
        } catch (RuntimeException e) {
          throw new UnsupportedRecurrenceException("no RRULE with UNTIL " + until + ": " + e.getMessage());
        }
      }
      default -> rrule = b.build();
    }

    Set<LocalDate> modifiedOriginals = new HashSet<>();
    List<ICalendarRecurrence.Override> overrides = new ArrayList<>();
    for (int i = 0; i < a.exceptions().size(); i++) {
      ExceptionInfo e = a.exceptions().get(i);
      ExtendedException x = a.extendedExceptions().get(i);
      modifiedOriginals.add(e.originalStartDate().toLocalDate());
      overrides.add(new ICalendarRecurrence.Override(
          ZonedDateTime.of(e.originalStartDate(), zone),
          ZonedDateTime.of(e.startDateTime(), zone),
          ZonedDateTime.of(e.endDateTime(), zone),
          e.has(ExceptionInfo.ARO_SUBJECT) ? (x.wideCharSubject() != null ? x.wideCharSubject() : e.subject()) : null,
          e.has(ExceptionInfo.ARO_LOCATION) ? (x.wideCharLocation() != null ? x.wideCharLocation() : e.location()) : null,
          e));
    }
    List<ZonedDateTime> exDates = new ArrayList<>();
    for (LocalDateTime d : p.deletedInstanceDates()) {
      if (!modifiedOriginals.contains(d.toLocalDate())) {
        exDates.add(ZonedDateTime.of(d.toLocalDate().atStartOfDay().plusMinutes(a.startTimeOffset()), zone));
      }
    }
    return new ICalendarRecurrence(dtStart, dtEnd, rrule, exDates, overrides);
  }

  private static List<WeekDay> weekDays(Set<DayOfWeek> days, int offset) {
    List<WeekDay> out = new ArrayList<>();
    for (DayOfWeek d : EnumSet.copyOf(days)) {
      WeekDay w = WeekDay.getWeekDay(d);
      out.add(offset == 0 ? w : new WeekDay(w, offset));
    }
    return out;
  }

  /**
   * The MAPI recurrence of an iCalendar series. {@code rDates} are taken as moved instances,
   * each paired with the EXDATE nearest to it (an RDATE/EXDATE pair is how some producers move an
   * instance); an RDATE without an EXDATE to pair has no MAPI form and is refused.
   *
   * @param dtStart DTSTART of the master; its zone is the series' zone
   * @param dtEnd DTEND of the master
   */
  public AppointmentRecurrencePattern fromICalendar(
      Recur<?> rrule,
      ZonedDateTime dtStart,
      ZonedDateTime dtEnd,
      List<ZonedDateTime> exDates,
      List<ZonedDateTime> rDates,
      List<ICalendarRecurrence.Override> overrides)
      throws UnsupportedRecurrenceException {
    ZoneId zone = dtStart.getZone();
    LocalDateTime start = dtStart.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
    int startOffset = start.getHour() * 60 + start.getMinute();
    // EndTimeOffset counts wall-clock minutes from the start date's midnight in the series' zone
    // (MS-OXOCAL 2.2.1.44.2), as DTEND of a series is a local time (MS-OXCICAL 2.1.3.1.1.20.8): an
    // instance spanning a DST change lasts an hour more or less than its local length
    long duration = Math.max(0, ChronoUnit.MINUTES.between(start, local(dtEnd, zone)));
    if (startOffset + duration > Integer.MAX_VALUE) {
      throw new UnsupportedRecurrenceException("an instance longer than a 32-bit minute count");
    }
    RecurrencePatternBuilder b = builderFor(rrule, start.toLocalDate(), zone, startOffset);
    b.start(start.toLocalDate());

    List<LocalDateTime> pureDeletions = new ArrayList<>();
    for (ZonedDateTime ex : exDates) {
      pureDeletions.add(local(ex, zone));
    }
    List<ICalendarRecurrence.Override> moves = new ArrayList<>(overrides);
    // an RDATE instance lasts the master's exact duration (RFC 5545 3.8.5.3, DTEND given)
    java.time.Duration exact = java.time.Duration.ofMinutes(Math.max(0, ChronoUnit.MINUTES.between(dtStart, dtEnd)));
    for (ZonedDateTime r : rDates) {
      LocalDateTime rLocal = local(r, zone);
      LocalDateTime nearest = pureDeletions.stream()
          .min(Comparator.comparingLong(d -> Math.abs(ChronoUnit.MINUTES.between(d, rLocal))))
          .orElseThrow(() -> new UnsupportedRecurrenceException("RDATE " + r + " adds an instance, which MAPI cannot hold"));
      pureDeletions.remove(nearest);
      moves.add(new ICalendarRecurrence.Override(
          ZonedDateTime.of(nearest, zone), r, r.plus(exact), null, null, null));
    }
    for (LocalDateTime d : pureDeletions) {
      b.deleted(d.toLocalDate());
    }
    List<ExceptionInfo> infos = new ArrayList<>();
    moves.sort(Comparator.comparing(o -> local(o.start(), zone)));
    for (ICalendarRecurrence.Override o : moves) {
      LocalDateTime oStart = local(o.start(), zone);
      LocalDateTime oEnd = local(o.end(), zone);
      LocalDateTime original = local(o.recurrenceId(), zone);
      b.modified(original.toLocalDate(), oStart.toLocalDate());
      int flags = (o.subject() != null ? ExceptionInfo.ARO_SUBJECT : 0) | (o.location() != null ? ExceptionInfo.ARO_LOCATION : 0);
      infos.add(new ExceptionInfo(oStart, oEnd, original, flags, ansi(o.subject()), null, null, null, ansi(o.location()),
          null, null, null, null));
    }
    RecurrencePattern pattern = b.build();
    List<ExtendedException> extended = new ArrayList<>();
    for (int i = 0; i < infos.size(); i++) {
      ICalendarRecurrence.Override o = moves.get(i);
      extended.add(ExtendedException.of(infos.get(i), o.subject(), o.location(), true));
    }
    return new AppointmentRecurrencePattern(pattern, AppointmentRecurrencePattern.READER_VERSION_2, WRITER_VERSION_2,
        startOffset, (int) (startOffset + duration), infos, OpaqueBytes.EMPTY, extended, OpaqueBytes.EMPTY);
  }

  private static LocalDateTime local(ZonedDateTime t, ZoneId zone) {
    return t.withZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
  }

  /** The 8-bit copy of a string: Latin-1, other characters as '?'. */
  private static String ansi(String s) {
    return s == null ? null : new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
  }

  private RecurrencePatternBuilder builderFor(Recur<?> r, LocalDate start, ZoneId zone, int startOffset)
      throws UnsupportedRecurrenceException {
    if (!r.getHourList().isEmpty() || !r.getMinuteList().isEmpty() || !r.getSecondList().isEmpty()
        || !r.getYearDayList().isEmpty() || !r.getWeekNoList().isEmpty() || !r.getExperimentalValues().isEmpty()
        || r.getSkip() != null) {
      throw new UnsupportedRecurrenceException("RRULE " + r + " has parts a MAPI pattern cannot hold");
    }
    int interval = Math.max(1, r.getInterval());
    List<WeekDay> days = r.getDayList();
    List<Integer> monthDays = r.getMonthDayList();
    List<Integer> setPos = r.getSetPosList();
    RecurrencePatternBuilder b = new RecurrencePatternBuilder();
    b.firstDayOfWeek(r.getWeekStartDay() != null ? WeekDay.getDayOfWeek(r.getWeekStartDay()) : DayOfWeek.MONDAY);
    switch (r.getFrequency()) {
      case DAILY -> {
        requireEmpty(r, r.getMonthList().isEmpty() && monthDays.isEmpty() && setPos.isEmpty());
        if (days.isEmpty()) {
          b.daily(interval);
        } else if (interval == 1 && plainDays(days).equals(PatternDates.weekdaysMonToFri())) {
          b.everyWeekday();
        } else if (interval == 1) {
          b.weekly(1, plainDays(days));
        } else {
          throw new UnsupportedRecurrenceException("RRULE " + r + ": a daily rule with both INTERVAL and BYDAY");
        }
      }
      case WEEKLY -> {
        requireEmpty(r, r.getMonthList().isEmpty() && monthDays.isEmpty() && setPos.isEmpty());
        b.weekly(interval, days.isEmpty() ? Set.of(start.getDayOfWeek()) : plainDays(days));
      }
      case MONTHLY -> {
        requireEmpty(r, r.getMonthList().isEmpty());
        monthPart(r, b, false, interval, start);
      }
      case YEARLY -> {
        if (r.getMonthList().size() > 1
            || r.getMonthList().size() == 1 && r.getMonthList().get(0).getMonthOfYear() != start.getMonthValue()) {
          throw new UnsupportedRecurrenceException("RRULE " + r + ": BYMONTH other than the start's month");
        }
        monthPart(r, b, true, interval, start);
      }
      default -> throw new UnsupportedRecurrenceException("RRULE " + r + ": FREQ=" + r.getFrequency());
    }
    if (r.getCount() > 0) {
      b.endAfter(r.getCount());
    } else if (r.getUntil() != null) {
      b.endBy(untilDate(r.getUntil(), zone, startOffset));
    }
    return b;
  }

  /** The date of the last instance UNTIL admits: instances start StartTimeOffset after midnight. */
  private static LocalDate untilDate(Object until, ZoneId zone, int startOffset) throws UnsupportedRecurrenceException {
    if (until instanceof LocalDate d) {
      return d; // a DATE bound admits that whole day
    }
    LocalDateTime local;
    if (until instanceof java.time.temporal.TemporalAccessor t
        && t.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
      local = java.time.Instant.from(t).atZone(zone).toLocalDateTime();
    } else if (until instanceof LocalDateTime floating) {
      local = floating;
    } else {
      throw new UnsupportedRecurrenceException("UNTIL " + until);
    }
    return local.minusMinutes(startOffset).toLocalDate();
  }

  private static void monthPart(Recur<?> r, RecurrencePatternBuilder b, boolean yearly, int interval, LocalDate start)
      throws UnsupportedRecurrenceException {
    List<WeekDay> days = r.getDayList();
    List<Integer> monthDays = r.getMonthDayList();
    List<Integer> setPos = r.getSetPosList();
    if (!days.isEmpty()) {
      requireEmpty(r, monthDays.isEmpty());
      int nth;
      Set<DayOfWeek> on;
      if (days.size() == 1 && days.get(0).getOffset() != 0 && setPos.isEmpty()) {
        nth = days.get(0).getOffset();
        on = Set.of(WeekDay.getDayOfWeek(days.get(0)));
      } else if (setPos.size() == 1 && days.stream().allMatch(d -> d.getOffset() == 0)) {
        nth = setPos.get(0);
        on = plainDays(days);
      } else {
        throw new UnsupportedRecurrenceException("RRULE " + r + ": BYDAY that is not one nth weekday");
      }
      if (nth != -1 && (nth < 1 || nth > 4)) {
        throw new UnsupportedRecurrenceException("RRULE " + r + ": week " + nth + " of the month");
      }
      if (yearly) {
        b.yearlyNth(interval, on, nth == -1 ? 5 : nth);
      } else {
        b.monthlyNth(interval, on, nth == -1 ? 5 : nth);
      }
      return;
    }
    int day;
    if (monthDays.isEmpty()) {
      requireEmpty(r, setPos.isEmpty());
      day = start.getDayOfMonth();
    } else if (monthDays.size() == 1 && setPos.isEmpty()) {
      day = monthDays.get(0) == -1 ? 31 : monthDays.get(0);
    } else if (setPos.equals(List.of(-1)) && monthDays.get(0) == 28 && isRun(monthDays)) {
      day = monthDays.get(monthDays.size() - 1);
    } else {
      throw new UnsupportedRecurrenceException("RRULE " + r + ": BYMONTHDAY " + monthDays);
    }
    if (day < 1 || day > 31) {
      throw new UnsupportedRecurrenceException("RRULE " + r + ": day of month " + day);
    }
    if (yearly) {
      b.yearly(interval, day);
    } else {
      b.monthly(interval, day);
    }
  }

  private static boolean isRun(List<Integer> days) {
    for (int i = 1; i < days.size(); i++) {
      if (days.get(i) != days.get(i - 1) + 1) {
        return false;
      }
    }
    return days.get(days.size() - 1) <= 31;
  }

  private static Set<DayOfWeek> plainDays(List<WeekDay> days) throws UnsupportedRecurrenceException {
    EnumSet<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (WeekDay d : days) {
      if (d.getOffset() != 0) {
        throw new UnsupportedRecurrenceException("BYDAY " + d + " with a position here");
      }
      out.add(WeekDay.getDayOfWeek(d));
    }
    return out;
  }

  private static void requireEmpty(Recur<?> r, boolean ok) throws UnsupportedRecurrenceException {
    if (!ok) {
      throw new UnsupportedRecurrenceException("RRULE " + r + " has parts a MAPI pattern cannot hold");
    }
  }
}

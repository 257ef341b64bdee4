package io.convene.convert.timezone;

import io.convene.convert.binary.BlobFormatException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Converts Windows time zone rules (a {@link TimeZoneDefinition}'s rules by year, or one {@link
 * TimeZoneStruct}) to {@link ZoneRules} and back.
 *
 * <p>Windows semantics: a rule holds from its year until the next rule's year, and the first rule
 * also before its year. A transition time is wall time in the offset before it; a time of
 * 23:59:59.999 is the end of the day. A year's offset at its start is the one its rule's last
 * transition leads to, so a rule whose transition falls on January 1 00:00 changes the offset as
 * the year begins; that is how one-off changes are written (Moscow 2011 and 2014, Sao Paulo 2019).
 * Explicit transitions are computed from {@value #FIRST_EXPLICIT_YEAR} to the last rule's year,
 * the last rule recurs after it; before {@value #FIRST_EXPLICIT_YEAR} the zone keeps its offset
 * of that year's start. Stateless and thread-safe.
 */
public final class WindowsZoneRules {

  static final int FIRST_EXPLICIT_YEAR = 1900;
  /** Transitions looked at in one year of IANA rules (a handful at most in real zones). */
  private static final int MAX_TRANSITIONS_PER_YEAR = 16;

  private WindowsZoneRules() {}

  public static ZoneRules toZoneRules(TimeZoneDefinition d) throws BlobFormatException {
    TreeMap<Integer, YearRule> byYear = new TreeMap<>();
    for (TzRule r : d.rules()) {
      byYear.put(r.year(), r.rule());
    }
    return build(byYear);
  }

  public static ZoneRules toZoneRules(TimeZoneStruct s) throws BlobFormatException {
    TreeMap<Integer, YearRule> byYear = new TreeMap<>();
    byYear.put(FIRST_EXPLICIT_YEAR, s.rule());
    return build(byYear);
  }

  private record Change(LocalDateTime when, ZoneOffset after) {}

  private static ZoneRules build(TreeMap<Integer, YearRule> byYear) throws BlobFormatException {
    int lastYear = Math.max(FIRST_EXPLICIT_YEAR, byYear.lastKey());
    List<ZoneOffsetTransition> wall = new ArrayList<>();
    List<ZoneOffsetTransition> standard = new ArrayList<>();
    ZoneOffset baseWall = null;
    ZoneOffset baseStandard = null;
    ZoneOffset prevWall = null;
    ZoneOffset prevStandard = null;
    for (int y = FIRST_EXPLICIT_YEAR; y <= lastYear; y++) {
      var floor = byYear.floorEntry(y);
      YearRule r = floor != null ? floor.getValue() : byYear.firstEntry().getValue();
      ZoneOffset std = offset(r.standardOffsetMinutes());
      List<Change> changes = yearChanges(r, y);
      LocalDateTime yearStart = LocalDate.of(y, 1, 1).atStartOfDay();
      ZoneOffset current = changes.isEmpty() ? std : changes.get(changes.size() - 1).after();
      while (!changes.isEmpty() && !changes.get(0).when().isAfter(yearStart)) {
        current = changes.remove(0).after();
      }
      if (prevWall == null) {
        baseWall = current;
        baseStandard = std;
      } else {
        add(wall, yearStart, prevWall, current);
        add(standard, yearStart, prevStandard, std);
      }
      for (Change c : changes) {
        if (add(wall, c.when(), current, c.after())) {
          current = c.after();
        }
      }
      prevWall = current;
      prevStandard = std;
    }
    YearRule last = byYear.lastEntry().getValue();
    List<ZoneOffsetTransitionRule> lastRules = new ArrayList<>();
    if (last.hasDaylightTime() && last.standardDate().year() == 0 && last.daylightDate().year() == 0
        && last.standardOffsetMinutes() != last.daylightOffsetMinutes()) {
      ZoneOffset std = offset(last.standardOffsetMinutes());
      ZoneOffset dst = offset(last.daylightOffsetMinutes());
      lastRules.add(rule(last.daylightDate(), std, std, dst));
      lastRules.add(rule(last.standardDate(), std, dst, std));
      lastRules.sort(Comparator.comparing(ZoneOffsetTransitionRule::getMonth)
          .thenComparingInt(t -> t.getDayOfMonthIndicator() < 0 ? 32 : t.getDayOfMonthIndicator()));
      // the recurring rules must continue the explicit years' end state
      if (!lastRules.get(lastRules.size() - 1).getOffsetAfter().equals(prevWall)) {
        lastRules.clear();
      }
    }
    return ZoneRules.of(baseStandard, baseWall, standard, wall, lastRules);
  }

  /** Adds a transition unless it changes nothing or does not come after the previous one. */
  private static boolean add(List<ZoneOffsetTransition> list, LocalDateTime when, ZoneOffset before, ZoneOffset after) {
    if (before.equals(after)) {
      return false;
    }
    ZoneOffsetTransition t = ZoneOffsetTransition.of(when, before, after);
    if (!list.isEmpty() && !t.getInstant().isAfter(list.get(list.size() - 1).getInstant())) {
      return false;
    }
    list.add(t);
    return true;
  }

  private static List<Change> yearChanges(YearRule r, int year) throws BlobFormatException {
    List<Change> changes = new ArrayList<>(2);
    if (r.hasDaylightTime() && r.standardOffsetMinutes() != r.daylightOffsetMinutes()) {
      changes.add(new Change(resolve(r.daylightDate(), year), offset(r.daylightOffsetMinutes())));
      changes.add(new Change(resolve(r.standardDate(), year), offset(r.standardOffsetMinutes())));
      changes.sort(Comparator.comparing(Change::when));
    }
    return changes;
  }

  /** The local date-time of a transition date in {@code year}. */
  static LocalDateTime resolve(SystemTime t, int year) throws BlobFormatException {
    check(t);
    LocalDate date;
    if (t.year() == 0) {
      DayOfWeek dow = DayOfWeek.of(t.dayOfWeek() == 0 ? 7 : t.dayOfWeek());
      LocalDate first = LocalDate.of(year, t.month(), 1).with(TemporalAdjusters.firstInMonth(dow));
      LocalDate nth = first.plusWeeks(t.day() - 1L);
      date = t.day() == 5 || nth.getMonthValue() != t.month() ? first.with(TemporalAdjusters.lastInMonth(dow)) : nth;
    } else {
      LocalDate firstOfMonth = LocalDate.of(year, t.month(), 1);
      date = firstOfMonth.withDayOfMonth(Math.min(t.day(), firstOfMonth.lengthOfMonth()));
    }
    return date.atTime(t.hour(), t.minute(), t.second()).plusSeconds(t.milliseconds() > 0 ? 1 : 0);
  }

  private static void check(SystemTime t) throws BlobFormatException {
    boolean ok = t.month() >= 1 && t.month() <= 12 && t.hour() <= 23 && t.minute() <= 59 && t.second() <= 59
        && t.milliseconds() <= 999
        && (t.year() == 0 ? t.dayOfWeek() <= 6 && t.day() >= 1 && t.day() <= 5 : t.day() >= 1 && t.day() <= 31);
    if (!ok) {
      throw new BlobFormatException("not a transition date: " + t);
    }
  }

  private static ZoneOffset offset(int minutes) throws BlobFormatException {
    if (Math.abs(minutes) > 18 * 60) {
      throw new BlobFormatException("a UTC offset of " + minutes + " minutes");
    }
    return ZoneOffset.ofTotalSeconds(minutes * 60);
  }

  private static ZoneOffsetTransitionRule rule(SystemTime t, ZoneOffset std, ZoneOffset before, ZoneOffset after)
      throws BlobFormatException {
    check(t);
    LocalTime time = LocalTime.of(t.hour(), t.minute(), t.second());
    boolean endOfDay = false;
    if (t.milliseconds() > 0) {
      time = time.plusSeconds(1);
      endOfDay = time.equals(LocalTime.MIDNIGHT);
    }
    int indicator = t.day() == 5 ? -1 : 1 + 7 * (t.day() - 1);
    return ZoneOffsetTransitionRule.of(Month.of(t.month()), indicator, DayOfWeek.of(t.dayOfWeek() == 0 ? 7 : t.dayOfWeek()),
        time, endOfDay, ZoneOffsetTransitionRule.TimeDefinition.WALL, std, before, after);
  }

  /**
   * The Windows rule that states {@code rules} in {@code year}: its standard and daylight offsets
   * and its two transitions, or one offset change written with a January 1 transition. A year
   * with more changes than Windows can state (a DST pause for Ramadan) keeps its first and last
   * transition.
   */
  public static YearRule yearRule(ZoneRules rules, int year) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(14));
    List<ZoneOffsetTransition> ts = new ArrayList<>();
    ZoneOffsetTransition t = rules.nextTransition(from.minusSeconds(1));
    while (t != null && t.getDateTimeBefore().getYear() <= year && ts.size() < MAX_TRANSITIONS_PER_YEAR) {
      if (t.getDateTimeBefore().getYear() == year) {
        ts.add(t);
      }
      t = rules.nextTransition(t.getInstant());
    }
    if (ts.isEmpty()) {
      int off = rules.getOffset(LocalDate.of(year, 7, 1).atStartOfDay().toInstant(ZoneOffset.UTC)).getTotalSeconds() / 60;
      return new YearRule(-off, 0, 0, SystemTime.NONE, SystemTime.NONE);
    }
    ZoneOffsetTransition first = ts.get(0);
    ZoneOffsetTransition lastT = ts.get(ts.size() - 1);
    if (ts.size() >= 2 && lastT.getOffsetAfter().equals(first.getOffsetBefore())) {
      boolean firstToDaylight = first.getOffsetAfter().getTotalSeconds() > first.getOffsetBefore().getTotalSeconds();
      ZoneOffsetTransition toDst = firstToDaylight ? first : lastT;
      ZoneOffsetTransition toStd = firstToDaylight ? lastT : first;
      int std = toStd.getOffsetAfter().getTotalSeconds() / 60;
      int dst = toDst.getOffsetAfter().getTotalSeconds() / 60;
      return new YearRule(-std, 0, std - dst, relative(toStd.getDateTimeBefore()), relative(toDst.getDateTimeBefore()));
    }
    // one change of offset: the other state starts the year, written as a January 1 transition
    int before = first.getOffsetBefore().getTotalSeconds() / 60;
    int after = lastT.getOffsetAfter().getTotalSeconds() / 60;
    LocalDate jan1 = LocalDate.of(year, 1, 1);
    SystemTime newYear = new SystemTime(year, 1, jan1.getDayOfWeek().getValue() % 7, 1, 0, 0, 0, 0);
    SystemTime change = relative(lastT.getDateTimeBefore());
    if (after > before) {
      return new YearRule(-before, 0, before - after, newYear, change);
    }
    return new YearRule(-after, 0, after - before, change, newYear);
  }

  private static SystemTime relative(LocalDateTime t) {
    int day = t.getDayOfMonth();
    int week = day + 7 > t.toLocalDate().lengthOfMonth() ? 5 : (day - 1) / 7 + 1;
    return SystemTime.relative(t.getMonthValue(), t.getDayOfWeek().getValue() % 7, week, t.getHour(), t.getMinute(), t.getSecond());
  }

  /**
   * The TimeZoneDefinition of {@code rules} from {@code fromYear} through {@code toYear}: one
   * TZRule per run of years with the same rule; the rule covering {@code effectiveYear} is flagged
   * effective (and, with {@code recur}, as the one PidLidTimeZoneStruct holds).
   */
  public static TimeZoneDefinition toDefinition(String keyName, ZoneRules rules, int fromYear, int toYear,
      int effectiveYear, boolean recur) {
    List<int[]> starts = new ArrayList<>();
    List<YearRule> yearRules = new ArrayList<>();
    for (int y = fromYear; y <= toYear; y++) {
      YearRule r = yearRule(rules, y);
      if (yearRules.isEmpty() || !yearRules.get(yearRules.size() - 1).equals(r)) {
        yearRules.add(r);
        starts.add(new int[] {y});
      }
    }
    List<TzRule> out = new ArrayList<>();
    for (int i = 0; i < yearRules.size(); i++) {
      int start = starts.get(i)[0];
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] - 1 : Integer.MAX_VALUE;
      boolean effective = effectiveYear >= start && effectiveYear <= end
          || i == 0 && effectiveYear < start || i == yearRules.size() - 1 && effectiveYear > end;
      int flags = effective ? TzRule.FLAG_EFFECTIVE_TZREG | (recur ? TzRule.FLAG_RECUR_CURRENT_TZREG : 0) : 0;
      out.add(new TzRule(flags, start, yearRules.get(i)));
    }
    return new TimeZoneDefinition(keyName, out);
  }

  /** The PidLidTimeZoneStruct for {@code year} of {@code rules}. */
  public static TimeZoneStruct toStruct(ZoneRules rules, int year) {
    YearRule r = yearRule(rules, year);
    return new TimeZoneStruct(r.bias(), r.standardBias(), r.daylightBias(), r.standardDate().year(), r.standardDate(),
        r.daylightDate().year(), r.daylightDate());
  }
}

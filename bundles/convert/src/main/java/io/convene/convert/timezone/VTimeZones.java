package io.convene.convert.timezone;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * {@link ZoneRules} (from Windows rules or an IANA zone) to an iCalendar VTIMEZONE (RFC 5545
 * 3.6.5) and back. A VTIMEZONE written here covers a window of years: one observance per run of
 * years whose change falls on the same weekday rule (RRULE with UNTIL), one per lone change, then,
 * when the zone keeps recurring rules, one observance per rule with an open RRULE from the year
 * after the window. Thread-safe.
 */
public final class VTimeZones {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private VTimeZones() {}

  /** The VTIMEZONE {@code tzid} stating {@code rules} from {@code fromYear}, recurring after {@code toYear}. */
  public static VTimeZone toVTimeZone(String tzid, ZoneRules rules, int fromYear, int toYear) {
    List<Observance> observances = new ArrayList<>();
    LocalDateTime windowStart = LocalDate.of(fromYear, 1, 1).atStartOfDay();
    ZoneOffset initial = rules.getOffset(windowStart);
    observances.add(observance(initial, initial, windowStart, null));

    // runs of yearly transitions on the same rule become one observance with an RRULE
    Map<String, List<ZoneOffsetTransition>> open = new LinkedHashMap<>();
    List<List<ZoneOffsetTransition>> runs = new ArrayList<>();
    ZoneOffsetTransition t = rules.nextTransition(windowStart.toInstant(initial));
    while (t != null && t.getDateTimeBefore().getYear() <= toYear) {
      String key = t.getOffsetBefore() + ">" + t.getOffsetAfter() + " " + t.getDateTimeBefore().getMonth() + " " + byDay(t.getDateTimeBefore())
          + " " + t.getDateTimeBefore().toLocalTime();
      List<ZoneOffsetTransition> run = open.get(key);
      if (run == null || run.get(run.size() - 1).getDateTimeBefore().getYear() != t.getDateTimeBefore().getYear() - 1) {
        run = new ArrayList<>();
        runs.add(run);
        open.put(key, run);
      }
      run.add(t);
      t = rules.nextTransition(t.getInstant());
    }
    for (List<ZoneOffsetTransition> run : runs) {
      ZoneOffsetTransition first = run.get(0);
      ZoneOffsetTransition last = run.get(run.size() - 1);
      String rrule = run.size() == 1 ? null
          : "FREQ=YEARLY;BYMONTH=" + first.getDateTimeBefore().getMonthValue() + ";BYDAY=" + byDay(first.getDateTimeBefore())
              + ";UNTIL=" + UTC.format(last.getInstant().atOffset(ZoneOffset.UTC));
      observances.add(observance(first.getOffsetBefore(), first.getOffsetAfter(), first.getDateTimeBefore(), rrule));
    }
    for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
      ZoneOffsetTransition next = r.createTransition(toYear + 1);
      observances.add(observance(r.getOffsetBefore(), r.getOffsetAfter(), next.getDateTimeBefore(), rrule(r)));
    }
    // built as components, not parsed: ical4j's CalendarBuilder computes rules for every VTIMEZONE
    // it reads, which is slow for long histories
    return new VTimeZone(new PropertyList(List.of(new TzId(tzid))), new ComponentList<>(observances));
  }

  private static Observance observance(ZoneOffset from, ZoneOffset to, LocalDateTime start, String rrule) {
    List<Property> props = new ArrayList<>();
    props.add(new DtStart<LocalDateTime>(LOCAL.format(start)));
    if (rrule != null) {
      props.add(new RRule<LocalDateTime>(rrule));
    }
    props.add(new TzOffsetFrom(from));
    props.add(new TzOffsetTo(to));
    return to.getTotalSeconds() > from.getTotalSeconds() ? new Daylight(new PropertyList(props)) : new Standard(new PropertyList(props));
  }

  /** Onsets computed from a VTIMEZONE's RRULEs end here; the offset then in force stays. */
  static final int HORIZON_YEAR = 2200;
  /** Onsets at most per observance, so that a hostile RRULE (FREQ=SECONDLY) stays cheap. */
  static final int MAX_ONSETS = 1_000;

  private record Onset(Instant at, ZoneOffset to, boolean standard) {}

  /**
   * The rules a VTIMEZONE states, read as RFC 5545 3.6.5 says: each observance's onsets are its
   * DTSTART, RDATEs and RRULE instances, local times in its TZOFFSETFROM; from an onset on, its
   * TZOFFSETTO holds. (ical4j 4.1.1's own ZoneRulesBuilder drops first onsets and RDATEs after
   * the current year, so it is not used.) Before the first onset the first TZOFFSETFROM holds.
   */
  public static ZoneRules toZoneRules(VTimeZone vtz) throws InvalidTimeZoneException {
    List<Onset> onsets = new ArrayList<>();
    Map<Instant, ZoneOffset> firstFrom = new java.util.TreeMap<>();
    try {
      for (Observance o : vtz.getObservances()) {
        ZoneOffset from = offsetOf(o, Property.TZOFFSETFROM);
        ZoneOffset to = offsetOf(o, Property.TZOFFSETTO);
        boolean standard = Observance.STANDARD.equals(o.getName());
        LocalDateTime start = LocalDateTime.parse(value(o, Property.DTSTART), LOCAL);
        List<LocalDateTime> locals = new ArrayList<>();
        locals.add(start);
        for (Property rdate : o.getProperties(Property.RDATE)) {
          for (String v : rdate.getValue().split(",")) {
            if (!v.contains("/")) {
              locals.add(LocalDateTime.parse(v.trim().replace("Z", ""), LOCAL));
            }
          }
        }
        for (Property rrule : o.getProperties(Property.RRULE)) {
          locals.addAll(expand(rrule.getValue(), start, from));
        }
        for (LocalDateTime l : locals.subList(0, Math.min(locals.size(), MAX_ONSETS))) {
          Instant at = l.toInstant(from);
          onsets.add(new Onset(at, to, standard));
          firstFrom.putIfAbsent(at, from);
        }
      }
    } catch (RuntimeException e) {
      throw new InvalidTimeZoneException("VTIMEZONE not readable: " + e.getMessage(), e);
    }
    if (onsets.isEmpty()) {
      throw new InvalidTimeZoneException("VTIMEZONE without observances", null);
    }
    onsets.sort(java.util.Comparator.comparing(Onset::at));
    ZoneOffset base = firstFrom.values().iterator().next();
    ZoneOffset wall = base;
    ZoneOffset std = base;
    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    List<ZoneOffsetTransition> standardTransitions = new ArrayList<>();
    for (Onset o : onsets) {
      if (!o.to().equals(wall) && (transitions.isEmpty() || o.at().isAfter(transitions.get(transitions.size() - 1).getInstant()))) {
        transitions.add(ZoneOffsetTransition.of(LocalDateTime.ofInstant(o.at(), wall), wall, o.to()));
        wall = o.to();
      }
      if (o.standard() && !o.to().equals(std)
          && (standardTransitions.isEmpty() || o.at().isAfter(standardTransitions.get(standardTransitions.size() - 1).getInstant()))) {
        standardTransitions.add(ZoneOffsetTransition.of(LocalDateTime.ofInstant(o.at(), std), std, o.to()));
        std = o.to();
      }
    }
    return ZoneRules.of(base, base, standardTransitions, transitions, List.of());
  }

  /**
   * The local onsets of an observance's RRULE, UNTIL (UTC or local) and COUNT honoured. Only the
   * yearly rules zones use are read (BYMONTH with BYDAY=2SU / -1SU, or a weekday within
   * BYMONTHDAY days, or one BYMONTHDAY); anything else is refused, so no rule expands to much.
   */
  private static List<LocalDateTime> expand(String rule, LocalDateTime start, ZoneOffset from) {
    Map<String, String> parts = new java.util.HashMap<>();
    for (String part : rule.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim().toUpperCase(java.util.Locale.ROOT), part.substring(eq + 1).trim());
      }
    }
    if (!"YEARLY".equals(parts.get("FREQ")) || !parts.keySet().stream().allMatch(YEARLY_PARTS::contains)
        || parts.get("BYMONTH") == null || parts.get("BYMONTH").contains(",")) {
      throw new IllegalArgumentException("an observance RRULE other than a yearly date rule: " + rule);
    }
    int month = Integer.parseInt(parts.get("BYMONTH"));
    int interval = Integer.parseInt(parts.getOrDefault("INTERVAL", "1"));
    int count = Integer.parseInt(parts.getOrDefault("COUNT", String.valueOf(MAX_ONSETS)));
    if (month < 1 || month > 12 || interval < 1) {
      throw new IllegalArgumentException("RRULE " + rule);
    }
    String until = parts.get("UNTIL");
    Instant limit = until == null ? Instant.MAX
        : until.endsWith("Z") ? LocalDateTime.parse(until.substring(0, until.length() - 1), LOCAL).toInstant(ZoneOffset.UTC)
        : until.length() == 8 ? java.time.LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE).plusDays(1).atStartOfDay().toInstant(from).minusSeconds(1)
        : LocalDateTime.parse(until, LOCAL).toInstant(from);
    List<LocalDateTime> out = new ArrayList<>();
    for (int year = start.getYear(); year < HORIZON_YEAR && out.size() < Math.min(count, MAX_ONSETS); year += interval) {
      java.time.LocalDate date = dateIn(java.time.YearMonth.of(year, month), parts.get("BYDAY"), parts.get("BYMONTHDAY"));
      if (date == null) {
        continue;
      }
      LocalDateTime onset = date.atTime(start.toLocalTime());
      if (onset.toInstant(from).isAfter(limit)) {
        break;
      }
      if (!onset.isBefore(start)) {
        out.add(onset);
      }
    }
    return out;
  }

  private static final java.util.Set<String> YEARLY_PARTS =
      java.util.Set.of("FREQ", "BYMONTH", "BYDAY", "BYMONTHDAY", "UNTIL", "COUNT", "INTERVAL", "WKST");

  private static java.time.LocalDate dateIn(java.time.YearMonth ym, String byDay, String byMonthDay) {
    List<Integer> days = new ArrayList<>();
    if (byMonthDay != null) {
      for (String d : byMonthDay.split(",")) {
        int n = Integer.parseInt(d.trim());
        days.add(n > 0 ? n : ym.lengthOfMonth() + 1 + n);
      }
    }
    if (byDay == null) {
      return days.size() == 1 && days.get(0) >= 1 && days.get(0) <= ym.lengthOfMonth() ? ym.atDay(days.get(0)) : null;
    }
    String code = byDay.trim();
    DayOfWeek dow = DayOfWeek.values()[java.util.Arrays.asList(DAYS).indexOf(code.substring(code.length() - 2))];
    String pos = code.substring(0, code.length() - 2);
    if (!pos.isEmpty()) {
      int n = Integer.parseInt(pos.replace("+", ""));
      java.time.LocalDate d = n > 0
          ? ym.atDay(1).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(n, dow))
          : ym.atEndOfMonth().with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(n, dow));
      return d.getMonthValue() == ym.getMonthValue() ? d : null;
    }
    for (int day : days.stream().sorted().toList()) {
      if (day >= 1 && day <= ym.lengthOfMonth() && ym.atDay(day).getDayOfWeek() == dow) {
        return ym.atDay(day);
      }
    }
    return null;
  }

  private static String value(Observance o, String name) {
    return o.getProperty(name).orElseThrow(() -> new IllegalArgumentException(o.getName() + " without " + name))
        .getValue().trim().replace("Z", "");
  }

  private static ZoneOffset offsetOf(Observance o, String name) {
    String v = value(o, name);
    return ZoneOffset.of(v.length() == 5 ? v.substring(0, 3) + ":" + v.substring(3)
        : v.length() == 7 ? v.substring(0, 3) + ":" + v.substring(3, 5) + ":" + v.substring(5) : v);
  }

  /** BYDAY of a date: the last weekday of its month (-1SU), else its place in the month (2SU). */
  private static String byDay(LocalDateTime t) {
    int day = t.getDayOfMonth();
    int week = day + 7 > t.toLocalDate().lengthOfMonth() ? -1 : (day - 1) / 7 + 1;
    return week + DAYS[t.getDayOfWeek().ordinal()];
  }

  private static String rrule(ZoneOffsetTransitionRule r) {
    StringBuilder s = new StringBuilder("FREQ=YEARLY;BYMONTH=").append(r.getMonth().getValue());
    int ind = r.getDayOfMonthIndicator();
    DayOfWeek dow = r.getDayOfWeek();
    if (dow == null) {
      s.append(";BYMONTHDAY=").append(ind);
    } else if (ind == -1) {
      s.append(";BYDAY=-1").append(DAYS[dow.ordinal()]);
    } else if (ind > 0 && (ind - 1) % 7 == 0) {
      s.append(";BYDAY=").append((ind - 1) / 7 + 1).append(DAYS[dow.ordinal()]);
    } else if (ind > 0) {
      s.append(";BYDAY=").append(DAYS[dow.ordinal()]).append(";BYMONTHDAY=");
      for (int d = ind; d < ind + 7; d++) {
        s.append(d == ind ? "" : ",").append(d);
      }
    } else {
      // "dow on or before the n-th last day": the last dow in the week ending there
      s.append(";BYDAY=").append(DAYS[dow.ordinal()]).append(";BYMONTHDAY=");
      for (int d = ind; d > ind - 7; d--) {
        s.append(d == ind ? "" : ",").append(d);
      }
    }
    return s.toString();
  }

}

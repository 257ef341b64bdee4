package io.convene.convert.calendar;

import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fallback for TZIDs the {@link TimeZoneSupport} does not know: the rules of the object's own
 * VTIMEZONE, when it has the shape Outlook and Exchange write (one STANDARD and at most one
 * DAYLIGHT observance, each either without RRULE or with {@code FREQ=YEARLY;BYMONTH=m;BYDAY=nDD}).
 * Anything else is left to the full time zone support; the caller then falls back to UTC.
 */
final class VTimeZoneRules {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  private VTimeZoneRules() {}

  static Optional<ZoneRules> of(ICalComponent vtimezone) {
    try {
      List<ICalComponent> standard = vtimezone.components("STANDARD");
      List<ICalComponent> daylight = vtimezone.components("DAYLIGHT");
      if (standard.size() != 1 || daylight.size() > 1) {
        return Optional.empty();
      }
      ZoneOffset standardOffset = offset(standard.get(0), "TZOFFSETTO");
      if (daylight.isEmpty()) {
        return Optional.of(ZoneRules.of(standardOffset));
      }
      ZoneOffset daylightOffset = offset(daylight.get(0), "TZOFFSETTO");
      ZoneOffsetTransitionRule toDaylight = rule(daylight.get(0), standardOffset, standardOffset, daylightOffset);
      ZoneOffsetTransitionRule toStandard = rule(standard.get(0), standardOffset, daylightOffset, standardOffset);
      if (toDaylight == null || toStandard == null) {
        return Optional.empty();
      }
      // ZoneRules applies its last rules only after a listed transition: one far back starts them.
      return Optional.of(ZoneRules.of(standardOffset, daylightOffset, List.of(),
          List.of(toStandard.createTransition(1800)), List.of(toDaylight, toStandard)));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static ZoneOffset offset(ICalComponent observance, String name) {
    ICalProperty p = observance.property(name);
    String v = p.value().trim();
    if (v.length() == 5) { // +hhmm
      return ZoneOffset.ofHoursMinutes(Integer.parseInt(v.substring(0, 3)), Integer.parseInt(v.charAt(0) + v.substring(3)));
    }
    return ZoneOffset.of(v);
  }

  private static ZoneOffsetTransitionRule rule(
      ICalComponent observance, ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
    ICalProperty rrule = observance.property("RRULE");
    if (rrule == null) {
      return null;
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : rrule.value().split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1).toUpperCase(Locale.ROOT));
      }
    }
    String byDay = parts.get("BYDAY");
    String byMonth = parts.get("BYMONTH");
    if (!"YEARLY".equals(parts.get("FREQ")) || byDay == null || byMonth == null || byDay.length() < 3) {
      return null;
    }
    LocalTime time = LocalDateTime.parse(observance.property("DTSTART").value().trim(), LOCAL).toLocalTime();
    int week = Integer.parseInt(byDay.substring(0, byDay.length() - 2));
    DayOfWeek day = dayOf(byDay.substring(byDay.length() - 2));
    Month month = Month.of(Integer.parseInt(byMonth));
    // nth weekday on or after day 1 + 7(n-1); the last one (-1) on or before the month's last day.
    int dayOfMonthIndicator = week > 0 ? 1 + 7 * (week - 1) : -1 + 7 * (week + 1);
    if (dayOfMonthIndicator < -28 || dayOfMonthIndicator > 31 || dayOfMonthIndicator == 0) {
      return null;
    }
    return ZoneOffsetTransitionRule.of(month, dayOfMonthIndicator, day, time, false, TimeDefinition.WALL, standard, before, after);
  }

  private static DayOfWeek dayOf(String code) {
    return switch (code) {
      case "MO" -> DayOfWeek.MONDAY;
      case "TU" -> DayOfWeek.TUESDAY;
      case "WE" -> DayOfWeek.WEDNESDAY;
      case "TH" -> DayOfWeek.THURSDAY;
      case "FR" -> DayOfWeek.FRIDAY;
      case "SA" -> DayOfWeek.SATURDAY;
      case "SU" -> DayOfWeek.SUNDAY;
      default -> throw new IllegalArgumentException("day " + code);
    };
  }

  static List<ICalComponent> list(ICalComponent calendar) {
    return new ArrayList<>(calendar.components("VTIMEZONE"));
  }
}

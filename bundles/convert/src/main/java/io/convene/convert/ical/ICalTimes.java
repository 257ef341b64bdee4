package io.convene.convert.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * DATE and DATE-TIME values (RFC 5545 3.3.4, 3.3.5): parsing all three DATE-TIME forms (UTC,
 * local with TZID, floating) and formatting UTC or local values.
 */
public final class ICalTimes {

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  private ICalTimes() {}

  /** Whether the property's value is a DATE (VALUE=DATE or eight digits). */
  public static boolean isDate(ICalProperty p) {
    return "DATE".equalsIgnoreCase(p.param("VALUE")) || p.value().trim().length() == 8;
  }

  /**
   * The instant of a DATE-TIME or DATE value; local values are read in {@code zone}.
   *
   * @throws IllegalArgumentException if the value does not parse
   */
  public static Instant instant(String value, ZoneId zone) {
    return instant(value, zone.getRules());
  }

  /**
   * The instant of a DATE-TIME or DATE value; local values are read with {@code rules} (a local
   * time in a gap is moved forward by the gap, an ambiguous one takes the earlier offset, as
   * RFC 5545 3.3.5 asks).
   */
  public static Instant instant(String value, ZoneRules rules) {
    String v = value.trim();
    try {
      if (v.length() == 8) {
        return local(LocalDate.parse(v, DATE).atStartOfDay(), rules);
      }
      if (v.endsWith("Z") || v.endsWith("z")) {
        return dateTime(v.substring(0, v.length() - 1)).toInstant(ZoneOffset.UTC);
      }
      return local(dateTime(v), rules);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an iCalendar date or date-time: " + value, e);
    }
  }

  // The one DATE-TIME form, read by hand: DateTimeFormatter's resolver dominated import profiles.
  private static LocalDateTime dateTime(String v) {
    if (v.length() != 15 || v.charAt(8) != 'T' && v.charAt(8) != 't') {
      return LocalDateTime.parse(v, LOCAL); // throws the parse error
    }
    try {
      return LocalDateTime.of(digits(v, 0, 4), digits(v, 4, 6), digits(v, 6, 8),
          digits(v, 9, 11), digits(v, 11, 13), digits(v, 13, 15));
    } catch (java.time.DateTimeException e) {
      throw new DateTimeParseException(e.getMessage(), v, 0);
    }
  }

  private static int digits(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeParseException("not a digit", v, i);
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static Instant local(LocalDateTime t, ZoneRules rules) {
    java.util.List<ZoneOffset> offsets = rules.getValidOffsets(t);
    if (!offsets.isEmpty()) {
      return t.toInstant(offsets.get(0));
    }
    ZoneOffsetTransition gap = rules.getTransition(t);
    return t.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
  }

  public static String utc(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return LOCAL.format(t) + "Z";
    }
    char[] out = new char[16];
    put(out, 0, t.getYear(), 4);
    put(out, 4, t.getMonthValue(), 2);
    put(out, 6, t.getDayOfMonth(), 2);
    out[8] = 'T';
    put(out, 9, t.getHour(), 2);
    put(out, 11, t.getMinute(), 2);
    put(out, 13, t.getSecond(), 2);
    out[15] = 'Z';
    return new String(out);
  }

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  public static String local(Instant instant, ZoneId zone) {
    return LOCAL.format(LocalDateTime.ofInstant(instant, zone));
  }

  public static String date(Instant instant, ZoneId zone) {
    return DATE.format(LocalDate.ofInstant(instant, zone));
  }
}

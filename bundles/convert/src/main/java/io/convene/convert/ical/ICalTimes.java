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
    String v = value.trim();
    if (v.length() == 16 && (v.charAt(15) == 'Z' || v.charAt(15) == 'z')) {
      return instant(v, (ZoneRules) null); // UTC: ZoneOffset.getRules() makes new rules each call
    }
    return instant(v, zone.getRules());
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
        return local(date(v).atStartOfDay(), rules);
      }
      if (v.endsWith("Z") || v.endsWith("z")) {
        return dateTime(v, v.length() - 1).toInstant(ZoneOffset.UTC);
      }
      return local(dateTime(v, v.length()), rules);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an iCalendar date or date-time: " + value, e);
    }
  }

  // The one DATE-TIME form, read by hand: DateTimeFormatter's resolver dominated import profiles.
  private static LocalDateTime dateTime(String v, int length) {
    if (length != 15 || v.charAt(8) != 'T' && v.charAt(8) != 't') {
      return LocalDateTime.parse(v.substring(0, length), LOCAL); // throws the parse error
    }
    try {
      return LocalDateTime.of(digits(v, 0, 4), digits(v, 4, 6), digits(v, 6, 8),
          digits(v, 9, 11), digits(v, 11, 13), digits(v, 13, 15));
    } catch (java.time.DateTimeException e) {
      throw new DateTimeParseException(e.getMessage(), v, 0);
    }
  }

  // DATE read by hand as well; BASIC_ISO_DATE also takes an offset, which no DATE has.
  private static LocalDate date(String v) {
    for (int i = 0; i < 8; i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return LocalDate.parse(v, DATE); // throws the parse error
      }
    }
    try {
      return LocalDate.of(digits(v, 0, 4), digits(v, 4, 6), digits(v, 6, 8));
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
    // as getValidOffsets(t).get(0), without the list: no transition, one offset; an overlap, the
    // earlier (before) offset; a gap, moved forward by its length
    ZoneOffsetTransition transition = rules.isFixedOffset() ? null : rules.getTransition(t);
    if (transition == null) {
      return t.toInstant(rules.getOffset(t));
    }
    if (transition.isOverlap()) {
      return t.toInstant(transition.getOffsetBefore());
    }
    return t.plus(transition.getDuration()).toInstant(transition.getOffsetAfter());
  }

  public static String utc(Instant instant) {
    // not LocalDateTime.ofInstant(instant, UTC): ZoneOffset.getRules() makes new rules per call
    return format(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), true);
  }

  // Fixed width by hand: DateTimeFormatter allocated more than the rest of a time's export.
  private static String format(LocalDateTime t, boolean utc) {
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return utc ? LOCAL.format(t) + "Z" : LOCAL.format(t);
    }
    byte[] out = new byte[utc ? 16 : 15];
    put(out, 0, t.getYear(), 4);
    put(out, 4, t.getMonthValue(), 2);
    put(out, 6, t.getDayOfMonth(), 2);
    out[8] = 'T';
    put(out, 9, t.getHour(), 2);
    put(out, 11, t.getMinute(), 2);
    put(out, 13, t.getSecond(), 2);
    if (utc) {
      out[15] = 'Z';
    }
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static void put(byte[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  public static String local(Instant instant, ZoneId zone) {
    return format(LocalDateTime.ofInstant(instant, zone), false);
  }

  public static String date(Instant instant, ZoneId zone) {
    LocalDate d = LocalDate.ofInstant(instant, zone);
    if (d.getYear() < 0 || d.getYear() > 9999) {
      return DATE.format(d);
    }
    byte[] out = new byte[8];
    put(out, 0, d.getYear(), 4);
    put(out, 4, d.getMonthValue(), 2);
    put(out, 6, d.getDayOfMonth(), 2);
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}

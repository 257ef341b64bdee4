package io.convene.convert.ical;

import static io.convene.convert.props.NamedProps.KEYWORDS;
import static io.convene.convert.props.NamedProps.REMINDER_DELTA;
import static io.convene.convert.props.NamedProps.REMINDER_SET;
import static io.convene.convert.props.NamedProps.REMINDER_SIGNAL_TIME;
import static io.convene.convert.props.NamedProps.REMINDER_TIME;
import static io.convene.convert.props.TaggedProps.BODY;
import static io.convene.convert.props.TaggedProps.CREATION_TIME;
import static io.convene.convert.props.TaggedProps.IMPORTANCE;
import static io.convene.convert.props.TaggedProps.LAST_MODIFICATION_TIME;
import static io.convene.convert.props.TaggedProps.SENSITIVITY;
import static io.convene.convert.props.TaggedProps.SUBJECT;

import io.convene.api.convert.ConversionException;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fields appointments and tasks share (MS-OXCICAL 2.1.3.1.1.20): SUMMARY, DESCRIPTION,
 * CLASS, PRIORITY and X-MICROSOFT-CDO-IMPORTANCE, CATEGORIES, CREATED, LAST-MODIFIED and the
 * reminder as a VALARM. Exports consume a bag property only when the import gives it back
 * exactly; anything else travels as {@code X-CONVENE-PROP}.
 */
public final class CommonFields {

  /** The iCalendar properties {@link #importCommon} maps. */
  public static final Set<String> MAPPED =
      Set.of("SUMMARY", "DESCRIPTION", "CLASS", "PRIORITY", "X-MICROSOFT-CDO-IMPORTANCE", "CATEGORIES",
          "CREATED", "LAST-MODIFIED");

  private static final String[] CLASSES = {"PUBLIC", "X-PERSONAL", "PRIVATE", "CONFIDENTIAL"};

  private CommonFields() {}

  public static void exportCommon(Bag bag, ICalComponent c) throws ConversionException {
    String subject = bag.string(SUBJECT);
    if (subject != null && subject.indexOf('\r') < 0) {
      c.add(ICalProperty.text("SUMMARY", subject));
      bag.consume(SUBJECT);
    }
    String body = bag.string(BODY);
    if (body != null) {
      String lf = body.replace("\r\n", "\n");
      c.add(ICalProperty.text("DESCRIPTION", lf));
      if (onlyCrlfBreaks(body)) { // import turns every LF back into CRLF
        bag.consume(BODY);
      }
    }
    Integer sensitivity = bag.integer(SENSITIVITY);
    if (sensitivity != null && sensitivity >= 0 && sensitivity < CLASSES.length) {
      c.add(new ICalProperty("CLASS", CLASSES[sensitivity]));
      bag.consume(SENSITIVITY);
    }
    Integer importance = bag.integer(IMPORTANCE);
    if (importance != null && importance >= 0 && importance <= 2) {
      c.add(new ICalProperty("PRIORITY", switch (importance) {
        case 2 -> "1";
        case 0 -> "9";
        default -> "5";
      }));
      c.add(new ICalProperty("X-MICROSOFT-CDO-IMPORTANCE", Integer.toString(importance)));
      bag.consume(IMPORTANCE);
    }
    List<String> keywords = bag.strings(KEYWORDS);
    if (keywords != null && !keywords.isEmpty()) {
      StringBuilder value = new StringBuilder();
      for (String keyword : keywords) {
        value.append(value.length() == 0 ? "" : ",").append(TextValues.escape(keyword));
      }
      c.add(new ICalProperty("CATEGORIES", value.toString()));
      if (noneHasCr(keywords)) {
        bag.consume(KEYWORDS);
      }
    }
    exportTime(bag, CREATION_TIME, "CREATED", c);
    exportTime(bag, LAST_MODIFICATION_TIME, "LAST-MODIFIED", c);
  }

  /**
   * Whether every CR of the text is followed by LF and every LF follows a CR: then CRLF to LF and
   * back gives the text again (checked here without building that copy).
   */
  static boolean onlyCrlfBreaks(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')
          || c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every line break as CRLF: a LF not after a CR gets one (CRLF to LF, then LF to CRLF, in one
   * pass and no copy when nothing changes).
   */
  static String crlf(String text) {
    int lf = text.indexOf('\n');
    while (lf > 0 && text.charAt(lf - 1) == '\r') {
      lf = text.indexOf('\n', lf + 1);
    }
    if (lf < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, lf);
    for (int i = lf; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
        out.append('\r');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean noneHasCr(List<String> texts) {
    for (String t : texts) {
      if (t.indexOf('\r') >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Writes a UTC DATE-TIME property, consuming the bag property if it has whole seconds. */
  public static void exportTime(Bag bag, PropDef def, String name, ICalComponent c) throws ConversionException {
    Instant t = bag.time(def);
    if (t != null && t.getEpochSecond() >= -62135596800L && t.getEpochSecond() <= 253402300799L) {
      c.add(new ICalProperty(name, ICalTimes.utc(t)));
      if (t.getNano() == 0) {
        bag.consume(def);
      }
    }
  }

  public static void importCommon(ICalComponent c, Bag bag, List<String> warnings) throws ConversionException {
    ICalProperty summary = c.property("SUMMARY");
    if (summary != null) {
      bag.put(SUBJECT, summary.text());
    }
    ICalProperty description = c.property("DESCRIPTION");
    if (description != null) {
      bag.put(BODY, crlf(description.text()));
    }
    ICalProperty cls = c.property("CLASS");
    if (cls != null) {
      int sensitivity = 2; // an unknown class is treated as private, the safer reading
      for (int i = 0; i < CLASSES.length; i++) {
        if (CLASSES[i].equalsIgnoreCase(cls.value().trim())) {
          sensitivity = i;
        }
      }
      bag.put(SENSITIVITY, sensitivity);
    }
    Integer importance = importance(c, warnings);
    if (importance != null) {
      bag.put(IMPORTANCE, importance);
    }
    List<String> categories = new ArrayList<>();
    for (ICalProperty p : c.all("CATEGORIES")) {
      categories.addAll(TextValues.splitList(p.value()));
    }
    if (!categories.isEmpty()) {
      bag.put(KEYWORDS, categories);
    }
    importTime(c, "CREATED", bag, CREATION_TIME, warnings);
    importTime(c, "LAST-MODIFIED", bag, LAST_MODIFICATION_TIME, warnings);
  }

  private static Integer importance(ICalComponent c, List<String> warnings) {
    ICalProperty cdo = c.property("X-MICROSOFT-CDO-IMPORTANCE");
    if (cdo != null) {
      try {
        int v = Integer.parseInt(cdo.value().trim());
        if (v >= 0 && v <= 2) {
          return v;
        }
      } catch (NumberFormatException bad) {
        warnings.add("ignored X-MICROSOFT-CDO-IMPORTANCE " + cdo.value());
      }
    }
    ICalProperty priority = c.property("PRIORITY");
    if (priority != null) {
      try {
        int p = Integer.parseInt(priority.value().trim());
        if (p >= 1 && p <= 4) {
          return 2;
        }
        if (p >= 6 && p <= 9) {
          return 0;
        }
        return 1;
      } catch (NumberFormatException bad) {
        warnings.add("ignored PRIORITY " + priority.value());
      }
    }
    return null;
  }

  /** Reads a DATE-TIME property as UTC (floating values too), warning when it does not parse. */
  public static void importTime(ICalComponent c, String name, Bag bag, PropDef def, List<String> warnings)
      throws ConversionException {
    ICalProperty p = c.property(name);
    if (p != null) {
      try {
        bag.put(def, ICalTimes.instant(p.value(), ZoneOffset.UTC));
      } catch (IllegalArgumentException bad) {
        warnings.add("ignored " + name + ": " + bad.getMessage());
      }
    }
  }

  /**
   * Writes the reminder as a VALARM relative to {@code anchor} (the start or due time), consuming
   * PidLidReminderSet/Delta and, when they hold the derived values, PidLidReminderTime and
   * PidLidReminderSignalTime (MS-OXORMDR 2.2.1).
   */
  public static void exportReminder(Bag bag, Instant anchor, ICalComponent c) throws ConversionException {
    Boolean set = bag.bool(REMINDER_SET);
    if (set == null) {
      return;
    }
    if (!set) {
      bag.consume(REMINDER_SET);
      return;
    }
    Integer delta = bag.integer(REMINDER_DELTA);
    int minutes = delta == null ? 15 : delta;
    ICalComponent alarm = new ICalComponent("VALARM");
    alarm.add(new ICalProperty("ACTION", "DISPLAY"));
    alarm.add(ICalProperty.text("DESCRIPTION", "Reminder"));
    alarm.add(new ICalProperty("TRIGGER", java.util.Map.of("RELATED", "START"), duration(-minutes)));
    c.add(alarm);
    bag.consume(REMINDER_SET);
    if (delta != null) {
      bag.consume(REMINDER_DELTA);
    }
    if (anchor != null) {
      bag.consumeIfEquals(REMINDER_TIME, anchor);
      bag.consumeIfEquals(REMINDER_SIGNAL_TIME, anchor.minusSeconds(60L * minutes));
    }
  }

  private static String duration(int minutes) {
    return (minutes < 0 ? "-" : "") + "PT" + Math.abs((long) minutes) + "M";
  }

  /**
   * Reads the first VALARM with a trigger into the reminder properties; no VALARM clears
   * PidLidReminderSet.
   *
   * @return the VALARM taken, or {@code null}
   */
  public static ICalComponent importReminder(
      ICalComponent c, Instant start, Instant end, Bag bag, List<String> warnings) throws ConversionException {
    for (ICalComponent alarm : c.components("VALARM")) {
      ICalProperty trigger = alarm.property("TRIGGER");
      if (trigger == null) {
        continue;
      }
      try {
        long minutes;
        Instant anchor = "END".equalsIgnoreCase(trigger.param("RELATED")) ? end : start;
        if (isAbsolute(trigger)) {
          Instant at = ICalTimes.instant(trigger.value(), ZoneOffset.UTC);
          if (start == null) {
            continue;
          }
          minutes = Duration.between(at, start).toMinutes();
          anchor = start;
        } else {
          minutes = -parseDuration(trigger.value()).toMinutes();
          if (anchor != start && anchor != null && start != null) {
            minutes += Duration.between(start, anchor).toMinutes();
          }
        }
        if (minutes < Integer.MIN_VALUE || minutes > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("reminder offset out of range");
        }
        bag.put(REMINDER_SET, true);
        bag.put(REMINDER_DELTA, (int) minutes);
        if (start != null) {
          bag.put(REMINDER_TIME, start);
          Instant signal = start.minusSeconds(60 * minutes);
          if (io.convene.api.store.FileTimes.inRange(signal)) {
            bag.put(REMINDER_SIGNAL_TIME, signal);
          }
        }
        return alarm;
      } catch (IllegalArgumentException | ArithmeticException bad) {
        warnings.add("ignored VALARM trigger " + trigger.value() + ": " + bad.getMessage());
      }
    }
    bag.put(REMINDER_SET, false);
    return null;
  }

  /**
   * Whether a TRIGGER is an absolute time: VALUE=DATE-TIME, or a value that is no duration (RFC
   * 5545's own VTODO example in section 4 leaves the VALUE parameter out).
   */
  public static boolean isAbsolute(ICalProperty trigger) {
    if ("DATE-TIME".equalsIgnoreCase(trigger.param("VALUE"))) {
      return true;
    }
    String v = trigger.value().trim();
    return !v.isEmpty() && v.charAt(0) != 'P' && v.charAt(0) != 'p' && v.charAt(0) != '-' && v.charAt(0) != '+';
  }

  /** An RFC 5545 3.3.6 DURATION, weeks included. */
  public static Duration parseDuration(String value) {
    Duration simple = simpleDuration(value);
    if (simple != null) {
      return simple;
    }
    String v = value.trim().toUpperCase(Locale.ROOT);
    boolean negative = v.startsWith("-");
    if (v.startsWith("-") || v.startsWith("+")) {
      v = v.substring(1);
    }
    Duration d;
    if (v.endsWith("W") && v.startsWith("P") && v.indexOf('T') < 0) {
      d = Duration.ofDays(7 * Long.parseLong(v.substring(1, v.length() - 1)));
    } else {
      try {
        d = Duration.parse(v);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration: " + value);
      }
    }
    return negative ? d.negated() : d;
  }

  /**
   * The common shapes ({@code -PT15M}, {@code P1DT2H}: sign, then whole days, hours, minutes,
   * seconds in this order) read by hand, since {@link Duration#parse} runs a regular expression;
   * {@code null} for anything else, which {@link #parseDuration} then reads the general way.
   */
  private static Duration simpleDuration(String v) {
    int i = 0;
    int n = v.length();
    boolean negative = false;
    if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
      negative = v.charAt(i++) == '-';
    }
    if (i >= n || v.charAt(i++) != 'P') {
      return null;
    }
    long seconds = 0;
    boolean time = false;
    int lastUnit = -1; // D=0, H=1, M=2, S=3: each at most once, in order
    boolean any = false;
    while (i < n) {
      if (v.charAt(i) == 'T' && !time && lastUnit < 1) {
        time = true;
        i++;
        continue;
      }
      int start = i;
      long number = 0;
      while (i < n && i - start < 9 && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
        number = number * 10 + (v.charAt(i++) - '0');
      }
      if (i == start || i >= n) {
        return null;
      }
      char unit = v.charAt(i++);
      int rank = !time && unit == 'D' ? 0 : time && unit == 'H' ? 1 : time && unit == 'M' ? 2 : time && unit == 'S' ? 3 : -1;
      if (rank <= lastUnit) {
        return null;
      }
      lastUnit = rank;
      seconds += number * (rank == 0 ? 86_400L : rank == 1 ? 3_600L : rank == 2 ? 60L : 1L);
      any = true;
    }
    if (!any || time && lastUnit < 1) {
      return null;
    }
    return Duration.ofSeconds(negative ? -seconds : seconds);
  }
}

package io.convene.convert.bridge;

import static io.convene.convert.bridge.SeriesProps.APPOINTMENT_RECUR;
import static io.convene.convert.props.NamedProps.APPOINTMENT_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_START_WHOLE;
import static io.convene.convert.props.NamedProps.RECURRING;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.convert.binary.BlobFormatException;
import io.convene.convert.calendar.RecurrenceSupport;
import io.convene.convert.ical.CommonFields;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.ical.ICalTimes;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.ExtendedException;
import io.convene.convert.recurrence.ICalendarRecurrence;
import io.convene.convert.recurrence.ICalendarRecurrenceMapper;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import io.convene.convert.recurrence.RecurrenceLimits;
import io.convene.convert.recurrence.UnsupportedRecurrenceException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;

/**
 * PidLidAppointmentRecur to and from RRULE, EXDATE, RDATE and overriding VEVENTs (MS-OXCICAL
 * 2.1.3.1.1.20.x), and the zone blobs of the appointment ({@link ZoneBlobs}).
 *
 * <p>Lossless by construction, like the converter: export writes the rule whenever the pattern has
 * one, but consumes the blob only when reading back what it wrote gives the same bytes; otherwise
 * the blob also travels as {@code X-CONVENE-PROP} and wins on import. Import claims RRULE & co.
 * only when it maps them (it removes them from the master), so a rule a MAPI pattern cannot hold
 * is kept as text by the converter. No rule is ever expanded here, so no input can make a
 * conversion walk millions of instances. Thread-safe.
 */
public final class SeriesSupport implements RecurrenceSupport {

  private static final Set<String> SERIES_PROPERTIES = Set.of("RRULE", "EXDATE", "RDATE");
  private static final long MAX_RDATE_WORK = 10_000_000L;
  private static final java.util.regex.Pattern UTC_UNTIL = java.util.regex.Pattern.compile("UNTIL=(\\d{8}T\\d{6}Z)");

  private final ZoneSupport zones;
  private final RecurrenceBlobCodec codec;
  private final ZoneBlobs zoneBlobs;
  private final ICalendarRecurrenceMapper mapper = new ICalendarRecurrenceMapper();

  private final RecurrenceLimits limits;

  public SeriesSupport(ZoneSupport zones, RecurrenceLimits limits) {
    this.zones = zones;
    this.limits = limits;
    this.codec = new RecurrenceBlobCodec(limits);
    this.zoneBlobs = new ZoneBlobs(zones);
  }

  /** None for good: RRULE & co. are removed from the master when they are mapped. */
  @Override
  public Set<String> eventProperties() {
    return Set.of();
  }

  /** None unconditionally: each property is consumed only when it round trips. */
  @Override
  public List<PropDef> appointmentProperties() {
    return List.of();
  }

  @Override
  public void export(Bag appointment, ICalComponent master, List<ICalComponent> overrides, ZoneId zone)
      throws ConversionException {
    export(appointment, master, overrides, zone, new HashMap<>());
  }

  @Override
  public void export(Bag appointment, ICalComponent master, List<ICalComponent> overrides, ZoneId zone,
      Map<Instant, ICalComponent> exceptionEvents) throws ConversionException {
    ICalProperty dtstart = master.property("DTSTART");
    if (dtstart == null) {
      return;
    }
    // an all-day series (DATE-valued DTSTART) states its instances as dates in the series' zone
    boolean allDay = ICalTimes.isDate(dtstart);
    String tzid = allDay ? null : dtstart.param("TZID");
    if (tzid != null) {
      zoneBlobs.consume(appointment, zone, appointment.time(APPOINTMENT_START_WHOLE), appointment.bytes(APPOINTMENT_RECUR) != null);
    }
    byte[] blob = appointment.bytes(APPOINTMENT_RECUR);
    if (blob == null) {
      return;
    }
    AppointmentRecurrencePattern a;
    ICalendarRecurrence ical;
    try {
      a = codec.decodeAppointment(blob);
    } catch (BlobFormatException notMapped) {
      return;
    }
    if (a.pattern().patternType().hijri() || !a.pattern().calendarType().gregorianDates()) {
      // MS-OXOCAL 2.2.1.44.1: the pattern counts months and days of another calendar; written
      // without its rule the series would read as one appointment, with a Gregorian rule at wrong dates
      throw new ConversionException(ConversionError.UNSUPPORTED, "recurrence pattern " + a.pattern().patternType()
          + " in calendar " + a.pattern().calendarType() + " has no iCalendar form (RRULE is Gregorian)");
    }
    try {
      ical = mapper.toICalendar(a, zone);
    } catch (UnsupportedRecurrenceException notMapped) {
      return;
    }
    // DTSTART of a series is its first instance (MS-OXCICAL 2.1.3.1.1.20.8); a rule anchored
    // elsewhere would state other instances, so such an appointment keeps only its blob
    if (!ical.dtStart().toInstant().equals(appointment.time(APPOINTMENT_START_WHOLE))
        || !ical.dtEnd().toInstant().equals(appointment.time(APPOINTMENT_END_WHOLE))) {
      return;
    }
    List<ICalProperty> rule = new ArrayList<>();
    rule.add(new ICalProperty("RRULE", allDay ? dateUntil(ical.rrule().toString(), zone) : ical.rrule().toString()));
    for (ZonedDateTime exdate : ical.exDates()) {
      rule.add(instanceTime("EXDATE", exdate, tzid, zone, allDay));
    }
    List<ICalComponent> written = new ArrayList<>();
    for (int i = 0; i < ical.overrides().size(); i++) {
      ICalendarRecurrence.Override o = ical.overrides().get(i);
      ICalComponent fromAttachment = exceptionEvents.remove(o.recurrenceId().toInstant());
      written.add(fromAttachment != null ? overrideEvent(master, o, tzid, zone, allDay, fromAttachment)
          : overrideEvent(master, o, tzid, zone, allDay));
    }
    master.properties().addAll(rule);
    overrides.addAll(written);
    Optional<AppointmentRecurrencePattern> back = read(master, written, zone);
    if (back.isPresent() && Arrays.equals(codec.encode(back.get()), blob)) {
      appointment.consume(APPOINTMENT_RECUR);
      appointment.consumeIfEquals(RECURRING, true);
    }
  }

  private static ICalComponent overrideEvent(ICalComponent master, ICalendarRecurrence.Override o, String tzid, ZoneId zone,
      boolean allDay) {
    ICalComponent event = new ICalComponent("VEVENT");
    for (String name : List.of("UID", "DTSTAMP", "SEQUENCE")) {
      ICalProperty p = master.property(name);
      if (p != null) {
        event.add(p);
      }
    }
    event.add(instanceTime("RECURRENCE-ID", o.recurrenceId(), tzid, zone, allDay));
    boolean datesOnly = allDay && isMidnight(o.start()) && isMidnight(o.end());
    event.add(instanceTime("DTSTART", o.start(), tzid, zone, datesOnly));
    event.add(instanceTime("DTEND", o.end(), tzid, zone, datesOnly));
    ExceptionEvents.write(master, event, o.exception(), o.subject(), o.location());
    return event;
  }

  /**
   * The override of an instance whose exception attachment gave {@code exception}: that event with
   * the master's UID (and DTSTAMP, SEQUENCE) and the RECURRENCE-ID. Whether it states what the blob
   * says is checked by reading the series back, like any override.
   */
  private static ICalComponent overrideEvent(ICalComponent master, ICalendarRecurrence.Override o, String tzid,
      ZoneId zone, boolean allDay, ICalComponent exception) {
    Set<String> own = Set.of("UID", "DTSTAMP", "SEQUENCE", "RECURRENCE-ID");
    ICalComponent event = new ICalComponent("VEVENT");
    for (String name : List.of("UID", "DTSTAMP", "SEQUENCE")) {
      ICalProperty p = master.property(name);
      if (p != null) {
        event.add(p);
      }
    }
    event.add(instanceTime("RECURRENCE-ID", o.recurrenceId(), tzid, zone, allDay));
    for (ICalProperty p : exception.properties()) {
      if (!own.contains(p.name())) {
        event.add(p);
      }
    }
    exception.components().forEach(event::add);
    return event;
  }

  /** A DATE in an all-day series (the instance's date in the series' zone), else a DATE-TIME. */
  private static ICalProperty instanceTime(String name, ZonedDateTime t, String tzid, ZoneId zone, boolean date) {
    return date
        ? new ICalProperty(name, Map.of("VALUE", "DATE"), ICalTimes.date(t.toInstant(), zone))
        : ExceptionEvents.time(name, t.toInstant(), tzid, zone);
  }

  private static boolean isMidnight(ZonedDateTime t) {
    return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
  }

  /** The rule with its UTC UNTIL as the DATE of the last instance (RFC 5545 3.3.10: UNTIL has DTSTART's type). */
  private static String dateUntil(String rule, ZoneId zone) {
    java.util.regex.Matcher m = UTC_UNTIL.matcher(rule);
    if (!m.find()) {
      return rule;
    }
    Instant until = ICalTimes.instant(m.group(1), zone);
    return rule.substring(0, m.start(1)) + ICalTimes.date(until, zone) + rule.substring(m.end(1));
  }

  @Override
  public List<ICalComponent> importSeries(ICalComponent master, List<ICalComponent> overrides, Bag appointment, ZoneId zone)
      throws ConversionException {
    ICalProperty dtstart = master.property("DTSTART");
    boolean timed = dtstart != null && !ICalTimes.isDate(dtstart);
    boolean allDay = dtstart != null && !timed;
    // only a TZID this support names has the zone the converter passes; a zone read from the
    // object's own VTIMEZONE is not one to compute local times of a pattern in
    boolean zoned = timed && dtstart.param("TZID") != null && zones.zone(dtstart.param("TZID")).isPresent();
    boolean recurring = master.property("RRULE") != null || master.property("RDATE") != null;
    Optional<AppointmentRecurrencePattern> pattern =
        recurring && (allDay || timed && (zoned || dtstart.param("TZID") == null))
            ? read(master, overrides, zone) : Optional.empty();
    if (zoned) {
      // the series' zone properties only beside a series: an unmapped rule stays text
      zoneBlobs.put(appointment, zone, appointment.time(APPOINTMENT_START_WHOLE), pattern.isPresent());
    }
    if (pattern.isEmpty()) {
      return overrides;
    }
    appointment.put(APPOINTMENT_RECUR, codec.encode(pattern.get()));
    appointment.put(RECURRING, true);
    master.properties().removeIf(p -> SERIES_PROPERTIES.contains(p.name()));
    return List.of();
  }

  /** The pattern a master and its overrides state, or empty when a MAPI pattern cannot hold it. */
  private Optional<AppointmentRecurrencePattern> read(ICalComponent master, List<ICalComponent> overrides, ZoneId zone) {
    try {
      List<ICalProperty> rrules = master.all("RRULE");
      if (rrules.size() != 1) {
        return Optional.empty(); // several rules (RFC 2445) or RDATEs only: no one MAPI pattern
      }
      Recur<ZonedDateTime> rule = rule(rrules.get(0).value().trim());
      ZonedDateTime start = time(master.property("DTSTART"), zone);
      ZonedDateTime end = end(master, start, zone);
      List<ZonedDateTime> exDates = times(master.all("EXDATE"), zone);
      List<ZonedDateTime> rDates = times(master.all("RDATE"), zone);
      // the blob's own bounds; each RDATE is matched against the EXDATEs, so bound that work too
      if (exDates.size() > limits.maxInstanceDates() || overrides.size() + rDates.size() > limits.maxExceptions()
          || (long) rDates.size() * (exDates.size() + 1) > MAX_RDATE_WORK) {
        return Optional.empty();
      }
      List<ICalendarRecurrence.Override> moves = new ArrayList<>();
      Map<java.time.LocalDateTime, ExceptionEvents.Fields> fields = new HashMap<>();
      for (ICalComponent o : overrides) {
        ICalProperty rid = o.property("RECURRENCE-ID");
        if (rid == null || rid.param("RANGE") != null) {
          return Optional.empty(); // THISANDFUTURE splits the series: no MAPI exception
        }
        ZonedDateTime original = time(rid, zone);
        ZonedDateTime oStart = o.property("DTSTART") != null ? time(o.property("DTSTART"), zone) : original;
        ZonedDateTime oEnd = o.property("DTEND") != null || o.property("DURATION") != null
            ? end(o, oStart, zone) : oStart.plus(java.time.Duration.between(start, end));
        ExceptionEvents.Fields f = ExceptionEvents.read(master, o);
        fields.put(local(original, zone), f);
        moves.add(new ICalendarRecurrence.Override(original, oStart, oEnd, f.subject(), f.location(), null));
      }
      AppointmentRecurrencePattern p = mapper.fromICalendar(rule, start, end, exDates, rDates, moves);
      List<ExceptionInfo> infos = new ArrayList<>();
      List<ExtendedException> extended = new ArrayList<>();
      for (int i = 0; i < p.exceptions().size(); i++) {
        ExceptionInfo base = p.exceptions().get(i);
        ExceptionEvents.Fields f = fields.get(base.originalStartDate());
        ExceptionInfo info = f == null ? base : ExceptionEvents.apply(base, f);
        infos.add(info);
        ExtendedException x = p.extendedExceptions().get(i);
        extended.add(ExtendedException.of(info, x.wideCharSubject(), x.wideCharLocation(), true));
      }
      return Optional.of(new AppointmentRecurrencePattern(p.pattern(), p.readerVersion2(), p.writerVersion2(),
          p.startTimeOffset(), p.endTimeOffset(), infos, p.reservedBlock1(), extended, p.reservedBlock2()));
    } catch (UnsupportedRecurrenceException | IllegalArgumentException | IllegalStateException
        | java.time.DateTimeException | ArithmeticException notMapped) {
      // ical4j reports bad rule text with assorted unchecked exceptions; the converter keeps it as text
      return Optional.empty();
    }
  }

  /**
   * ical4j's reading of RRULE text; which unchecked exception bad text raises is its detail (e.g.
   * {@code BYDAY=T} gives a StringIndexOutOfBoundsException), so any of them means "not mapped".
   */
  private static Recur<ZonedDateTime> rule(String text) {
    try {
      return new Recur<>(text);
    } catch (RuntimeException bad) {
      throw new IllegalArgumentException("RRULE " + text + ": " + bad, bad);
    }
  }

  private static java.time.LocalDateTime local(ZonedDateTime t, ZoneId zone) {
    return t.withZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
  }

  private ZonedDateTime end(ICalComponent event, ZonedDateTime start, ZoneId zone) {
    ICalProperty dtend = event.property("DTEND");
    if (dtend != null) {
      return time(dtend, zone);
    }
    ICalProperty duration = event.property("DURATION");
    return duration == null ? start : start.plus(CommonFields.parseDuration(duration.value()));
  }

  private List<ZonedDateTime> times(List<ICalProperty> properties, ZoneId zone) {
    List<ZonedDateTime> out = new ArrayList<>();
    for (ICalProperty p : properties) {
      if (p.param("VALUE") != null && !"DATE-TIME".equalsIgnoreCase(p.param("VALUE"))
          && !"DATE".equalsIgnoreCase(p.param("VALUE"))) {
        throw new IllegalArgumentException(p.name() + " with VALUE=" + p.param("VALUE"));
      }
      for (String v : p.value().split(",")) {
        out.add(time(new ICalProperty(p.name(), p.params(), v), zone));
      }
    }
    return out;
  }

  /** A DATE-TIME in the series' zone; a DATE is its midnight there (all-day series). */
  private ZonedDateTime time(ICalProperty p, ZoneId zone) {
    if (ICalTimes.isDate(p)) {
      return ICalTimes.instant(p.value(), zone).atZone(zone);
    }
    String tzid = p.param("TZID");
    ZoneId own = tzid == null ? zone
        : zones.zone(tzid).orElseThrow(() -> new IllegalArgumentException("unknown TZID " + tzid));
    Instant t = ICalTimes.instant(p.value(), own);
    return t.atZone(zone);
  }
}

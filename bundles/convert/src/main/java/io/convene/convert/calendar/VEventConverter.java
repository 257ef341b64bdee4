package io.convene.convert.calendar;

import static io.convene.convert.props.NamedProps.APPOINTMENT_COUNTER_PROPOSAL;
import static io.convene.convert.props.NamedProps.APPOINTMENT_DURATION;
import static io.convene.convert.props.NamedProps.APPOINTMENT_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_PROPOSED_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_PROPOSED_START_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_SEQUENCE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_START_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_STATE_FLAGS;
import static io.convene.convert.props.NamedProps.APPOINTMENT_SUB_TYPE;
import static io.convene.convert.props.NamedProps.ATTENDEE_CRITICAL_CHANGE;
import static io.convene.convert.props.NamedProps.BUSY_STATUS;
import static io.convene.convert.props.NamedProps.CLEAN_GLOBAL_OBJECT_ID;
import static io.convene.convert.props.NamedProps.COMMON_END;
import static io.convene.convert.props.NamedProps.COMMON_START;
import static io.convene.convert.props.NamedProps.GLOBAL_OBJECT_ID;
import static io.convene.convert.props.NamedProps.INTENDED_BUSY_STATUS;
import static io.convene.convert.props.NamedProps.LOCATION;
import static io.convene.convert.props.NamedProps.OWNER_CRITICAL_CHANGE;
import static io.convene.convert.props.NamedProps.TIME_ZONE_DESCRIPTION;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_ADDRESS_TYPE;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_EMAIL_ADDRESS;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_NAME;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS;

import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.CalendarConverter;
import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.convert.ical.CommonFields;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalParser;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.ical.ICalTimes;
import io.convene.convert.ical.ICalWriter;
import io.convene.convert.ical.Preservation;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import io.convene.convert.props.TaggedProps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.zone.ZoneRules;

/**
 * Appointments and meeting messages to and from VEVENT and iTIP objects (MS-OXCICAL 2.1.3.1.1,
 * RFC 5545 3.6.1, RFC 5546 3.2). See {@link CalendarConverter} for the contract.
 *
 * <p>Every export consumes a property only when the import would give it back exactly; the rest
 * travels as {@code X-CONVENE-PROP}. Every import keeps iCalendar properties it does not map as
 * named properties (see {@link Preservation}).
 */
public final class VEventConverter implements CalendarConverter {

  static final String PRODID = "-//Convene//Convene Calendar//EN";

  /** PidTagResponseRequested (MS-OXOMSG 2.2.1.46): RSVP of the attendees. */
  static final PropDef RESPONSE_REQUESTED = PropDef.tagged("PidTagResponseRequested", 0x0063000B);

  private static final String[] BUSY = {"FREE", "TENTATIVE", "BUSY", "OOF", "WORKINGELSEWHERE"};
  private static final String[] PARTSTAT = {"NEEDS-ACTION", "NEEDS-ACTION", "TENTATIVE", "ACCEPTED", "DECLINED", "NEEDS-ACTION"};

  private static final Set<String> MAPPED_EVENT = Set.of(
      "UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "DURATION", "LOCATION", "TRANSP",
      "X-MICROSOFT-CDO-BUSYSTATUS", "X-MICROSOFT-CDO-INTENDEDSTATUS", "X-MICROSOFT-CDO-ALLDAYEVENT",
      "ORGANIZER", "ATTENDEE", "X-MS-OLK-ORIGINALSTART", "X-MS-OLK-ORIGINALEND");

  private final CalendarLimits limits;
  private final RecurrenceSupport recurrence;
  private final TimeZoneSupport timeZones;
  private final Clock clock;
  private final ICalParser parser;
  /** VEVENT properties an import maps (a support claims its properties for good), without and with STATUS. */
  private final Set<String> mappedEvent;
  private final Set<String> mappedCanceledEvent;

  public VEventConverter(CalendarLimits limits, RecurrenceSupport recurrence, TimeZoneSupport timeZones, Clock clock) {
    this.limits = limits;
    this.recurrence = recurrence;
    this.timeZones = timeZones;
    this.clock = clock;
    this.parser = new ICalParser(limits.input());
    Set<String> mapped = new HashSet<>(MAPPED_EVENT);
    mapped.addAll(CommonFields.MAPPED);
    mapped.addAll(recurrence.eventProperties());
    this.mappedEvent = Set.copyOf(mapped);
    mapped.add("STATUS");
    this.mappedCanceledEvent = Set.copyOf(mapped);
  }

  // ---------------------------------------------------------------- export

  @Override
  public ConversionResult<String> toICalendar(ItemContent item, NamedPropertyIds ids) throws ConversionException {
    List<String> warnings = new ArrayList<>();
    ICalComponent calendar = exportCalendar(item, ids, warnings);
    return new ConversionResult<>(ICalWriter.write(calendar), warnings);
  }

  /** The VCALENDAR of an item, before serialization. */
  public ICalComponent exportCalendar(ItemContent item, NamedPropertyIds ids, List<String> warnings)
      throws ConversionException {
    return exportCalendar(item, ids, warnings, null);
  }

  /**
   * The VCALENDAR of an item, or with {@code exceptionOf} of the Exception Embedded Message that
   * replaces that instance (MS-OXOCAL 2.2.10.2): then without UID, DTSTAMP, SEQUENCE and METHOD,
   * which the override takes from its master.
   */
  private ICalComponent exportCalendar(ItemContent item, NamedPropertyIds ids, List<String> warnings,
      Instant exceptionOf) throws ConversionException {
    boolean exception = exceptionOf != null;
    if (item.recipients().size() > limits.maxRecipients()) {
      throw new ConversionException(ConversionError.TOO_LARGE,
          "item has " + item.recipients().size() + " recipients, more than " + limits.maxRecipients());
    }
    Bag bag = Bag.of(item.properties(), ids);
    Appointment appointment = new Appointment(bag, item.recipients());
    String messageClass = bag.string(MESSAGE_CLASS);
    boolean counter = Boolean.TRUE.equals(bag.bool(APPOINTMENT_COUNTER_PROPOSAL));
    MeetingMethod method = exception ? MeetingMethod.NONE : MeetingMethod.ofMessageClass(messageClass, counter);

    ICalComponent calendar = new ICalComponent("VCALENDAR");
    calendar.add(new ICalProperty("PRODID", PRODID));
    calendar.add(new ICalProperty("VERSION", "2.0"));
    if (method.icalName() != null) {
      calendar.add(new ICalProperty("METHOD", method.icalName()));
    }
    ICalComponent event = new ICalComponent("VEVENT");
    if (exception) {
      bag.consumeIfEquals(MESSAGE_CLASS, ExceptionAttachments.EXCEPTION_CLASS);
      bag.consumeIfEquals(ExceptionAttachments.LID_EXCEPTION_REPLACE_TIME, exceptionOf);
    } else {
      consumeMessageClass(bag, messageClass, method);
    }
    if (method == MeetingMethod.COUNTER) {
      bag.consume(APPOINTMENT_COUNTER_PROPOSAL);
    }

    String uid = exception ? "" : appointment.uid();
    if (uid == null) {
      uid = UUID.randomUUID().toString();
      warnings.add("appointment has no PidLidGlobalObjectId; wrote a new UID " + uid);
    } else if (!exception) {
      byte[] derived = GlobalObjectId.fromUid(uid);
      bag.consumeIfEquals(GLOBAL_OBJECT_ID, derived);
      bag.consumeIfEquals(CLEAN_GLOBAL_OBJECT_ID, GlobalObjectId.clean(derived));
    }
    if (!exception) {
      event.add(ICalProperty.text("UID", uid));
      exportStamp(bag, method, event);
    }
    Integer sequence = exception ? null : bag.integer(APPOINTMENT_SEQUENCE);
    if (sequence != null) {
      event.add(new ICalProperty("SEQUENCE", Integer.toString(sequence)));
      bag.consume(APPOINTMENT_SEQUENCE);
    }

    ZoneId zone = exportTimes(bag, method, event, calendar, warnings);

    String location = bag.string(LOCATION);
    if (location != null && location.indexOf('\r') < 0) {
      event.add(ICalProperty.text("LOCATION", location));
      bag.consume(LOCATION);
    }
    Integer busy = bag.integer(BUSY_STATUS);
    if (busy != null && busy >= 0 && busy < BUSY.length) {
      event.add(new ICalProperty("TRANSP", busy == 0 ? "TRANSPARENT" : "OPAQUE"));
      event.add(new ICalProperty("X-MICROSOFT-CDO-BUSYSTATUS", BUSY[busy]));
      bag.consume(BUSY_STATUS);
    }
    Integer intended = bag.integer(INTENDED_BUSY_STATUS);
    if (intended != null && intended >= 0 && intended < BUSY.length) {
      event.add(new ICalProperty("X-MICROSOFT-CDO-INTENDEDSTATUS", BUSY[intended]));
      bag.consume(INTENDED_BUSY_STATUS);
    }
    boolean canceled = (appointment.stateFlags() & Appointment.ASF_CANCELED) != 0 || method == MeetingMethod.CANCEL;
    if (canceled) {
      event.add(new ICalProperty("STATUS", "CANCELLED"));
    }
    boolean hasPeople = exportPeople(appointment, method, messageClass, event);
    int derivedFlags = derivedFlags(hasPeople, method, canceled);
    bag.consumeIfEquals(APPOINTMENT_STATE_FLAGS, derivedFlags);

    CommonFields.exportCommon(bag, event);
    CommonFields.exportReminder(bag, bag.time(APPOINTMENT_START_WHOLE), event);

    List<ICalComponent> overrides = new ArrayList<>();
    if (!exception) {
      for (AttachmentContent attachment : item.attachments()) {
        if (InlineAttachments.exported(attachment, ids)) {
          event.add(InlineAttachments.export(attachment, ids, warnings));
        }
      }
      Map<Instant, ICalComponent> exceptionEvents = exceptionEvents(item, ids, event, calendar, zone, warnings);
      recurrence.export(bag, event, overrides, zone, exceptionEvents);
      for (Instant left : exceptionEvents.keySet()) {
        warnings.add("exception attachment of the instance at " + left + " not exported: no override states that instance");
      }
    }
    for (PropDef def : recurrence.appointmentProperties()) {
      bag.consume(def);
    }
    Preservation.export(bag, event, calendar, warnings);
    // Preservation may have put kept sibling VEVENTs (overrides) into the calendar already.
    List<ICalComponent> kept = new ArrayList<>(calendar.components());
    calendar.components().clear();
    for (ICalComponent c : kept) {
      if (c.name().equals("VTIMEZONE")) {
        calendar.add(c);
      }
    }
    calendar.add(event);
    calendar.components().addAll(overrides);
    for (ICalComponent c : kept) {
      if (c.name().equals("VEVENT")) {
        keptOverride(c, uid, warnings).ifPresent(calendar::add);
      } else if (!c.name().equals("VTIMEZONE")) {
        calendar.add(c);
      }
    }
    return calendar;
  }

  /**
   * The VEVENTs of the item's exception attachments by the instance each replaces, with the
   * attachment's own properties and the master's organizer and attendees where the exception names
   * none; their VTIMEZONEs join the calendar.
   */
  private Map<Instant, ICalComponent> exceptionEvents(ItemContent item, NamedPropertyIds ids, ICalComponent master,
      ICalComponent calendar, ZoneId zone, List<String> warnings) throws ConversionException {
    Map<Instant, ICalComponent> events = new LinkedHashMap<>();
    for (AttachmentContent attachment : item.attachments()) {
      Instant replace = ExceptionAttachments.replaceTime(attachment, ids);
      if (replace == null) {
        continue;
      }
      if (events.containsKey(replace)) {
        warnings.add("second exception attachment of the instance at " + replace + " not exported");
        continue;
      }
      ICalComponent own;
      try {
        own = exportCalendar(attachment.embedded(), ids, warnings, replace);
      } catch (ConversionException e) {
        warnings.add("exception attachment of the instance at " + replace + " not exported: " + e.getMessage());
        continue; // the blob still states the instance
      }
      ICalComponent event = own.components("VEVENT").get(0);
      Bag message = Bag.of(attachment.embedded().properties(), ids);
      ExceptionAttachments.exportAttachment(attachment, replace, message.time(APPOINTMENT_START_WHOLE),
          message.time(APPOINTMENT_END_WHOLE), zone, event, ids, warnings);
      ExceptionAttachments.markOwnAttendees(attachment.embedded(), master, event);
      ExceptionAttachments.copyPeople(master, event);
      for (ICalComponent vtimezone : own.components("VTIMEZONE")) {
        if (!hasZone(calendar, vtimezone.property("TZID"))) {
          calendar.add(vtimezone);
        }
      }
      events.put(replace, event);
    }
    return events;
  }

  private static boolean hasZone(ICalComponent calendar, ICalProperty tzid) {
    for (ICalComponent vtimezone : calendar.components("VTIMEZONE")) {
      ICalProperty id = vtimezone.property("TZID");
      if (id != null && tzid != null && id.value().equals(tzid.value())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A kept sibling VEVENT as an override of this item: import groups overrides with their master by
   * UID, so one that does not name the UID the master is written with (none on either side, or one
   * the master got on import) would come back as an item of its own, and one without RECURRENCE-ID
   * as a second master. Empty, with a warning, for the latter: kept text is whatever a MAPI client
   * wrote into it.
   */
  private static Optional<ICalComponent> keptOverride(ICalComponent kept, String uid, List<String> warnings) {
    if (kept.property("RECURRENCE-ID") == null) {
      warnings.add("kept VEVENT without RECURRENCE-ID is no override; not exported");
      return Optional.empty();
    }
    List<ICalProperty> properties = kept.properties();
    properties.removeIf(p -> p.name().equals("UID"));
    properties.add(0, ICalProperty.text("UID", uid));
    return Optional.of(kept);
  }

  private static void consumeMessageClass(Bag bag, String messageClass, MeetingMethod method) throws ConversionException {
    String derived = switch (method) {
      case NONE -> MeetingMethod.APPOINTMENT;
      case REQUEST -> MeetingMethod.REQUEST_CLASS;
      case CANCEL -> MeetingMethod.CANCELED;
      case COUNTER -> MeetingMethod.RESP_TENT;
      case REPLY -> MeetingMethod.responseClass(MeetingMethod.responsePartstat(messageClass));
    };
    bag.consumeIfEquals(MESSAGE_CLASS, derived);
  }

  private void exportStamp(Bag bag, MeetingMethod method, ICalComponent event) throws ConversionException {
    PropDef designated = method == MeetingMethod.REPLY || method == MeetingMethod.COUNTER
        ? ATTENDEE_CRITICAL_CHANGE : OWNER_CRITICAL_CHANGE;
    Instant stamp = bag.time(designated);
    if (stamp != null && inICalRange(stamp)) {
      if (stamp.getNano() == 0) {
        bag.consume(designated);
      }
    } else {
      stamp = bag.time(TaggedProps.LAST_MODIFICATION_TIME);
      if (stamp == null || !inICalRange(stamp)) {
        stamp = clock.instant();
      }
    }
    event.add(new ICalProperty("DTSTAMP", ICalTimes.utc(stamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
  }

  private static boolean inICalRange(Instant t) {
    return t.getEpochSecond() >= -62135596800L && t.getEpochSecond() <= 253402300799L;
  }

  /** Writes DTSTART/DTEND (and the zone); returns the zone local times were written in. */
  private ZoneId exportTimes(Bag bag, MeetingMethod method, ICalComponent event, ICalComponent calendar,
      List<String> warnings) throws ConversionException {
    Instant start = bag.time(APPOINTMENT_START_WHOLE);
    Instant end = bag.time(APPOINTMENT_END_WHOLE);
    if (start == null) {
      start = bag.time(COMMON_START);
    }
    if (start == null && method != MeetingMethod.REPLY && method != MeetingMethod.CANCEL) {
      throw new ConversionException(ConversionError.MISSING_REQUIRED,
          "appointment has no PidLidAppointmentStartWhole: VEVENT needs DTSTART");
    }
    if (start != null && !inICalRange(start) || end != null && !inICalRange(end)) {
      throw new ConversionException(ConversionError.UNSUPPORTED, "appointment times outside years 1-9999");
    }
    if (end == null && start != null) {
      end = start;
      warnings.add("appointment has no end; wrote DTEND = DTSTART");
    }
    boolean allDay = Boolean.TRUE.equals(bag.bool(APPOINTMENT_SUB_TYPE));
    String tzName = bag.string(TIME_ZONE_DESCRIPTION);
    if (tzName == null) {
      tzName = timeZones.zoneNameOf(bag).orElse(null); // e.g. the key name of a definition blob
    }
    Optional<ZoneId> zone = tzName == null ? Optional.empty() : timeZones.zone(tzName);
    String tzid = null;
    if (zone.isPresent() && start != null && !allDay) {
      Optional<ICalComponent> vtimezone = timeZones.vtimezone(zone.get(), tzName, start, end);
      if (vtimezone.isPresent()) {
        tzid = tzName;
        calendar.add(vtimezone.get());
        bag.consume(TIME_ZONE_DESCRIPTION);
      }
    }
    ZoneId writeZone = zone.orElse(ZoneOffset.UTC);
    Instant shownStart = start;
    Instant shownEnd = end;
    if (method == MeetingMethod.COUNTER) {
      Instant proposedStart = bag.time(APPOINTMENT_PROPOSED_START_WHOLE);
      Instant proposedEnd = bag.time(APPOINTMENT_PROPOSED_END_WHOLE);
      if (proposedStart != null && proposedEnd != null && inICalRange(proposedStart) && inICalRange(proposedEnd)) {
        shownStart = proposedStart;
        shownEnd = proposedEnd;
        consumeWhole(bag, APPOINTMENT_PROPOSED_START_WHOLE, proposedStart);
        consumeWhole(bag, APPOINTMENT_PROPOSED_END_WHOLE, proposedEnd);
        event.add(new ICalProperty("X-MS-OLK-ORIGINALSTART", ICalTimes.utc(start)));
        event.add(new ICalProperty("X-MS-OLK-ORIGINALEND", ICalTimes.utc(end)));
      }
    }
    if (shownStart == null) {
      return writeZone;
    }
    if (allDay) {
      event.add(new ICalProperty("DTSTART", Map.of("VALUE", "DATE"), ICalTimes.date(shownStart, writeZone)));
      event.add(new ICalProperty("DTEND", Map.of("VALUE", "DATE"), ICalTimes.date(shownEnd, writeZone)));
      if (shownStart == start) {
        bag.consumeIfEquals(APPOINTMENT_START_WHOLE, ICalTimes.instant(ICalTimes.date(start, writeZone), writeZone));
        bag.consumeIfEquals(APPOINTMENT_END_WHOLE, ICalTimes.instant(ICalTimes.date(end, writeZone), writeZone));
      }
    } else if (tzid != null) {
      event.add(new ICalProperty("DTSTART", Map.of("TZID", tzid), ICalTimes.local(shownStart, writeZone)));
      event.add(new ICalProperty("DTEND", Map.of("TZID", tzid), ICalTimes.local(shownEnd, writeZone)));
    } else {
      event.add(new ICalProperty("DTSTART", ICalTimes.utc(shownStart)));
      event.add(new ICalProperty("DTEND", ICalTimes.utc(shownEnd)));
    }
    if (!allDay && shownStart == start) {
      ZoneId localZone = tzid != null ? writeZone : null;
      consumeWhole(bag, APPOINTMENT_START_WHOLE, start, localZone);
      consumeWhole(bag, APPOINTMENT_END_WHOLE, end, localZone);
    }
    if (method == MeetingMethod.COUNTER && shownStart != start) {
      consumeWhole(bag, APPOINTMENT_START_WHOLE, start);
      consumeWhole(bag, APPOINTMENT_END_WHOLE, end);
    }
    Boolean subType = bag.bool(APPOINTMENT_SUB_TYPE);
    if (subType != null) {
      event.add(new ICalProperty("X-MICROSOFT-CDO-ALLDAYEVENT", subType ? "TRUE" : "FALSE"));
      bag.consume(APPOINTMENT_SUB_TYPE);
    }
    Instant importedStart = bag.time(APPOINTMENT_START_WHOLE);
    Instant importedEnd = bag.time(APPOINTMENT_END_WHOLE);
    if (importedStart != null && importedEnd != null) {
      bag.consumeIfEquals(COMMON_START, importedStart);
      bag.consumeIfEquals(COMMON_END, importedEnd);
      bag.consumeIfEquals(APPOINTMENT_DURATION, (int) Duration.between(importedStart, importedEnd).toMinutes());
    }
    return writeZone;
  }

  private static void consumeWhole(Bag bag, PropDef def, Instant t) throws ConversionException {
    consumeWhole(bag, def, t, null);
  }

  /**
   * Consumes a time the VEVENT states exactly: whole seconds and, when written as local time in
   * {@code localZone}, not in the second pass of a repeated hour (a reader takes the first, RFC
   * 5545 3.3.5). Otherwise the property travels as kept and import restores the exact instant.
   */
  private static void consumeWhole(Bag bag, PropDef def, Instant t, ZoneId localZone) throws ConversionException {
    if (t == null || t.getNano() != 0) {
      return;
    }
    if (localZone != null
        && !java.time.ZonedDateTime.of(java.time.LocalDateTime.ofInstant(t, localZone), localZone).toInstant().equals(t)) {
      return;
    }
    bag.consume(def);
  }

  private static int derivedFlags(boolean hasPeople, MeetingMethod method, boolean canceled) {
    int flags = hasPeople ? Appointment.ASF_MEETING : 0;
    if (method == MeetingMethod.REQUEST || method == MeetingMethod.CANCEL) {
      flags |= Appointment.ASF_MEETING | Appointment.ASF_RECEIVED;
    }
    if (canceled) {
      flags |= Appointment.ASF_CANCELED;
    }
    return flags;
  }

  /** ORGANIZER and ATTENDEEs; returns whether there were any. */
  private boolean exportPeople(Appointment appointment, MeetingMethod method, String messageClass, ICalComponent event)
      throws ConversionException {
    Bag bag = appointment.bag();
    Attendee sender = sender(bag);
    if (method == MeetingMethod.REPLY || method == MeetingMethod.COUNTER) {
      // A response is sent by the attendee to the organizer (RFC 5546 3.2.3).
      List<Map<PropTag, PropValue>> rows = appointment.recipients();
      if (!rows.isEmpty()) {
        Attendee organizer = Appointment.attendee(rows.get(0));
        event.add(address("ORGANIZER", organizer));
      }
      if (sender != null) {
        ICalProperty attendee = address("ATTENDEE", sender)
            .withParam("PARTSTAT", method == MeetingMethod.COUNTER ? "TENTATIVE" : MeetingMethod.responsePartstat(messageClass));
        event.add(attendee);
        consumeSender(bag, sender);
      }
      return !rows.isEmpty() || sender != null;
    }
    Attendee organizerRow = appointment.organizerRow();
    Attendee organizer = sender != null ? sender : organizerRow;
    List<Attendee> attendees = appointment.attendees();
    if (organizer != null && (appointment.isMeeting() || !attendees.isEmpty())) {
      event.add(address("ORGANIZER", organizer));
      if (sender != null) {
        consumeSender(bag, sender);
      }
    }
    Boolean rsvp = bag.bool(RESPONSE_REQUESTED);
    for (Attendee a : attendees) {
      ICalProperty p = address("ATTENDEE", a);
      p.withParam("CUTYPE", a.recipientType() == Attendee.TYPE_RESOURCE ? "RESOURCE" : "INDIVIDUAL");
      p.withParam("ROLE", switch (a.recipientType()) {
        case Attendee.TYPE_OPTIONAL -> "OPT-PARTICIPANT";
        case Attendee.TYPE_RESOURCE -> "NON-PARTICIPANT";
        default -> "REQ-PARTICIPANT";
      });
      int track = a.trackStatus();
      p.withParam("PARTSTAT", track >= 0 && track < PARTSTAT.length ? PARTSTAT[track] : "NEEDS-ACTION");
      if (rsvp != null) {
        p.withParam("RSVP", rsvp ? "TRUE" : "FALSE");
      }
      event.add(p);
    }
    if (rsvp != null && !attendees.isEmpty()) {
      bag.consume(RESPONSE_REQUESTED);
    }
    return organizer != null && (appointment.isMeeting() || !attendees.isEmpty()) || !attendees.isEmpty();
  }

  private static Attendee sender(Bag bag) throws ConversionException {
    String name = bag.string(SENT_REPRESENTING_NAME);
    String smtp = bag.string(SENT_REPRESENTING_SMTP_ADDRESS);
    if (smtp == null && "SMTP".equalsIgnoreCase(bag.string(SENT_REPRESENTING_ADDRESS_TYPE))) {
      smtp = bag.string(SENT_REPRESENTING_EMAIL_ADDRESS);
    }
    if (name == null && smtp == null) {
      return null;
    }
    return new Attendee(name, smtp, Attendee.TYPE_REQUIRED, Attendee.TRACK_ORGANIZED,
        Attendee.FLAG_SENDABLE | Attendee.FLAG_ORGANIZER);
  }

  private static void consumeSender(Bag bag, Attendee sender) throws ConversionException {
    if (sender.displayName() != null) {
      bag.consumeIfEquals(SENT_REPRESENTING_NAME, sender.displayName());
    }
    if (sender.email() != null) {
      bag.consumeIfEquals(SENT_REPRESENTING_SMTP_ADDRESS, sender.email());
      bag.consumeIfEquals(SENT_REPRESENTING_EMAIL_ADDRESS, sender.email());
      bag.consumeIfEquals(SENT_REPRESENTING_ADDRESS_TYPE, "SMTP");
    }
  }

  private static ICalProperty address(String name, Attendee a) {
    String value = a.email() != null ? "mailto:" + a.email() : "invalid:nomail";
    ICalProperty p = new ICalProperty(name, Map.of(), value);
    if (a.displayName() != null) {
      p.withParam("CN", a.displayName());
    }
    return p;
  }

  // ---------------------------------------------------------------- import

  @Override
  public ConversionResult<List<ItemContent>> fromICalendar(String icalendar, NamedPropertyIds ids)
      throws ConversionException {
    List<String> warnings = new ArrayList<>();
    ICalComponent calendar = parser.parse(icalendar);
    MeetingMethod method;
    ICalProperty methodProperty = calendar.property("METHOD");
    try {
      method = MeetingMethod.ofICal(methodProperty == null ? null : methodProperty.value());
    } catch (IllegalArgumentException e) {
      throw new ConversionException(ConversionError.UNSUPPORTED, e.getMessage());
    }
    Map<String, List<ICalComponent>> overridesByUid = new LinkedHashMap<>();
    List<ICalComponent> masters = new ArrayList<>();
    for (ICalComponent event : calendar.components("VEVENT")) {
      if (event.property("RECURRENCE-ID") != null) {
        overridesByUid.computeIfAbsent(uidOf(event), k -> new ArrayList<>()).add(event);
      } else {
        masters.add(event);
      }
    }
    List<ItemContent> items = new ArrayList<>();
    Set<String> masterUids = new HashSet<>();
    for (ICalComponent master : masters) {
      String uid = uidOf(master);
      masterUids.add(uid);
      items.add(importEvent(master, overridesByUid.getOrDefault(uid, List.of()), method, calendar, ids, warnings));
    }
    // An override without its master (a single invited instance) is an item of its own.
    for (Map.Entry<String, List<ICalComponent>> e : overridesByUid.entrySet()) {
      if (!masterUids.contains(e.getKey())) {
        for (ICalComponent orphan : e.getValue()) {
          items.add(importEvent(orphan, List.of(), method, calendar, ids, warnings));
        }
      }
    }
    int others = calendar.components().size() - calendar.components("VEVENT").size()
        - calendar.components("VTIMEZONE").size();
    if (others > 0) {
      warnings.add("ignored " + others + " components other than VEVENT and VTIMEZONE");
    }
    return new ConversionResult<>(items, warnings);
  }

  private static String uidOf(ICalComponent event) {
    ICalProperty uid = event.property("UID");
    return uid == null ? "" : uid.text();
  }

  ItemContent importEvent(ICalComponent event, List<ICalComponent> overrides, MeetingMethod method,
      ICalComponent calendar, NamedPropertyIds ids, List<String> warnings) throws ConversionException {
    return importEvent(event, overrides, method, calendar, ids, warnings, null, null);
  }

  /** An item, or with {@code exceptionOf} the Exception Embedded Message of an override of that instance. */
  private ItemContent importEvent(ICalComponent event, List<ICalComponent> overrides, MeetingMethod method,
      ICalComponent calendar, NamedPropertyIds ids, List<String> warnings, Instant exceptionOf, Bag master)
      throws ConversionException {
    boolean exception = exceptionOf != null;
    Bag bag = master == null ? Bag.empty(ids) : master.sibling();
    // Kept MAPI properties first, so that mapped fields can use them (the zone of all-day dates)...
    List<PropValue> kept = Preservation.restoreConveneProps(event, bag, warnings);
    Appointment appointment = new Appointment(bag, List.of());

    ICalProperty uid = event.property("UID");
    String uidText = uid == null || uid.text().isEmpty() ? null : uid.text();
    if (uidText == null && !exception) {
      uidText = UUID.randomUUID().toString();
      warnings.add("VEVENT without UID; assigned " + uidText);
    }
    try {
      if (!exception) {
        appointment.setUid(uidText);
      }
    } catch (IllegalArgumentException e) {
      throw new ConversionException(ConversionError.TOO_LARGE, "UID: " + e.getMessage());
    }

    Instant[] times = importTimes(event, method, calendar, bag, warnings);
    Instant start = times[0];
    Instant end = times[1];

    ICalProperty location = event.property("LOCATION");
    if (location != null) {
      bag.put(LOCATION, location.text());
    }
    Integer busy = busyStatus(event.property("X-MICROSOFT-CDO-BUSYSTATUS"));
    if (busy == null) {
      ICalProperty transp = event.property("TRANSP");
      ICalProperty status = event.property("STATUS");
      if (transp != null && "TRANSPARENT".equalsIgnoreCase(transp.value().trim())) {
        busy = 0;
      } else if (status != null && "TENTATIVE".equalsIgnoreCase(status.value().trim())) {
        busy = 1;
      } else {
        busy = 2;
      }
    }
    bag.put(BUSY_STATUS, busy);
    Integer intended = busyStatus(event.property("X-MICROSOFT-CDO-INTENDEDSTATUS"));
    if (intended != null) {
      bag.put(INTENDED_BUSY_STATUS, intended);
    }
    ICalProperty sequence = exception ? null : event.property("SEQUENCE");
    if (sequence != null) {
      try {
        bag.put(APPOINTMENT_SEQUENCE, Integer.parseInt(sequence.value().trim()));
      } catch (NumberFormatException e) {
        warnings.add("ignored SEQUENCE " + sequence.value());
      }
    }
    if (!exception) {
      CommonFields.importTime(event, "DTSTAMP", bag,
          method == MeetingMethod.REPLY || method == MeetingMethod.COUNTER ? ATTENDEE_CRITICAL_CHANGE : OWNER_CRITICAL_CHANGE,
          warnings);
    }

    ICalProperty status = event.property("STATUS");
    boolean canceled = method == MeetingMethod.CANCEL
        || status != null && "CANCELLED".equalsIgnoreCase(status.value().trim());
    Set<String> mapped = status != null && "CANCELLED".equalsIgnoreCase(status.value().trim())
        ? mappedCanceledEvent : mappedEvent;

    String messageClass = switch (method) {
      case NONE -> MeetingMethod.APPOINTMENT;
      case REQUEST -> MeetingMethod.REQUEST_CLASS;
      case CANCEL -> MeetingMethod.CANCELED;
      case COUNTER -> MeetingMethod.RESP_TENT;
      case REPLY -> {
        ICalProperty attendee = event.property("ATTENDEE");
        yield MeetingMethod.responseClass(attendee == null ? null : attendee.param("PARTSTAT"));
      }
    };
    if (exception) {
      messageClass = ExceptionAttachments.EXCEPTION_CLASS;
      bag.put(ExceptionAttachments.LID_EXCEPTION_REPLACE_TIME, exceptionOf);
      mapped = new HashSet<>(mapped);
      mapped.add("RECURRENCE-ID");
      mapped.add(ExceptionAttachments.ATTACH_PROP);
    }
    bag.put(io.convene.convert.props.TaggedProps.MESSAGE_CLASS, messageClass);
    if (method == MeetingMethod.COUNTER) {
      bag.put(APPOINTMENT_COUNTER_PROPOSAL, true);
    }
    List<Map<PropTag, PropValue>> rows = new ArrayList<>();
    boolean hasPeople = importPeople(event, method, bag, rows);
    bag.put(APPOINTMENT_STATE_FLAGS, derivedFlags(hasPeople, method, canceled));

    CommonFields.importCommon(event, bag, warnings);
    ICalComponent alarm = CommonFields.importReminder(event, start, end, bag, warnings);

    ZoneId zone = zoneOf(bag);
    List<ICalComponent> leftOver = exception ? List.of() : recurrence.importSeries(event, overrides, bag, zone);
    Set<ICalComponent> mappedComponents = new HashSet<>();
    if (alarm != null) {
      mappedComponents.add(alarm);
    }
    List<AttachmentContent> attachments = new ArrayList<>(
        exception ? List.of() : InlineAttachments.take(event, ids, warnings));
    Preservation.importUnmapped(event, mapped, mappedComponents, bag, warnings);
    // ...and again last, so that they win over derived values.
    kept.forEach(bag::put);
    if (!leftOver.isEmpty()) {
      Preservation.importSiblings("VCALENDAR", leftOver, bag);
    }
    for (ICalComponent override : overrides) {
      if (!leftOver.contains(override)) {
        exceptionAttachment(override, event, bag, start != null && end != null ? Duration.between(start, end) : null,
            calendar, zone, ids, warnings).ifPresent(attachments::add);
      }
    }
    return new ItemContent(bag.view(), rows, attachments);
  }

  /**
   * The exception attachment of an override the recurrence support took into the blob: its
   * embedded message is the override converted (without the attendees when they are the master's,
   * so that the exception keeps no recipient rows of its own).
   */
  private Optional<AttachmentContent> exceptionAttachment(ICalComponent override, ICalComponent master, Bag masterBag,
      Duration masterLength, ICalComponent calendar, ZoneId zone, NamedPropertyIds ids, List<String> warnings)
      throws ConversionException {
    ICalProperty rid = override.property("RECURRENCE-ID");
    try {
      ZoneRules rules = rid.param("TZID") != null ? rulesFor(rid.param("TZID"), calendar, warnings) : zone.getRules();
      Instant replace = parseTime(rid, rules, "RECURRENCE-ID");
      if (!ExceptionAttachments.takeOwnAttendees(master, override)) {
        override.properties().removeIf(p -> p.name().equals("ATTENDEE"));
      }
      // what an override does not state it has from the master (RFC 5545 3.8.4.4): its original
      // start, the master's length
      if (override.property("DTSTART") == null) {
        override.add(new ICalProperty("DTSTART", rid.params(), rid.value()));
      }
      if (override.property("DTEND") == null && override.property("DURATION") == null && masterLength != null) {
        override.add(new ICalProperty("DURATION", masterLength.toString()));
      }
      ItemContent message =
          importEvent(override, List.of(), MeetingMethod.NONE, calendar, ids, warnings, replace, masterBag);
      Bag read = Bag.of(message.properties(), ids);
      return Optional.of(AttachmentContent.embedding(ExceptionAttachments.importAttachment(override, replace,
          read.time(APPOINTMENT_START_WHOLE), read.time(APPOINTMENT_END_WHOLE), zone, masterBag, warnings), message));
    } catch (ConversionException e) {
      if (e.error() == ConversionError.STORE || e.error() == ConversionError.TOO_LARGE) {
        throw e;
      }
      warnings.add("override " + rid.value() + " not kept as an exception attachment: " + e.getMessage());
      return Optional.empty(); // the blob still states the instance
    }
  }

  private ZoneId zoneOf(Bag bag) throws ConversionException {
    String tz = bag.string(TIME_ZONE_DESCRIPTION);
    return tz == null ? ZoneOffset.UTC : timeZones.zone(tz).orElse(ZoneOffset.UTC);
  }

  private Instant[] importTimes(ICalComponent event, MeetingMethod method, ICalComponent calendar, Bag bag,
      List<String> warnings) throws ConversionException {
    ICalProperty dtstart = event.property("DTSTART");
    if (dtstart == null) {
      if (method == MeetingMethod.REPLY || method == MeetingMethod.CANCEL) {
        return new Instant[2];
      }
      throw new ConversionException(ConversionError.MISSING_REQUIRED, "VEVENT " + uidOf(event) + " has no DTSTART");
    }
    String tzid = dtstart.param("TZID");
    ZoneRules zone;
    if (tzid != null) {
      zone = rulesFor(tzid, calendar, warnings);
      bag.put(TIME_ZONE_DESCRIPTION, tzid);
    } else {
      zone = zoneOf(bag).getRules();
    }
    boolean dateOnly = ICalTimes.isDate(dtstart);
    Instant start = parseTime(dtstart, zone, "DTSTART");
    Instant end;
    ICalProperty dtend = event.property("DTEND");
    ICalProperty duration = event.property("DURATION");
    if (dtend != null) {
      ZoneRules endZone = dtend.param("TZID") == null || dtend.param("TZID").equals(tzid)
          ? zone : rulesFor(dtend.param("TZID"), calendar, warnings);
      end = parseTime(dtend, endZone, "DTEND");
    } else if (duration != null) {
      try {
        end = start.plus(CommonFields.parseDuration(duration.value()));
      } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
        throw new ConversionException(ConversionError.MALFORMED, "DURATION " + duration.value() + ": " + e.getMessage());
      }
    } else {
      end = dateOnly ? start.plus(Duration.ofDays(1)) : start; // RFC 5545 3.6.1
    }
    if (end.isBefore(start)) {
      warnings.add("DTEND before DTSTART; used DTSTART");
      end = start;
    }
    if (!io.convene.api.store.FileTimes.inRange(start) || !io.convene.api.store.FileTimes.inRange(end)) {
      throw new ConversionException(ConversionError.UNSUPPORTED, "VEVENT times before 1601");
    }
    ICalProperty allDayFlag = event.property("X-MICROSOFT-CDO-ALLDAYEVENT");
    boolean allDay = allDayFlag != null ? "TRUE".equalsIgnoreCase(allDayFlag.value().trim()) : dateOnly;
    bag.put(APPOINTMENT_SUB_TYPE, allDay);
    if (method == MeetingMethod.COUNTER) {
      bag.put(APPOINTMENT_PROPOSED_START_WHOLE, start);
      bag.put(APPOINTMENT_PROPOSED_END_WHOLE, end);
      ICalProperty originalStart = event.property("X-MS-OLK-ORIGINALSTART");
      ICalProperty originalEnd = event.property("X-MS-OLK-ORIGINALEND");
      if (originalStart != null && originalEnd != null) {
        start = parseTime(originalStart, zone, "X-MS-OLK-ORIGINALSTART");
        end = parseTime(originalEnd, zone, "X-MS-OLK-ORIGINALEND");
      }
    }
    bag.put(APPOINTMENT_START_WHOLE, start);
    bag.put(APPOINTMENT_END_WHOLE, end);
    bag.put(COMMON_START, start);
    bag.put(COMMON_END, end);
    long minutes = Duration.between(start, end).toMinutes();
    bag.put(APPOINTMENT_DURATION, (int) Math.min(minutes, Integer.MAX_VALUE));
    return new Instant[] {start, end};
  }

  /** The rules of a TZID: the time zone support's, else the object's own VTIMEZONE, else UTC. */
  private ZoneRules rulesFor(String tzid, ICalComponent calendar, List<String> warnings) {
    Optional<ZoneId> known = timeZones.zone(tzid);
    if (known.isPresent()) {
      return known.get().getRules();
    }
    for (ICalComponent vtimezone : calendar.components("VTIMEZONE")) {
      ICalProperty id = vtimezone.property("TZID");
      if (id != null && id.value().equals(tzid)) {
        Optional<ZoneRules> rules = VTimeZoneRules.of(vtimezone);
        if (rules.isPresent()) {
          return rules.get();
        }
      }
    }
    warnings.add("unknown TZID " + tzid + "; read its times as UTC");
    return ZoneOffset.UTC.getRules();
  }

  private static Instant parseTime(ICalProperty p, ZoneRules zone, String what) throws ConversionException {
    try {
      return ICalTimes.instant(p.value(), zone);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ConversionException(ConversionError.MALFORMED, what + ": " + e.getMessage());
    }
  }

  private static Integer busyStatus(ICalProperty p) {
    if (p == null) {
      return null;
    }
    for (int i = 0; i < BUSY.length; i++) {
      if (BUSY[i].equalsIgnoreCase(p.value().trim())) {
        return i;
      }
    }
    return null;
  }

  /** ORGANIZER and ATTENDEEs into sender properties and recipient rows; returns whether there were any. */
  private boolean importPeople(ICalComponent event, MeetingMethod method, Bag bag, List<Map<PropTag, PropValue>> rows)
      throws ConversionException {
    ICalProperty organizer = event.property("ORGANIZER");
    List<ICalProperty> attendees = event.all("ATTENDEE");
    if (attendees.size() > limits.maxRecipients()) {
      throw new ConversionException(ConversionError.TOO_LARGE, "more than " + limits.maxRecipients() + " attendees");
    }
    if (method == MeetingMethod.REPLY || method == MeetingMethod.COUNTER) {
      if (organizer != null) {
        Attendee o = person(organizer, Attendee.TYPE_REQUIRED, Attendee.TRACK_NONE, Attendee.FLAG_SENDABLE);
        rows.add(Appointment.row(o));
      }
      if (!attendees.isEmpty()) {
        putSender(bag, person(attendees.get(0), Attendee.TYPE_REQUIRED, Attendee.TRACK_NONE, 0));
      }
      return organizer != null || !attendees.isEmpty();
    }
    if (organizer != null) {
      Attendee o = person(organizer, Attendee.TYPE_REQUIRED, Attendee.TRACK_ORGANIZED,
          Attendee.FLAG_SENDABLE | Attendee.FLAG_ORGANIZER);
      putSender(bag, o);
      if (!attendees.isEmpty()) {
        rows.add(Appointment.row(o));
      }
    }
    Boolean rsvp = null;
    for (ICalProperty a : attendees) {
      String cutype = upper(a.param("CUTYPE"));
      String role = upper(a.param("ROLE"));
      int type = "RESOURCE".equals(cutype) || "ROOM".equals(cutype)
          ? Attendee.TYPE_RESOURCE
          : "OPT-PARTICIPANT".equals(role) || "NON-PARTICIPANT".equals(role) ? Attendee.TYPE_OPTIONAL : Attendee.TYPE_REQUIRED;
      int track = switch (upper(a.param("PARTSTAT"))) {
        case "ACCEPTED" -> Attendee.TRACK_ACCEPTED;
        case "DECLINED" -> Attendee.TRACK_DECLINED;
        case "TENTATIVE" -> Attendee.TRACK_TENTATIVE;
        default -> Attendee.TRACK_NONE;
      };
      if (a.param("RSVP") != null) {
        rsvp = (rsvp != null && rsvp) || "TRUE".equalsIgnoreCase(a.param("RSVP"));
      }
      rows.add(Appointment.row(person(a, type, track, Attendee.FLAG_SENDABLE)));
    }
    if (rsvp != null) {
      bag.put(RESPONSE_REQUESTED, rsvp);
    }
    return organizer != null || !attendees.isEmpty();
  }

  private static String upper(String s) {
    return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
  }

  private static Attendee person(ICalProperty p, int type, int track, int flags) {
    String value = p.value().trim();
    String email = value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7)
        // RFC 5546's own examples carry some addresses without the mailto: scheme.
        : value.indexOf(':') < 0 && value.indexOf('@') > 0 ? value : null;
    if (email != null && email.isEmpty()) {
      email = null;
    }
    String name = p.param("CN");
    return new Attendee(name, email, type, track, flags);
  }

  private static void putSender(Bag bag, Attendee a) throws ConversionException {
    if (a.displayName() != null) {
      bag.put(SENT_REPRESENTING_NAME, a.displayName());
    }
    if (a.email() != null) {
      bag.put(SENT_REPRESENTING_SMTP_ADDRESS, a.email());
      bag.put(SENT_REPRESENTING_EMAIL_ADDRESS, a.email());
      bag.put(SENT_REPRESENTING_ADDRESS_TYPE, "SMTP");
    }
  }
}

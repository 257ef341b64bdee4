package io.convene.convert.calendar;

import static io.convene.convert.props.NamedProps.APPOINTMENT_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_SEQUENCE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_START_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_STATE_FLAGS;
import static io.convene.convert.props.NamedProps.APPOINTMENT_SUB_TYPE;
import static io.convene.convert.props.NamedProps.BUSY_STATUS;
import static io.convene.convert.props.NamedProps.CLEAN_GLOBAL_OBJECT_ID;
import static io.convene.convert.props.NamedProps.GLOBAL_OBJECT_ID;
import static io.convene.convert.props.NamedProps.INTENDED_BUSY_STATUS;
import static io.convene.convert.props.NamedProps.KEYWORDS;
import static io.convene.convert.props.NamedProps.LOCATION;
import static io.convene.convert.props.NamedProps.RECURRING;
import static io.convene.convert.props.NamedProps.REMINDER_DELTA;
import static io.convene.convert.props.NamedProps.REMINDER_SET;
import static io.convene.convert.props.NamedProps.TIME_ZONE_DESCRIPTION;
import static io.convene.convert.props.TaggedProps.BODY;
import static io.convene.convert.props.TaggedProps.CREATION_TIME;
import static io.convene.convert.props.TaggedProps.IMPORTANCE;
import static io.convene.convert.props.TaggedProps.LAST_MODIFICATION_TIME;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;
import static io.convene.convert.props.TaggedProps.SENSITIVITY;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_ADDRESS_TYPE;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_EMAIL_ADDRESS;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_NAME;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS;
import static io.convene.convert.props.TaggedProps.SUBJECT;

import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.convert.bridge.Appointments;
import io.convene.convert.bridge.OutlookSeries;
import io.convene.convert.bridge.SeriesProps;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random appointments covering every field the calendar converter maps, with awkward text
 * (iCalendar's special characters, non-ASCII, line breaks) and all enumerated values.
 */
final class RandomAppointments {

  /** Every bag property the VEVENT mapping carries; the property test compares these. */
  static final List<PropDef> MAPPED = List.of(
      MESSAGE_CLASS, SUBJECT, BODY, LOCATION, APPOINTMENT_START_WHOLE, APPOINTMENT_END_WHOLE, APPOINTMENT_SUB_TYPE,
      BUSY_STATUS, INTENDED_BUSY_STATUS, SENSITIVITY, IMPORTANCE, REMINDER_SET, REMINDER_DELTA, APPOINTMENT_SEQUENCE,
      APPOINTMENT_STATE_FLAGS, GLOBAL_OBJECT_ID, CLEAN_GLOBAL_OBJECT_ID, KEYWORDS, CREATION_TIME, LAST_MODIFICATION_TIME,
      SENT_REPRESENTING_NAME, SENT_REPRESENTING_SMTP_ADDRESS, SENT_REPRESENTING_EMAIL_ADDRESS,
      SENT_REPRESENTING_ADDRESS_TYPE, TIME_ZONE_DESCRIPTION, VEventConverter.RESPONSE_REQUESTED,
      SeriesProps.APPOINTMENT_RECUR, RECURRING);

  private static final String[] WORDS = {
    "Meeting", "Réunion", "Besprechung", "会議", "встреча", "a,b", "semi;colon", "back\\slash", "colon:here",
    "\"quoted\"", "emoji 😀", "tab\there", "Zoë", "x"
  };
  private static final String[] CLASSES = {MeetingMethod.APPOINTMENT, MeetingMethod.REQUEST_CLASS, MeetingMethod.CANCELED};
  private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Tokyo"};
  /** Zones of recurring series: Windows names (Outlook's TZID), IANA ids, and none (UTC). */
  private static final String[] SERIES_ZONES = {
    "W. Europe Standard Time", "AUS Eastern Standard Time", "Pacific SA Standard Time", "Russian Standard Time",
    "America/Sao_Paulo", "Asia/Kolkata", null
  };

  private final Random random;

  RandomAppointments(long seed) {
    this.random = new Random(seed);
  }

  ItemContent next(NamedPropertyIds ids) throws Exception {
    Bag bag = Bag.empty(ids);
    bag.put(MESSAGE_CLASS, CLASSES[random.nextInt(CLASSES.length)]);
    bag.put(SUBJECT, text(false));
    if (random.nextBoolean()) {
      bag.put(BODY, text(true).replace("\n", "\r\n"));
    }
    if (random.nextBoolean()) {
      bag.put(LOCATION, text(false));
    }
    boolean allDay = random.nextInt(4) == 0;
    Instant start = Instant.parse("1995-01-01T00:00:00Z").plusSeconds((long) (random.nextDouble() * 3.5e9));
    Instant end;
    if (allDay) {
      start = start.truncatedTo(ChronoUnit.DAYS);
      end = start.plus(1 + random.nextInt(5), ChronoUnit.DAYS);
    } else {
      end = start.plusSeconds(random.nextInt(5) == 0 ? 0 : random.nextInt(86_400 * 3));
      if (random.nextBoolean()) {
        bag.put(TIME_ZONE_DESCRIPTION, ZONES[random.nextInt(ZONES.length)]);
      }
    }
    bag.put(APPOINTMENT_START_WHOLE, start);
    bag.put(APPOINTMENT_END_WHOLE, end);
    bag.put(APPOINTMENT_SUB_TYPE, allDay);
    bag.put(BUSY_STATUS, random.nextInt(5));
    if (random.nextBoolean()) {
      bag.put(INTENDED_BUSY_STATUS, random.nextInt(5));
    }
    bag.put(SENSITIVITY, random.nextInt(4));
    bag.put(IMPORTANCE, random.nextInt(3));
    boolean reminder = random.nextBoolean();
    bag.put(REMINDER_SET, reminder);
    if (reminder) {
      bag.put(REMINDER_DELTA, random.nextInt(10_000));
    }
    if (!allDay && random.nextInt(3) == 0) {
      series(bag, start);
    }
    bag.put(APPOINTMENT_SEQUENCE, random.nextInt(100));
    bag.put(APPOINTMENT_STATE_FLAGS, random.nextInt(8));
    String uid = random.nextBoolean()
        ? "uid-" + Long.toHexString(random.nextLong()) + "@" + WORDS[random.nextInt(WORDS.length)]
        : outlookUid();
    byte[] goid = GlobalObjectId.fromUid(uid);
    bag.put(GLOBAL_OBJECT_ID, goid);
    bag.put(CLEAN_GLOBAL_OBJECT_ID, GlobalObjectId.clean(goid));
    if (random.nextBoolean()) {
      List<String> keywords = new ArrayList<>();
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        keywords.add(text(false));
      }
      bag.put(KEYWORDS, keywords);
    }
    bag.put(CREATION_TIME, start.minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    bag.put(LAST_MODIFICATION_TIME, start.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    List<Map<PropTag, PropValue>> rows = new ArrayList<>();
    if (random.nextBoolean()) {
      String organizer = "org" + random.nextInt(1000) + "@example.com";
      String name = name();
      bag.put(SENT_REPRESENTING_NAME, name);
      bag.put(SENT_REPRESENTING_SMTP_ADDRESS, organizer);
      bag.put(SENT_REPRESENTING_EMAIL_ADDRESS, organizer);
      bag.put(SENT_REPRESENTING_ADDRESS_TYPE, "SMTP");
      int attendees = random.nextInt(6);
      if (attendees > 0) {
        rows.add(Appointment.row(new Attendee(name, organizer, Attendee.TYPE_REQUIRED, Attendee.TRACK_ORGANIZED,
            Attendee.FLAG_SENDABLE | Attendee.FLAG_ORGANIZER)));
        bag.put(VEventConverter.RESPONSE_REQUESTED, random.nextBoolean());
      }
      int[] tracks = {Attendee.TRACK_NONE, Attendee.TRACK_TENTATIVE, Attendee.TRACK_ACCEPTED, Attendee.TRACK_DECLINED};
      for (int i = 0; i < attendees; i++) {
        rows.add(Appointment.row(new Attendee(random.nextBoolean() ? name() : null, "a" + i + "@example.org",
            1 + random.nextInt(3), tracks[random.nextInt(tracks.length)], Attendee.FLAG_SENDABLE)));
      }
    }
    return new ItemContent(bag.toMap(), rows, List.of());
  }

  /**
   * Makes the appointment a series with exceptions (see {@link OutlookSeries}) in a zone:
   * StartWhole/EndWhole become its first instance, as Outlook keeps them.
   */
  private void series(Bag bag, Instant near) throws Exception {
    String zoneName = bag.string(TIME_ZONE_DESCRIPTION);
    if (zoneName == null) {
      zoneName = SERIES_ZONES[random.nextInt(SERIES_ZONES.length)];
    }
    ZoneId zone = zoneName == null ? ZoneOffset.UTC : Appointments.ZONES.zone(zoneName).orElseThrow();
    Integer reminder = Boolean.TRUE.equals(bag.bool(REMINDER_SET)) ? bag.integer(REMINDER_DELTA) : null;
    OutlookSeries.Master master = new OutlookSeries.Master(bag.string(SUBJECT), bag.string(LOCATION),
        bag.integer(BUSY_STATUS), reminder);
    AppointmentRecurrencePattern a;
    do {
      a = new OutlookSeries(random.nextLong()).next(LocalDate.ofInstant(near, ZoneOffset.UTC), 10, master);
      // a first instance in a DST gap has no local time to state it by: its blob travels as is
    } while (!Appointments.firstStart(a, zone).toLocalDateTime().equals(
            a.pattern().startDate().toLocalDate().atStartOfDay().plusMinutes(a.startTimeOffset())));
    ZonedDateTime first = Appointments.firstStart(a, zone);
    bag.put(APPOINTMENT_START_WHOLE, first.toInstant());
    bag.put(APPOINTMENT_END_WHOLE, Appointments.firstEnd(a, zone).toInstant());
    if (zoneName != null) {
      bag.put(TIME_ZONE_DESCRIPTION, zoneName);
    }
    bag.put(SeriesProps.APPOINTMENT_RECUR, new RecurrenceBlobCodec().encode(a));
    bag.put(RECURRING, true);
  }

  private String outlookUid() {
    byte[] data = new byte[16];
    random.nextBytes(data);
    byte[] goid = new byte[GlobalObjectId.HEADER_SIZE + data.length];
    System.arraycopy(GlobalObjectId.BYTE_ARRAY_ID, 0, goid, 0, 16);
    long created = random.nextLong() & 0x01FF_FFFF_FFFF_FFFFL;
    for (int i = 0; i < 8; i++) {
      goid[20 + i] = (byte) (created >>> (8 * i));
    }
    goid[36] = (byte) data.length;
    System.arraycopy(data, 0, goid, GlobalObjectId.HEADER_SIZE, data.length);
    return HexFormat.of().withUpperCase().formatHex(goid);
  }

  /** A display name for CN: any of the words, backslashes, quotes and commas included. */
  private String name() {
    return text(false);
  }

  private String text(boolean lines) {
    StringBuilder s = new StringBuilder();
    for (int i = 1 + random.nextInt(6); i > 0; i--) {
      s.append(WORDS[random.nextInt(WORDS.length)]);
      s.append(lines && random.nextInt(3) == 0 ? "\n" : " ");
    }
    return s.toString().trim();
  }
}

package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.convert.binary.OpaqueBytes;
import io.convene.convert.calendar.Appointment;
import io.convene.convert.calendar.Attendee;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.PropDef;
import io.convene.convert.props.TaggedProps;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.ExtendedException;
import io.convene.convert.recurrence.RecurrencePatternBuilder;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A recurring meeting as Outlook stores a modified instance (MS-OXOCAL 2.2.10, 3.1.4.5): an
 * ExceptionInfo in the blob and a hidden afEmbeddedMessage attachment, flagged afException, whose
 * embedded message holds the instance with its own subject, location, body and attendee list.
 */
class ExceptionAttachmentRoundTripTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final PropDef ATTACH_METHOD = PropDef.tagged("PidTagAttachMethod", 0x37050003);
  private static final PropDef ATTACHMENT_HIDDEN = PropDef.tagged("PidTagAttachmentHidden", 0x7FFE000B);
  private static final PropDef ATTACHMENT_FLAGS = PropDef.tagged("PidTagAttachmentFlags", 0x7FFD0003);
  private static final PropDef EXCEPTION_REPLACE_TIME = PropDef.tagged("PidTagExceptionReplaceTime", 0x7FF90040);
  private static final PropDef EXCEPTION_START_TIME = PropDef.tagged("PidTagExceptionStartTime", 0x7FFB0040);
  private static final PropDef EXCEPTION_END_TIME = PropDef.tagged("PidTagExceptionEndTime", 0x7FFC0040);
  private static final PropDef RENDERING_POSITION = PropDef.tagged("PidTagRenderingPosition", 0x370B0003);
  private static final PropDef DISPLAY_NAME = PropDef.tagged("PidTagDisplayName", 0x3001001F);
  private static final PropDef LID_EXCEPTION_REPLACE_TIME =
      PropDef.lid("PidLidExceptionReplaceTime", NamedProperty.PSETID_APPOINTMENT, 0x8228, PropType.PT_SYSTIME);
  private static final PropDef FEXCEPTIONAL_ATTENDEES =
      PropDef.lid("PidLidFExceptionalAttendees", NamedProperty.PSETID_APPOINTMENT, 0x822B, PropType.PT_BOOLEAN);
  private static final PropDef FEXCEPTIONAL_BODY =
      PropDef.lid("PidLidFExceptionalBody", NamedProperty.PSETID_APPOINTMENT, 0x8206, PropType.PT_BOOLEAN);
  private static final String EXCEPTION_CLASS = "IPM.OLE.CLASS.{00061055-0000-0000-C000-000000000046}";

  private final VEventConverter converter = Appointments.converter();
  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();

  private static final Attendee ORGANIZER = new Attendee("Olga Organizer", "olga@example.com", Attendee.TYPE_REQUIRED,
      Attendee.TRACK_ORGANIZED, Attendee.FLAG_SENDABLE | Attendee.FLAG_ORGANIZER);
  private static final Attendee ANN = new Attendee("Ann", "ann@example.com", Attendee.TYPE_REQUIRED,
      Attendee.TRACK_ACCEPTED, Attendee.FLAG_SENDABLE);
  private static final Attendee BOB = new Attendee("Bob", "bob@example.com", Attendee.TYPE_OPTIONAL,
      Attendee.TRACK_NONE, Attendee.FLAG_SENDABLE);
  private static final Attendee CAROL = new Attendee("Carol", "carol@example.com", Attendee.TYPE_REQUIRED,
      Attendee.TRACK_TENTATIVE, Attendee.FLAG_SENDABLE);
  private static final Attendee ROOM = new Attendee("Room 2", "room2@example.com", Attendee.TYPE_RESOURCE,
      Attendee.TRACK_ACCEPTED, Attendee.FLAG_SENDABLE);

  /** The weekly meeting of {@code SeriesConversionTest}, its April 2 instance moved to April 3 11:00. */
  private static AppointmentRecurrencePattern pattern(ExceptionInfo moved) throws Exception {
    RecurrencePatternBuilder b = new RecurrencePatternBuilder()
        .weekly(1, Set.of(DayOfWeek.TUESDAY)).firstDayOfWeek(DayOfWeek.MONDAY).start(LocalDate.of(2024, 3, 5)).endAfter(10);
    b.deleted(LocalDate.of(2024, 3, 19));
    b.modified(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 3));
    return new AppointmentRecurrencePattern(b.build(), 0x3006, 0x3009, 540, 600, List.of(moved), OpaqueBytes.EMPTY,
        List.of(ExtendedException.of(moved, moved.subject(), moved.location(), true)), OpaqueBytes.EMPTY);
  }

  private static ExceptionInfo moved() {
    return new ExceptionInfo(LocalDateTime.of(2024, 4, 3, 11, 0), LocalDateTime.of(2024, 4, 3, 12, 0),
        LocalDateTime.of(2024, 4, 2, 9, 0),
        ExceptionInfo.ARO_SUBJECT | ExceptionInfo.ARO_LOCATION | ExceptionInfo.ARO_BUSYSTATUS,
        "Planning (moved)", null, null, null, "Room 2", 1, null, null, null);
  }

  private ItemContent outlookSeries() throws Exception {
    AppointmentRecurrencePattern a = pattern(moved());
    ItemContent base = Appointments.series(ids, a, "W. Europe Standard Time", ZONE,
        new OutlookSeries.Master("Planning", "Room 1", 2, 15), "series-exc@example.com");
    Bag master = Bag.of(base.properties(), ids);
    master.put(NamedProps.APPOINTMENT_STATE_FLAGS, Appointment.ASF_MEETING);
    master.put(TaggedProps.SENT_REPRESENTING_NAME, ORGANIZER.displayName());
    master.put(TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS, ORGANIZER.email());
    master.put(TaggedProps.SENT_REPRESENTING_EMAIL_ADDRESS, ORGANIZER.email());
    master.put(TaggedProps.SENT_REPRESENTING_ADDRESS_TYPE, "SMTP");
    List<Map<PropTag, PropValue>> rows = List.of(Appointment.row(ORGANIZER), Appointment.row(ANN), Appointment.row(BOB));

    Instant replace = LocalDateTime.of(2024, 4, 2, 9, 0).atZone(ZONE).toInstant();
    Instant start = LocalDateTime.of(2024, 4, 3, 11, 0).atZone(ZONE).toInstant();
    Instant end = LocalDateTime.of(2024, 4, 3, 12, 0).atZone(ZONE).toInstant();
    Bag message = Bag.empty(ids);
    message.put(TaggedProps.MESSAGE_CLASS, EXCEPTION_CLASS);
    message.put(TaggedProps.SUBJECT, "Planning (moved)");
    message.put(NamedProps.LOCATION, "Room 2");
    message.put(TaggedProps.BODY, "Moved a day: the room was taken.\r\nBring the Q2 figures.");
    message.put(NamedProps.APPOINTMENT_START_WHOLE, start);
    message.put(NamedProps.APPOINTMENT_END_WHOLE, end);
    message.put(NamedProps.COMMON_START, start);
    message.put(NamedProps.COMMON_END, end);
    message.put(NamedProps.APPOINTMENT_DURATION, 60);
    message.put(NamedProps.APPOINTMENT_SUB_TYPE, false);
    message.put(NamedProps.BUSY_STATUS, 1);
    message.put(NamedProps.APPOINTMENT_STATE_FLAGS, Appointment.ASF_MEETING);
    message.put(NamedProps.REMINDER_SET, true);
    message.put(NamedProps.REMINDER_DELTA, 15);
    message.put(NamedProps.REMINDER_TIME, start);
    message.put(NamedProps.REMINDER_SIGNAL_TIME, start.minusSeconds(15 * 60));
    message.put(NamedProps.TIME_ZONE_DESCRIPTION, "W. Europe Standard Time");
    message.put(LID_EXCEPTION_REPLACE_TIME, replace);
    message.put(FEXCEPTIONAL_ATTENDEES, true);
    message.put(FEXCEPTIONAL_BODY, true);
    message.put(TaggedProps.SENT_REPRESENTING_NAME, ORGANIZER.displayName());
    message.put(TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS, ORGANIZER.email());
    message.put(TaggedProps.SENT_REPRESENTING_EMAIL_ADDRESS, ORGANIZER.email());
    message.put(TaggedProps.SENT_REPRESENTING_ADDRESS_TYPE, "SMTP");
    // the instance drops Bob, adds Carol and books the room
    List<Map<PropTag, PropValue>> instanceRows =
        List.of(Appointment.row(ORGANIZER), Appointment.row(ANN), Appointment.row(CAROL), Appointment.row(ROOM));

    Bag attachment = Bag.empty(ids);
    attachment.put(ATTACH_METHOD, 5);
    attachment.put(ATTACHMENT_HIDDEN, true);
    attachment.put(ATTACHMENT_FLAGS, 2);
    attachment.put(EXCEPTION_REPLACE_TIME, replace);
    attachment.put(EXCEPTION_START_TIME, LocalDateTime.of(2024, 4, 3, 11, 0).toInstant(ZoneOffset.UTC));
    attachment.put(EXCEPTION_END_TIME, LocalDateTime.of(2024, 4, 3, 12, 0).toInstant(ZoneOffset.UTC));
    attachment.put(RENDERING_POSITION, -1);
    attachment.put(DISPLAY_NAME, "Planning (moved)");
    AttachmentContent exception = AttachmentContent.embedding(attachment.toMap(),
        new ItemContent(message.toMap(), instanceRows, List.of()));
    return new ItemContent(master.toMap(), rows, List.of(exception));
  }

  @Test
  void theModifiedInstanceGoesOutAsAnOverrideWithItsOwnFields() throws Exception {
    String text = converter.toICalendar(outlookSeries(), ids).value();
    String[] events = text.split("BEGIN:VEVENT\r\n");
    assertThat(events).hasSize(3);
    String master = events[1];
    String override = events[2];
    assertThat(master).contains("SUMMARY:Planning", "LOCATION:Room 1", "mailto:bob@example.com")
        .doesNotContain("carol@example.com", "RECURRENCE-ID");
    assertThat(override).contains("UID:", "RECURRENCE-ID;TZID=W. Europe Standard Time:20240402T090000",
        "DTSTART;TZID=W. Europe Standard Time:20240403T110000", "SUMMARY:Planning (moved)", "LOCATION:Room 2",
        "DESCRIPTION:Moved a day: the room was taken.\\nBring the Q2 figures.", "mailto:carol@example.com",
        "CUTYPE=RESOURCE", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "TRIGGER;RELATED=START:-PT15M")
        .doesNotContain("bob@example.com");
    // the blob is stated by RRULE, EXDATE and the override: it does not travel as well
    assertThat(master).doesNotContain("X-CONVENE-PROP;PSET={00062002");
    assertThat(master.substring(0, master.indexOf("UID:"))).isEmpty();
    String uid = master.lines().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
    assertThat(override).contains(uid);
  }

  @Test
  void roundTripLosesNothing() throws Exception {
    ItemContent original = outlookSeries();
    ConversionResult<String> text = converter.toICalendar(original, ids);
    ConversionResult<List<ItemContent>> back = converter.fromICalendar(text.value(), ids);
    assertThat(back.value()).hasSize(1);
    ItemContent item = back.value().get(0);
    assertThat(item.attachments()).hasSize(1);
    AttachmentContent exception = item.attachments().get(0);
    AttachmentContent expected = original.attachments().get(0);
    assertThat(exception.properties()).isEqualTo(expected.properties());
    assertThat(exception.embeddedMessage()).isPresent();
    ItemContent message = exception.embeddedMessage().get();
    assertThat(new HashMap<>(message.properties())).isEqualTo(new HashMap<>(expected.embedded().properties()));
    assertThat(message.recipients()).isEqualTo(expected.embedded().recipients());
    // and the series itself, blob included
    for (Map.Entry<PropTag, PropValue> e : original.properties().entrySet()) {
      assertThat(item.properties()).as("%s", e.getKey()).containsEntry(e.getKey(), e.getValue());
    }
    assertThat(item.recipients()).isEqualTo(original.recipients());
    // a second trip writes the same text
    assertThat(converter.toICalendar(item, ids).value().replaceAll("DTSTAMP:.*\r\n", ""))
        .isEqualTo(text.value().replaceAll("DTSTAMP:.*\r\n", ""));
  }

  @Test
  void anInstanceWithTheMastersAttendeesKeepsNoRowsOfItsOwn() throws Exception {
    ItemContent series = outlookSeries();
    AttachmentContent a = series.attachments().get(0);
    ItemContent noRows = new ItemContent(a.embedded().properties(), List.of(), List.of());
    ItemContent item = new ItemContent(series.properties(), series.recipients(),
        List.of(AttachmentContent.embedding(a.properties(), noRows)));
    String text = converter.toICalendar(item, ids).value();
    String override = text.split("BEGIN:VEVENT\r\n")[2];
    assertThat(override).contains("mailto:bob@example.com"); // the whole instance: the master's attendees
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    assertThat(back.attachments().get(0).embedded().recipients()).isEmpty();
  }

  @Test
  void anInstanceWithRowsOfItsOwnEqualToTheMastersKeepsThem() throws Exception {
    ItemContent series = outlookSeries();
    AttachmentContent a = series.attachments().get(0);
    ItemContent sameRows = new ItemContent(a.embedded().properties(), series.recipients(), List.of());
    ItemContent item = new ItemContent(series.properties(), series.recipients(),
        List.of(AttachmentContent.embedding(a.properties(), sameRows)));
    String text = converter.toICalendar(item, ids).value();
    assertThat(text.split("BEGIN:VEVENT\r\n")[2]).contains("X-CONVENE-OWN-ATTENDEES:TRUE");
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    ItemContent message = back.attachments().get(0).embedded();
    assertThat(message.recipients()).isEqualTo(series.recipients());
    // the mark is read, not kept as a property of the exception
    assertThat(new HashMap<>(message.properties())).isEqualTo(new HashMap<>(a.embedded().properties()));
  }

  @Test
  void exceptionStartAndEndTimeAreLocalTimesOfTheSeriesZone() throws Exception {
    // MS-OXOCAL 2.2.10.1.4/2.2.10.1.5: PidTagExceptionStartTime/EndTime are "in the local time zone"
    // (PidTagExceptionReplaceTime, 2.2.10.1.6, is UTC). New York in summer is UTC-4: an instance
    // moved to 2024-07-10 14:00-15:30 local is 18:00-19:30 UTC; the properties hold 14:00 and 15:30.
    String text = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Example//Hand written//EN
        BEGIN:VEVENT
        UID:weekly-ny@example.com
        DTSTAMP:20240601T080000Z
        DTSTART;TZID=America/New_York:20240702T090000
        DTEND;TZID=America/New_York:20240702T100000
        RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU
        SUMMARY:Sync
        END:VEVENT
        BEGIN:VEVENT
        UID:weekly-ny@example.com
        DTSTAMP:20240601T080000Z
        RECURRENCE-ID;TZID=America/New_York:20240709T090000
        DTSTART;TZID=America/New_York:20240710T140000
        DTEND;TZID=America/New_York:20240710T153000
        SUMMARY:Sync (moved)
        END:VEVENT
        END:VCALENDAR
        """.replace("\n", "\r\n");
    ItemContent item = converter.fromICalendar(text, ids).value().get(0);
    Bag props = Bag.of(item.attachments().get(0).properties(), ids);
    assertThat(props.time(EXCEPTION_REPLACE_TIME)).isEqualTo(Instant.parse("2024-07-09T13:00:00Z"));
    assertThat(props.time(EXCEPTION_START_TIME)).isEqualTo(Instant.parse("2024-07-10T14:00:00Z"));
    assertThat(props.time(EXCEPTION_END_TIME)).isEqualTo(Instant.parse("2024-07-10T15:30:00Z"));
    Bag message = Bag.of(item.attachments().get(0).embedded().properties(), ids);
    assertThat(message.time(NamedProps.APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2024-07-10T18:00:00Z"));
    assertThat(message.time(LID_EXCEPTION_REPLACE_TIME)).isEqualTo(Instant.parse("2024-07-09T13:00:00Z"));
  }

  @Test
  void anImportedOverrideBecomesAnExceptionAttachment() throws Exception {
    String text = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Example//Hand written//EN
        BEGIN:VEVENT
        UID:weekly-42@example.com
        DTSTAMP:20240301T080000Z
        DTSTART;TZID=Europe/Berlin:20240305T090000
        DTEND;TZID=Europe/Berlin:20240305T100000
        RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU
        SUMMARY:Sync
        ORGANIZER;CN=Olga:mailto:olga@example.com
        ATTENDEE;CN=Ann;PARTSTAT=ACCEPTED:mailto:ann@example.com
        END:VEVENT
        BEGIN:VEVENT
        UID:weekly-42@example.com
        DTSTAMP:20240301T080000Z
        RECURRENCE-ID;TZID=Europe/Berlin:20240312T090000
        DTSTART;TZID=Europe/Berlin:20240312T140000
        DTEND;TZID=Europe/Berlin:20240312T150000
        SUMMARY:Sync with the auditors
        LOCATION:Board room
        DESCRIPTION:Auditors join this once.
        ORGANIZER;CN=Olga:mailto:olga@example.com
        ATTENDEE;CN=Ann;PARTSTAT=ACCEPTED:mailto:ann@example.com
        ATTENDEE;CN=Auditor;PARTSTAT=NEEDS-ACTION:mailto:audit@example.net
        END:VEVENT
        END:VCALENDAR
        """.replace("\n", "\r\n");
    ItemContent item = converter.fromICalendar(text, ids).value().get(0);
    assertThat(item.attachments()).hasSize(1);
    AttachmentContent a = item.attachments().get(0);
    Bag props = Bag.of(a.properties(), ids);
    Instant replace = Instant.parse("2024-03-12T08:00:00Z");
    assertThat(props.integer(ATTACH_METHOD)).isEqualTo(5);
    assertThat(props.bool(ATTACHMENT_HIDDEN)).isTrue();
    assertThat(props.integer(ATTACHMENT_FLAGS)).isEqualTo(2);
    assertThat(props.time(EXCEPTION_REPLACE_TIME)).isEqualTo(replace);
    assertThat(props.time(EXCEPTION_START_TIME)).isEqualTo(Instant.parse("2024-03-12T14:00:00Z"));
    Bag message = Bag.of(a.embedded().properties(), ids);
    assertThat(message.string(TaggedProps.MESSAGE_CLASS)).isEqualTo(EXCEPTION_CLASS);
    assertThat(message.time(LID_EXCEPTION_REPLACE_TIME)).isEqualTo(replace);
    assertThat(message.string(TaggedProps.SUBJECT)).isEqualTo("Sync with the auditors");
    assertThat(message.string(NamedProps.LOCATION)).isEqualTo("Board room");
    assertThat(message.string(TaggedProps.BODY)).isEqualTo("Auditors join this once.");
    assertThat(message.time(NamedProps.APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2024-03-12T13:00:00Z"));
    assertThat(message.get(NamedProps.GLOBAL_OBJECT_ID)).isEmpty();
    assertThat(a.embedded().recipients()).extracting(row -> row.get(PropTag.of(0x39FE001F)).asString())
        .containsExactly("olga@example.com", "ann@example.com", "audit@example.net");
    // the blob knows the moved instance too
    assertThat(Bag.of(item.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR)).isNotNull();
  }

  private static final String WEEKLY = """
      BEGIN:VCALENDAR
      VERSION:2.0
      PRODID:-//Example//Hand written//EN
      BEGIN:VEVENT
      UID:weekly-43@example.com
      DTSTART:20240305T080000Z
      DTEND:20240305T093000Z
      RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU
      SUMMARY:Sync
      END:VEVENT
      %sEND:VCALENDAR
      """;

  @Test
  void anOverrideWithoutTimesTakesTheOriginalStartAndTheMastersLength() throws Exception {
    String text = WEEKLY.formatted("BEGIN:VEVENT\nUID:weekly-43@example.com\nRECURRENCE-ID:20240312T080000Z\n"
        + "SUMMARY:Sync (agenda changed)\nEND:VEVENT\n").replace("\n", "\r\n");
    ItemContent item = converter.fromICalendar(text, ids).value().get(0);
    assertThat(item.attachments()).hasSize(1);
    Bag message = Bag.of(item.attachments().get(0).embedded().properties(), ids);
    assertThat(message.time(NamedProps.APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2024-03-12T08:00:00Z"));
    assertThat(message.time(NamedProps.APPOINTMENT_END_WHOLE)).isEqualTo(Instant.parse("2024-03-12T09:30:00Z"));
    assertThat(message.string(TaggedProps.SUBJECT)).isEqualTo("Sync (agenda changed)");
  }

  @Test
  void overridesShareTheConversionsBudgetOfNewNamedProperties() {
    StringBuilder overrides = new StringBuilder();
    int perOverride = Bag.MAX_NEW_NAMES / 4 + 1;
    for (int week = 0; week < 5; week++) {
      String day = LocalDate.of(2024, 3, 12).plusWeeks(week).toString().replace("-", "");
      overrides.append("BEGIN:VEVENT\nUID:weekly-43@example.com\nRECURRENCE-ID:").append(day)
          .append("T080000Z\nSUMMARY:x\n");
      for (int i = 0; i < perOverride; i++) {
        overrides.append("X-FLOOD-").append(week).append('-').append(i).append(":x\n");
      }
      overrides.append("END:VEVENT\n");
    }
    String text = WEEKLY.formatted(overrides).replace("\n", "\r\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> converter.fromICalendar(text, new InMemoryNamedPropertyIds()))
        .isInstanceOfSatisfying(io.convene.api.convert.ConversionException.class,
            e -> assertThat(e.error()).isEqualTo(io.convene.api.convert.ConversionError.TOO_LARGE));
  }
}

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
import static io.convene.convert.props.NamedProps.REMINDER_DELTA;
import static io.convene.convert.props.NamedProps.REMINDER_SET;
import static io.convene.convert.props.TaggedProps.BODY;
import static io.convene.convert.props.TaggedProps.DISPLAY_NAME;
import static io.convene.convert.props.TaggedProps.IMPORTANCE;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;
import static io.convene.convert.props.TaggedProps.RECIPIENT_TRACK_STATUS;
import static io.convene.convert.props.TaggedProps.RECIPIENT_TYPE;
import static io.convene.convert.props.TaggedProps.SENSITIVITY;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_NAME;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS;
import static io.convene.convert.props.TaggedProps.SMTP_ADDRESS;
import static io.convene.convert.props.TaggedProps.SUBJECT;
import static io.convene.convert.testing.Items.get;
import static io.convene.convert.testing.Items.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.testing.Items;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * iCalendar as Outlook/Exchange, Google Calendar, Apple Calendar and Thunderbird write it (the
 * samples follow each producer's conventions) imports with every mapped field, and exports back
 * to an object that imports to the same fields.
 */
class ProducerSamplesTest {

  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
  private final VEventConverter converter = new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE,
      TimeZoneSupport.IANA_ONLY, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  private List<ItemContent> load(String name) throws Exception {
    ConversionResult<List<ItemContent>> result = converter.fromICalendar(Items.resource(getClass(), "producers/" + name), ids);
    return result.value();
  }

  @Test
  void outlookMeetingRequest() throws Exception {
    ItemContent item = load("outlook-request.ics").get(0);
    assertThat(get(item, ids, MESSAGE_CLASS)).isEqualTo("IPM.Schedule.Meeting.Request");
    assertThat(get(item, ids, SUBJECT)).isEqualTo("Quarterly planning");
    assertThat(get(item, ids, BODY)).isEqualTo("Agenda:\r\n1. Budget\r\n2. Roadmap, Q3\r\n");
    // W. Europe Standard Time from the object's own VTIMEZONE: 14:00 CET is 13:00 UTC.
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
    assertThat(get(item, ids, APPOINTMENT_END_WHOLE)).isEqualTo(Instant.parse("2026-03-10T14:30:00Z"));
    assertThat(get(item, ids, APPOINTMENT_SUB_TYPE)).isEqualTo(false);
    assertThat(get(item, ids, LOCATION)).isEqualTo("Room 1.21");
    assertThat(get(item, ids, BUSY_STATUS)).isEqualTo(1);
    assertThat(get(item, ids, INTENDED_BUSY_STATUS)).isEqualTo(2);
    assertThat(get(item, ids, IMPORTANCE)).isEqualTo(1);
    assertThat(get(item, ids, SENSITIVITY)).isEqualTo(0);
    assertThat(get(item, ids, APPOINTMENT_SEQUENCE)).isEqualTo(2);
    assertThat(get(item, ids, APPOINTMENT_STATE_FLAGS)).isEqualTo(Appointment.ASF_MEETING | Appointment.ASF_RECEIVED);
    assertThat(get(item, ids, REMINDER_SET)).isEqualTo(true);
    assertThat(get(item, ids, REMINDER_DELTA)).isEqualTo(15);
    assertThat(get(item, ids, KEYWORDS)).isEqualTo(List.of("Planning", "Finance"));
    assertThat(get(item, ids, SENT_REPRESENTING_NAME)).isEqualTo("Anna Schmidt");
    assertThat(get(item, ids, SENT_REPRESENTING_SMTP_ADDRESS)).isEqualTo("anna@example.com");
    // The UID is Outlook's hex GOID: the blob itself, instance date zero.
    assertThat(HexFormat.of().withUpperCase().formatHex((byte[]) get(item, ids, GLOBAL_OBJECT_ID)))
        .isEqualTo("040000008200E00074C5B7101A82E00800000000E040C9C12685C4010000000000000000100000000BF0ED4B6E4EE94E9E39E3867B378EF3");
    assertThat((byte[]) get(item, ids, CLEAN_GLOBAL_OBJECT_ID)).isEqualTo(get(item, ids, GLOBAL_OBJECT_ID));
    // Organizer row first, then the three attendees with their types.
    assertThat(item.recipients()).hasSize(4);
    assertThat(row(item.recipients().get(1), DISPLAY_NAME)).isEqualTo("Bob Jones");
    assertThat(row(item.recipients().get(1), RECIPIENT_TYPE)).isEqualTo(Attendee.TYPE_REQUIRED);
    assertThat(row(item.recipients().get(2), DISPLAY_NAME)).isEqualTo("Chloé Martin");
    assertThat(row(item.recipients().get(2), RECIPIENT_TYPE)).isEqualTo(Attendee.TYPE_OPTIONAL);
    assertThat(row(item.recipients().get(3), RECIPIENT_TYPE)).isEqualTo(Attendee.TYPE_RESOURCE);
    assertThat(row(item.recipients().get(3), SMTP_ADDRESS)).isEqualTo("room121@example.com");
    assertSameAfterRoundTrip(item);
  }

  @Test
  void outlookOnlyPropertiesAreKeptAndWrittenBack() throws Exception {
    ItemContent item = load("outlook-request.ics").get(0);
    String exported = converter.toICalendar(item, ids).value();
    assertThat(exported).contains("X-MICROSOFT-CDO-OWNERAPPTID:2117526544", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "STATUS:CONFIRMED", "METHOD:REQUEST");
  }

  @Test
  void googleInvitation() throws Exception {
    ItemContent item = load("google-request.ics").get(0);
    assertThat(get(item, ids, MESSAGE_CLASS)).isEqualTo("IPM.Schedule.Meeting.Request");
    assertThat(get(item, ids, SUBJECT)).isEqualTo("Design review");
    assertThat((String) get(item, ids, BODY)).startsWith("Join with Google Meet: https://meet.google.com/abc-defg-hij\r\n\r\nLearn more");
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2026-04-15T09:00:00Z"));
    assertThat(get(item, ids, BUSY_STATUS)).isEqualTo(2);
    // Google writes TRIGGER as -P0DT0H10M0S.
    assertThat(get(item, ids, REMINDER_DELTA)).isEqualTo(10);
    assertThat(get(item, ids, io.convene.convert.props.NamedProps.INTERNET_UID)).isNull();
    Appointment appointment = new Appointment(io.convene.convert.props.Bag.of(item.properties(), ids), item.recipients());
    assertThat(appointment.uid()).isEqualTo("6k1p2o3q4r5s6t7u8v9w0x@google.com");
    List<Attendee> attendees = appointment.attendees();
    assertThat(attendees).extracting(Attendee::email).containsExactly("dana@gmail.example", "eve@example.org");
    assertThat(attendees).extracting(Attendee::trackStatus).containsExactly(Attendee.TRACK_ACCEPTED, Attendee.TRACK_NONE);
    assertThat(converter.toICalendar(item, ids).value()).contains("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij");
    assertSameAfterRoundTrip(item);
  }

  @Test
  void appleEventsTimedAndAllDay() throws Exception {
    List<ItemContent> items = load("apple-calendar.ics");
    assertThat(items).hasSize(2);
    ItemContent lunch = items.get(0);
    assertThat(get(lunch, ids, SUBJECT)).isEqualTo("Déjeuner avec Zoë");
    assertThat(get(lunch, ids, LOCATION)).isEqualTo("Café de Flore\n172 Bd Saint-Germain, Paris");
    assertThat(get(lunch, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2026-05-02T08:00:00Z"));
    assertThat(get(lunch, ids, APPOINTMENT_END_WHOLE)).isEqualTo(Instant.parse("2026-05-02T09:30:00Z"));
    assertThat(get(lunch, ids, MESSAGE_CLASS)).isEqualTo("IPM.Appointment");
    assertThat(get(lunch, ids, APPOINTMENT_STATE_FLAGS)).isEqualTo(0);
    assertThat(get(lunch, ids, REMINDER_DELTA)).isEqualTo(30);
    assertThat(converter.toICalendar(lunch, ids).value()).contains("X-APPLE-STRUCTURED-LOCATION", "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC");
    assertSameAfterRoundTrip(lunch);

    ItemContent holiday = items.get(1);
    assertThat(get(holiday, ids, APPOINTMENT_SUB_TYPE)).isEqualTo(true);
    assertThat(get(holiday, ids, BUSY_STATUS)).isEqualTo(0);
    assertThat(get(holiday, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2026-05-10T00:00:00Z"));
    assertThat(get(holiday, ids, APPOINTMENT_END_WHOLE)).isEqualTo(Instant.parse("2026-05-11T00:00:00Z"));
    assertThat(converter.toICalendar(holiday, ids).value()).contains("DTSTART;VALUE=DATE:20260510", "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE");
    assertSameAfterRoundTrip(holiday);
  }

  @Test
  void thunderbirdEvent() throws Exception {
    ItemContent item = load("thunderbird-event.ics").get(0);
    assertThat(get(item, ids, SUBJECT)).isEqualTo("Zahnarzt – Kontrolle");
    assertThat(get(item, ids, SENSITIVITY)).isEqualTo(2);
    // STATUS:TENTATIVE without Outlook's busy status reads as tentative.
    assertThat(get(item, ids, BUSY_STATUS)).isEqualTo(1);
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("2026-03-03T07:30:00Z"));
    assertThat(get(item, ids, KEYWORDS)).isEqualTo(List.of("Persönlich"));
    assertThat(get(item, ids, REMINDER_DELTA)).isEqualTo(60);
    assertThat(converter.toICalendar(item, ids).value()).contains("X-MOZ-GENERATION:2");
    assertSameAfterRoundTrip(item);
  }

  /** Export, import again: the same properties and recipient rows. */
  private void assertSameAfterRoundTrip(ItemContent item) throws Exception {
    String text = converter.toICalendar(item, ids).value();
    List<ItemContent> again = converter.fromICalendar(text, ids).value();
    assertThat(again).hasSize(1);
    assertThat(again.get(0).properties()).as(text).isEqualTo(item.properties());
    assertThat(again.get(0).recipients()).isEqualTo(item.recipients());
  }
}

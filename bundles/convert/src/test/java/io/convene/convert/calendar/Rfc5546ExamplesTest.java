package io.convene.convert.calendar;

import static io.convene.convert.props.NamedProps.APPOINTMENT_COUNTER_PROPOSAL;
import static io.convene.convert.props.NamedProps.APPOINTMENT_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_PROPOSED_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_PROPOSED_START_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_SEQUENCE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_START_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_STATE_FLAGS;
import static io.convene.convert.props.NamedProps.ATTENDEE_CRITICAL_CHANGE;
import static io.convene.convert.props.NamedProps.OWNER_CRITICAL_CHANGE;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;
import static io.convene.convert.props.TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS;
import static io.convene.convert.props.TaggedProps.SMTP_ADDRESS;
import static io.convene.convert.testing.Items.get;
import static io.convene.convert.testing.Items.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalLimits;
import io.convene.convert.ical.ICalParser;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.testing.Items;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iTIP examples of RFC 5546 section 4 (copied into {@code spec/rfc5546}) and COUNTER. */
class Rfc5546ExamplesTest {

  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
  private final VEventConverter converter = new VEventConverter(
      CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, Clock.systemUTC());

  private ItemContent only(String name) throws Exception {
    List<ItemContent> items = converter.fromICalendar(Items.resource(getClass(), "/spec/rfc5546/" + name), ids).value();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private List<Attendee> attendees(ItemContent item) throws Exception {
    return new Appointment(Bag.of(item.properties(), ids), item.recipients()).attendees();
  }

  @Test
  void groupRequest() throws Exception {
    ItemContent item = only("4.2.1-group-request.ics");
    assertThat(get(item, ids, MESSAGE_CLASS)).isEqualTo(MeetingMethod.REQUEST_CLASS);
    assertThat(get(item, ids, APPOINTMENT_STATE_FLAGS)).isEqualTo(Appointment.ASF_MEETING | Appointment.ASF_RECEIVED);
    assertThat(get(item, ids, OWNER_CRITICAL_CHANGE)).isEqualTo(Instant.parse("1997-06-11T19:00:00Z"));
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("1997-07-01T20:00:00Z"));
    List<Attendee> attendees = attendees(item);
    assertThat(attendees).extracting(Attendee::email).containsExactly(
        "a@example.com", "b@example.com", "c@example.com", "d@example.com", "conf_big@example.com", "e@example.com");
    assertThat(attendees.get(0).trackStatus()).isEqualTo(Attendee.TRACK_ACCEPTED);
    assertThat(attendees.get(3).displayName()).isEqualTo("Hal");
    assertThat(attendees.get(4).recipientType()).isEqualTo(Attendee.TYPE_RESOURCE);
    assertThat(attendees.get(5).recipientType()).isEqualTo(Attendee.TYPE_OPTIONAL);
    assertThat(get(item, ids, VEventConverter.RESPONSE_REQUESTED)).isEqualTo(true);
    String request = converter.toICalendar(item, ids).value();
    assertThat(request).contains("METHOD:REQUEST", "ORGANIZER:mailto:a@example.com", "UID:calsrv.example.com-873970198738777@example.com");
  }

  @Test
  void replyBecomesAPositiveResponseFromTheAttendee() throws Exception {
    ItemContent item = only("4.2.2-group-reply.ics");
    assertThat(get(item, ids, MESSAGE_CLASS)).isEqualTo(MeetingMethod.RESP_POS);
    assertThat(get(item, ids, SENT_REPRESENTING_SMTP_ADDRESS)).isEqualTo("b@example.com");
    assertThat(row(item.recipients().get(0), SMTP_ADDRESS)).isEqualTo("a@example.com");
    assertThat(get(item, ids, ATTENDEE_CRITICAL_CHANGE)).isEqualTo(Instant.parse("1997-06-12T19:00:00Z"));
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isNull();
    // Written back, the response is again a REPLY from b to a, accepted.
    ICalComponent reply = parse(converter.toICalendar(item, ids).value());
    assertThat(reply.property("METHOD").value()).isEqualTo("REPLY");
    ICalComponent event = reply.components("VEVENT").get(0);
    assertThat(event.property("ORGANIZER").value()).isEqualTo("mailto:a@example.com");
    assertThat(event.property("ATTENDEE").value()).isEqualTo("mailto:b@example.com");
    assertThat(event.property("ATTENDEE").param("PARTSTAT")).isEqualTo("ACCEPTED");
    assertThat(event.property("REQUEST-STATUS").value()).isEqualTo("2.0;Success");
  }

  @Test
  void declineAndTentativeResponsesBecomeTheirMessageClasses() throws Exception {
    String reply = Items.resource(getClass(), "/spec/rfc5546/4.2.2-group-reply.ics");
    assertThat(get(converter.fromICalendar(reply.replace("PARTSTAT=ACCEPTED", "PARTSTAT=DECLINED"), ids).value().get(0), ids, MESSAGE_CLASS))
        .isEqualTo(MeetingMethod.RESP_NEG);
    assertThat(get(converter.fromICalendar(reply.replace("PARTSTAT=ACCEPTED", "PARTSTAT=TENTATIVE"), ids).value().get(0), ids, MESSAGE_CLASS))
        .isEqualTo(MeetingMethod.RESP_TENT);
  }

  @Test
  void recurringRequestInItsOwnTimeZoneKeepsTheRuleVerbatim() throws Exception {
    ItemContent item = only("4.4.1-recurring-request.ics");
    // 14:00 in America-SanJose's VTIMEZONE (PDT, UTC-7) in July.
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("1997-07-01T21:00:00Z"));
    assertThat(get(item, ids, APPOINTMENT_END_WHOLE)).isEqualTo(Instant.parse("1997-07-01T22:00:00Z"));
    String written = converter.toICalendar(item, ids).value();
    // No recurrence support wired: RRULE, RDATE and EXDATE travel as they came.
    assertThat(written).contains("RRULE:FREQ=WEEKLY;COUNT=20;WKST=SU;BYDAY=TU",
        "EXDATE;TZID=America-SanJose:19971028T140000", "RDATE;TZID=America-SanJose:19970910T140000");
  }

  @Test
  void overrideWithoutItsSeriesIsAnItemOfItsOwn() throws Exception {
    ItemContent item = only("4.4.2-moved-instance.ics");
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("1997-07-03T21:00:00Z"));
    assertThat(get(item, ids, APPOINTMENT_SEQUENCE)).isEqualTo(1);
    assertThat(converter.toICalendar(item, ids).value()).contains("RECURRENCE-ID:19970701T210000Z");
  }

  @Test
  void cancellations() throws Exception {
    for (String name : List.of("4.4.3-cancel-instance.ics", "4.4.4-cancel-series.ics")) {
      ItemContent item = only(name);
      assertThat(get(item, ids, MESSAGE_CLASS)).isEqualTo(MeetingMethod.CANCELED);
      assertThat((Integer) get(item, ids, APPOINTMENT_STATE_FLAGS) & Appointment.ASF_CANCELED).isNotZero();
      String written = converter.toICalendar(item, ids).value();
      assertThat(written).contains("METHOD:CANCEL", "STATUS:CANCELLED", "UID:guid-1@example.com");
    }
  }

  @Test
  void seriesAndItsOverrideTravelTogether() throws Exception {
    String master = Items.resource(getClass(), "/spec/rfc5546/4.4.1-recurring-request.ics");
    String override = Items.resource(getClass(), "/spec/rfc5546/4.4.2-moved-instance.ics")
        .replace("guid-1@example.com", "calsrv.example.com-873970198738777@example.com");
    String overrideEvent = override.substring(override.indexOf("BEGIN:VEVENT"), override.indexOf("END:VCALENDAR"));
    String both = master.replace("END:VCALENDAR", overrideEvent + "END:VCALENDAR");
    List<ItemContent> items = converter.fromICalendar(both, ids).value();
    assertThat(items).hasSize(1);
    ICalComponent written = parse(converter.toICalendar(items.get(0), ids).value());
    assertThat(written.components("VEVENT")).hasSize(2);
    assertThat(written.components("VEVENT").get(1).property("RECURRENCE-ID").value()).isEqualTo("19970701T210000Z");
  }

  @Test
  void counterProposalFromOutlook() throws Exception {
    String counter = String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
        "METHOD:COUNTER", "BEGIN:VEVENT", "ORGANIZER:mailto:a@example.com",
        "ATTENDEE;PARTSTAT=TENTATIVE:mailto:b@example.com", "UID:calsrv.example.com-873970198738777@example.com",
        "SEQUENCE:0", "DTSTAMP:19970612T190000Z", "DTSTART:19970701T160000Z", "DTEND:19970701T170000Z",
        "X-MS-OLK-ORIGINALSTART:19970701T200000Z", "X-MS-OLK-ORIGINALEND:19970701T210000Z", "SUMMARY:Conference",
        "END:VEVENT", "END:VCALENDAR", "");
    ItemContent item = converter.fromICalendar(counter, ids).value().get(0);
    assertThat(get(item, ids, MESSAGE_CLASS)).isEqualTo(MeetingMethod.RESP_TENT);
    assertThat(get(item, ids, APPOINTMENT_COUNTER_PROPOSAL)).isEqualTo(true);
    assertThat(get(item, ids, APPOINTMENT_PROPOSED_START_WHOLE)).isEqualTo(Instant.parse("1997-07-01T16:00:00Z"));
    assertThat(get(item, ids, APPOINTMENT_PROPOSED_END_WHOLE)).isEqualTo(Instant.parse("1997-07-01T17:00:00Z"));
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("1997-07-01T20:00:00Z"));
    ICalComponent written = parse(converter.toICalendar(item, ids).value());
    assertThat(written.property("METHOD").value()).isEqualTo("COUNTER");
    ICalComponent event = written.components("VEVENT").get(0);
    assertThat(event.property("DTSTART").value()).isEqualTo("19970701T160000Z");
    assertThat(event.property("X-MS-OLK-ORIGINALSTART").value()).isEqualTo("19970701T200000Z");
    assertThat(event.property("ATTENDEE").value()).isEqualTo("mailto:b@example.com");
  }

  private static ICalComponent parse(String text) throws Exception {
    return new ICalParser(ICalLimits.DEFAULT).parse(text);
  }
}

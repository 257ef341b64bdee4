package io.convene.convert.calendar;

import static io.convene.convert.props.NamedProps.APPOINTMENT_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_START_WHOLE;
import static io.convene.convert.props.NamedProps.KEYWORDS;
import static io.convene.convert.props.NamedProps.LOCATION;
import static io.convene.convert.props.NamedProps.TIME_ZONE_DESCRIPTION;
import static io.convene.convert.props.TaggedProps.BODY;
import static io.convene.convert.props.TaggedProps.CREATION_TIME;
import static io.convene.convert.props.TaggedProps.SENSITIVITY;
import static io.convene.convert.props.TaggedProps.SUBJECT;
import static io.convene.convert.testing.Items.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ItemContent;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.testing.Items;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCalendar objects of RFC 5545 section 4, copied into {@code spec/rfc5545}. */
class Rfc5545ExamplesTest {

  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
  private final VEventConverter converter = new VEventConverter(
      CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, Clock.systemUTC());

  @Test
  void groupScheduledMeetingInNewYork() throws Exception {
    List<ItemContent> items = converter.fromICalendar(Items.resource(getClass(), "/spec/rfc5545/4-group-meeting.ics"), ids).value();
    assertThat(items).hasSize(1);
    ItemContent item = items.get(0);
    assertThat(get(item, ids, SUBJECT)).isEqualTo("XYZ Project Review");
    assertThat(get(item, ids, BODY)).isEqualTo("Project XYZ Review Meeting");
    assertThat(get(item, ids, LOCATION)).isEqualTo("1CP Conference Room 4350");
    assertThat(get(item, ids, KEYWORDS)).isEqualTo(List.of("MEETING"));
    assertThat(get(item, ids, SENSITIVITY)).isEqualTo(0);
    assertThat(get(item, ids, CREATION_TIME)).isEqualTo(Instant.parse("1998-03-09T13:00:00Z"));
    // 08:30 EST (UTC-5) on 1998-03-12.
    assertThat(get(item, ids, APPOINTMENT_START_WHOLE)).isEqualTo(Instant.parse("1998-03-12T13:30:00Z"));
    assertThat(get(item, ids, APPOINTMENT_END_WHOLE)).isEqualTo(Instant.parse("1998-03-12T14:30:00Z"));
    assertThat(get(item, ids, TIME_ZONE_DESCRIPTION)).isEqualTo("America/New_York");
    List<Attendee> attendees = new Appointment(io.convene.convert.props.Bag.of(item.properties(), ids), item.recipients()).attendees();
    assertThat(attendees).extracting(Attendee::email).containsExactly("employee-A@example.com");
  }

  @Test
  void unknownMethodIsUnsupported() {
    assertThatThrownBy(() -> converter.fromICalendar(Items.resource(getClass(), "/spec/rfc5545/4-method-xyz.ics"), ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.UNSUPPORTED));
  }

  @Test
  void sameObjectWithoutMethodKeepsItsAttachment() throws Exception {
    String text = Items.resource(getClass(), "/spec/rfc5545/4-method-xyz.ics").replace("METHOD:xyz\n", "");
    ItemContent item = converter.fromICalendar(text, ids).value().get(0);
    assertThat(get(item, ids, BODY)).isEqualTo("Discuss how we can test c&s interoperability\r\nusing iCalendar and other IETF standards.");
    assertThat(get(item, ids, KEYWORDS)).isEqualTo(List.of("MEETING", "PROJECT"));
    assertThat(converter.toICalendar(item, ids).value()).contains("ATTACH;FMTTYPE=application/postscript:ftp://example.com/pub/");
  }
}

package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ItemContent;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.recurrence.OccurrenceExpander;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules written to make a reader walk for ever: a VTIMEZONE observance recurring every second, an
 * RRULE with a hundred million instances or none at all. Each converts (to a bounded result, the
 * unmappable rule kept as text) or fails with a ConversionException, within a time bound; nothing
 * on the import path expands a rule or computes a VTIMEZONE's transitions (as ical4j's
 * CalendarBuilder would).
 */
class HostileSeriesInputTest {

  private static final Duration BOUND = Duration.ofSeconds(3);

  private final VEventConverter converter = Appointments.converter();

  private static String calendar(String tzid, String observanceRule, String eventRule) {
    return String.join("\r\n",
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//hostile//EN",
        "BEGIN:VTIMEZONE", "TZID:" + tzid,
        "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", observanceRule,
        "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:16010101T000001", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", observanceRule,
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT", "UID:hostile@example.com", "DTSTAMP:20260101T000000Z",
        "DTSTART;TZID=" + tzid + ":20260105T090000", "DTEND;TZID=" + tzid + ":20260105T100000", eventRule,
        "SUMMARY:hostile", "END:VEVENT", "END:VCALENDAR", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // a made-up TZID: the object's own VTIMEZONE is all there is
    "Hostile Zone|RRULE:FREQ=SECONDLY|RRULE:FREQ=SECONDLY",
    "Hostile Zone|RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU|RRULE:FREQ=MINUTELY;COUNT=100000000",
    // a TZID the zone support knows, with a hostile VTIMEZONE beside it
    "W. Europe Standard Time|RRULE:FREQ=SECONDLY;INTERVAL=1|RRULE:FREQ=DAILY;COUNT=100000000",
    "Europe/Berlin|RRULE:FREQ=SECONDLY;BYSECOND=0,1,2,3,4,5,6,7,8,9|RRULE:FREQ=DAILY;UNTIL=99991231T000000Z",
    "Europe/Berlin|RRULE:FREQ=YEARLY|RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU",
    "Europe/Berlin|RRULE:FREQ=YEARLY|RRULE:FREQ=YEARLY;BYYEARDAY=1,2,3,4,5,6,7,8,9,10;COUNT=99999999",
  })
  void endsQuicklyWithABoundedResultOrAConversionException(String spec) throws Exception {
    String[] parts = spec.split("\\|");
    String text = calendar(parts[0], parts[1], parts[2]);
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    long t0 = System.nanoTime();
    try {
      List<ItemContent> items = converter.fromICalendar(text, ids).value();
      assertThat(items).hasSize(1);
      byte[] blob = Bag.of(items.get(0).properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR);
      if (blob != null) {
        // a mapped rule expands within the expander's limits
        new OccurrenceExpander().expand(new RecurrenceBlobCodec().decodeAppointment(blob), ZoneId.of("Europe/Berlin"),
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
      } else {
        // an unmapped rule is kept as text, and written back as it came
        assertThat(converter.toICalendar(items.get(0), ids).value()).contains(parts[2]);
      }
    } catch (ConversionException acceptable) {
      assertThat(acceptable.getMessage()).isNotBlank();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(BOUND);
  }

  /**
   * RRULE text ical4j cannot read raises assorted unchecked exceptions inside ical4j ({@code
   * BYDAY=T}: a StringIndexOutOfBoundsException, found by {@code ICalendarImportFuzzTest#importSeries},
   * seed {@code rrule-byday-one-letter}); the rule is kept as text and written back as it came.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "RRULE:FREQ=WEEKLY;BYDAY=T",
    "RRULE:FREQ=WEEKLY;UNTIL=20260630T070000Z;INTERVAL=1;BYDAY=T;;WKST=MO",
    "RRULE:FREQ=WEEKLY;BYDAY=",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=x",
  })
  void unreadableRuleTextStaysText(String rule) throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    List<ItemContent> items = converter.fromICalendar(calendar("Europe/Berlin", "RRULE:FREQ=YEARLY", rule), ids).value();

    assertThat(items).hasSize(1);
    assertThat(Bag.of(items.get(0).properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR)).isNull();
    assertThat(converter.toICalendar(items.get(0), ids).value()).contains(rule);
  }
}

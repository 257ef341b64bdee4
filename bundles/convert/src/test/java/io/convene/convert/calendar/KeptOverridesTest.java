package io.convene.convert.calendar;

import static io.convene.convert.props.TaggedProps.SUBJECT;
import static io.convene.convert.testing.Items.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.bridge.Appointments;
import io.convene.convert.bridge.SeriesSupport;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalParser;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.recurrence.RecurrenceLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overrides (RECURRENCE-ID VEVENTs) that no recurrence support maps travel as kept text; on export
 * they must name the UID the master is written with, or re-importing our own output splits them
 * off as items of their own (found by {@code ICalendarImportFuzzTest#importEvents}, seed {@code
 * uidless-override-bad-dtend}).
 */
class KeptOverridesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** Neither VEVENT has a UID, and the override's DTEND is not a date-time. */
  private static final String UIDLESS_OVERRIDE_WITH_BAD_DTEND = String.join("\r\n",
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Example//Test//EN",
      "BEGIN:VEVENT",
      "DTSTAMP:20260901T080000Z",
      "DTSTART:20261014T083000Z",
      "DTEND:20261014T090000Z",
      "RRULE:FREQ=WEEKLY;COUNT=4",
      "SUMMARY:Stand-up",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "RECURRENCE-ID:20261021T083000Z",
      "DTSTART:20261021T100000Z",
      "DTEND;TZID=Europe/Berlin:20261020260901T120000Z",
      "SUMMARY:Stand-up (moved)",
      "END:VEVENT",
      "END:VCALENDAR",
      "");

  @Test
  void uidlessOverrideWithMalformedDtendSurvivesExportAndReimportWithoutRecurrenceSupport() throws Exception {
    roundTrip(new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, CLOCK));
  }

  @Test
  void uidlessOverrideWithMalformedDtendSurvivesExportAndReimportWithSeriesSupport() throws Exception {
    roundTrip(new VEventConverter(CalendarLimits.DEFAULT,
        new SeriesSupport(Appointments.ZONES, RecurrenceLimits.DEFAULT), Appointments.ZONES, CLOCK));
  }

  @Test
  void keptVeventWithoutRecurrenceIdIsNotWrittenAsASecondMaster() throws Exception {
    VEventConverter converter =
        new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, CLOCK);
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent item = converter.fromICalendar(UIDLESS_OVERRIDE_WITH_BAD_DTEND, ids).value().get(0);
    // A MAPI client rewrote the kept override text into a VEVENT that is no override at all.
    Bag bag = Bag.of(item.properties(), ids);
    bag.put(PropValue.of(
        new PropTag(bag.idOf(NamedProperty.ofName(
            NamedProps.PSETID_CONVENE_INTERNET, "VCALENDAR/VEVENT"), true),
            PropType.PT_MV_UNICODE),
        List.of("BEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VEVENT\r\n")));
    ItemContent edited = new ItemContent(bag.view(), item.recipients(), item.attachments());

    ConversionResult<String> exported = converter.toICalendar(edited, ids);

    assertThat(new ICalParser(CalendarLimits.DEFAULT.input()).parse(exported.value()).components("VEVENT")).hasSize(1);
    assertThat(exported.warnings()).anyMatch(w -> w.contains("RECURRENCE-ID"));
    assertThat(converter.fromICalendar(exported.value(), ids).value()).hasSize(1);
  }

  private static void roundTrip(VEventConverter converter) throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    List<ItemContent> items = converter.fromICalendar(UIDLESS_OVERRIDE_WITH_BAD_DTEND, ids).value();
    assertThat(items).hasSize(1);

    String exported = converter.toICalendar(items.get(0), ids).value();

    List<ICalComponent> events = new ICalParser(CalendarLimits.DEFAULT.input()).parse(exported).components("VEVENT");
    assertThat(events).hasSize(2);
    ICalProperty masterUid = events.get(0).property("UID");
    assertThat(masterUid).isNotNull();
    ICalProperty overrideUid = events.get(1).property("UID");
    assertThat(overrideUid).isNotNull();
    assertThat(overrideUid.text()).isEqualTo(masterUid.text());
    assertThat(events.get(1).property("DTEND").value()).isEqualTo("20261020260901T120000Z");

    List<ItemContent> again = converter.fromICalendar(exported, ids).value();
    assertThat(again).hasSize(1);
    assertThat(get(again.get(0), ids, SUBJECT)).isEqualTo("Stand-up");
  }
}

package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalLimits;
import io.convene.convert.ical.ICalParser;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.TaggedProps;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.EndType;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.Occurrence;
import io.convene.convert.recurrence.OccurrenceExpander;
import io.convene.convert.recurrence.PatternType;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import io.convene.convert.testing.Items;
import io.convene.convert.timezone.TimeZoneBlobCodec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recurring series as Outlook/Exchange (Windows TZID with its VTIMEZONE, an override changing
 * time, subject, location and busy status), Google (IANA TZID, COUNT, EXDATE list, an override
 * that copies every field) and Apple (monthly last Friday, an override without the master's
 * alarm) write them import to PidLidAppointmentRecur whose expansion gives the producer's
 * instances; exported again they give the same blob.
 */
class RecurringProducerSamplesTest {

  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
  private final VEventConverter converter = Appointments.converter();
  private final RecurrenceBlobCodec codec = new RecurrenceBlobCodec();

  private ItemContent load(String name) throws Exception {
    List<ItemContent> items = converter.fromICalendar(Items.resource(getClass(), "producers/" + name), ids).value();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private AppointmentRecurrencePattern pattern(ItemContent item) throws Exception {
    byte[] blob = Bag.of(item.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR);
    assertThat(blob).as("PidLidAppointmentRecur").isNotNull();
    return codec.decodeAppointment(blob);
  }

  /** Export and import again: the same blob, mapped (not carried as X-CONVENE-PROP). */
  private void roundTrips(ItemContent item) throws Exception {
    String text = converter.toICalendar(item, ids).value();
    assertThat(text).contains("RRULE:").doesNotContain(";LID=8216;");
    // the rule was claimed on import: it is written once, from the blob, not also from kept text
    ICalComponent calendar = new ICalParser(ICalLimits.DEFAULT).parse(text);
    for (ICalComponent event : calendar.components("VEVENT")) {
      assertThat(event.all("RRULE")).hasSize(event.property("RECURRENCE-ID") == null ? 1 : 0);
    }
    // and each override once: taken into the blob, not also kept as a sibling
    assertThat(calendar.components("VEVENT").stream().filter(e -> e.property("RECURRENCE-ID") != null).count())
        .isEqualTo(pattern(item).exceptions().size());
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    assertThat(Bag.of(back.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR))
        .isEqualTo(Bag.of(item.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR));
  }

  private static List<String> starts(AppointmentRecurrencePattern a, String zone, String from, String to) throws Exception {
    return new OccurrenceExpander().expand(a, ZoneId.of(zone), Instant.parse(from), Instant.parse(to)).occurrences()
        .stream().map(o -> o.start() + (o.modified() ? "*" : "")).toList();
  }

  @Test
  void outlookSeriesWithWindowsZoneAndOverride() throws Exception {
    ItemContent item = load("outlook-recurring.ics");
    AppointmentRecurrencePattern a = pattern(item);
    assertThat(a.pattern().patternType()).isEqualTo(PatternType.WEEK);
    assertThat(a.pattern().daysOfWeek()).isEqualTo(Set.of(DayOfWeek.TUESDAY));
    assertThat(a.pattern().endType()).isEqualTo(EndType.END_BY_DATE);
    assertThat(a.pattern().occurrenceCount()).isEqualTo(18);
    assertThat(a.startTimeOffset()).isEqualTo(9 * 60);
    assertThat(a.endTimeOffset()).isEqualTo(9 * 60 + 30);
    ExceptionInfo e = a.exceptions().get(0);
    assertThat(e.originalStartDate()).isEqualTo(LocalDateTime.of(2026, 3, 24, 9, 0));
    assertThat(e.startDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 24, 14, 0));
    assertThat(e.subject()).isEqualTo("Team sync (budget)");
    assertThat(e.location()).isEqualTo("Board room");
    assertThat(e.busyStatus()).isEqualTo(2);
    assertThat(e.has(ExceptionInfo.ARO_REMINDER)).isFalse();
    assertThat(a.extendedExceptions().get(0).wideCharSubject()).isEqualTo("Team sync (budget)");
    List<String> starts = starts(a, "Europe/Berlin", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    assertThat(starts).hasSize(17)
        .startsWith("2026-03-03T08:00:00Z", "2026-03-10T08:00:00Z", "2026-03-17T08:00:00Z", "2026-03-24T13:00:00Z*",
            "2026-03-31T07:00:00Z")
        .doesNotContain("2026-04-14T07:00:00Z")
        .endsWith("2026-06-30T07:00:00Z");
    // the zone's definitions, under its Windows name
    Bag bag = Bag.of(item.properties(), ids);
    assertThat(new TimeZoneBlobCodec().decodeDefinition(bag.bytes(SeriesProps.TZ_DEFINITION_RECUR)).keyName())
        .isEqualTo("W. Europe Standard Time");
    assertThat(bag.bytes(SeriesProps.TIME_ZONE_STRUCT)).isNotNull();
    assertThat(Items.get(item, ids, NamedProps.RECURRING)).isEqualTo(true);
    roundTrips(item);
  }

  @Test
  void googleSeriesWithExdatesAndACopiedOverride() throws Exception {
    ItemContent item = load("google-recurring.ics");
    AppointmentRecurrencePattern a = pattern(item);
    assertThat(a.pattern().daysOfWeek()).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
    assertThat(a.pattern().endType()).isEqualTo(EndType.END_AFTER_N_OCCURRENCES);
    assertThat(a.pattern().occurrenceCount()).isEqualTo(12);
    // Google copies every field into the override: only the time counts as changed
    ExceptionInfo e = a.exceptions().get(0);
    assertThat(e.overrideFlags()).isZero();
    assertThat(e.startDateTime()).isEqualTo(LocalDateTime.of(2026, 10, 21, 10, 0));
    List<String> starts = starts(a, "Europe/Berlin", "2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z");
    assertThat(starts).containsExactly(
        "2026-10-05T06:30:00Z", "2026-10-07T06:30:00Z", "2026-10-12T06:30:00Z", "2026-10-19T06:30:00Z",
        "2026-10-21T08:00:00Z*", "2026-10-28T07:30:00Z", "2026-11-02T07:30:00Z", "2026-11-04T07:30:00Z",
        "2026-11-09T07:30:00Z", "2026-11-11T07:30:00Z");
    assertThat(Items.get(item, ids, TaggedProps.SUBJECT)).isEqualTo("Stand-up");
    roundTrips(item);
  }

  @Test
  void appleMonthlySeriesWithAnOverrideWithoutAlarm() throws Exception {
    ItemContent item = load("apple-recurring.ics");
    AppointmentRecurrencePattern a = pattern(item);
    assertThat(a.pattern().patternType()).isEqualTo(PatternType.MONTH_NTH);
    assertThat(a.pattern().nth()).isEqualTo(5);
    assertThat(a.pattern().endType()).isEqualTo(EndType.NEVER_END);
    ExceptionInfo e = a.exceptions().get(0);
    // the override has no VALARM while the master has one: no reminder for that instance
    assertThat(e.reminderSet()).isEqualTo(0);
    assertThat(e.has(ExceptionInfo.ARO_SUBJECT)).isFalse();
    List<String> starts = starts(a, "America/New_York", "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z");
    assertThat(starts).containsExactly("2026-01-30T21:00:00Z", "2026-02-27T21:00:00Z", "2026-03-27T15:00:00Z*",
        "2026-04-24T20:00:00Z", "2026-05-29T20:00:00Z", "2026-06-26T20:00:00Z");
    roundTrips(item);
  }
}

package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.binary.OpaqueBytes;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalLimits;
import io.convene.convert.ical.ICalParser;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.ExtendedException;
import io.convene.convert.recurrence.Occurrence;
import io.convene.convert.recurrence.OccurrenceExpander;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import io.convene.convert.recurrence.RecurrencePatternBuilder;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An all-day series (PidLidAppointmentSubType, StartTimeOffset 0, EndTimeOffset 1440): DTSTART,
 * EXDATE, RECURRENCE-ID as DATEs, UNTIL as a DATE (RFC 5545 3.3.10), the blob read back to the
 * same bytes, and the dates ical4j expands are the pattern's.
 */
class AllDaySeriesTest {

  private final VEventConverter converter = Appointments.converter();

  private static AppointmentRecurrencePattern pattern(boolean endByDate) throws Exception {
    RecurrencePatternBuilder b = new RecurrencePatternBuilder()
        .weekly(1, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)).firstDayOfWeek(DayOfWeek.MONDAY)
        .start(LocalDate.of(2024, 3, 4));
    if (endByDate) {
      b.endBy(LocalDate.of(2024, 4, 29));
    } else {
      b.endAfter(12);
    }
    b.deleted(LocalDate.of(2024, 3, 14));
    b.modified(LocalDate.of(2024, 3, 21), LocalDate.of(2024, 3, 22));
    ExceptionInfo moved = new ExceptionInfo(LocalDateTime.of(2024, 3, 22, 0, 0), LocalDateTime.of(2024, 3, 23, 0, 0),
        LocalDateTime.of(2024, 3, 21, 0, 0), ExceptionInfo.ARO_SUBJECT, "Offsite (Friday)", null, null, null, null,
        null, null, null, null);
    return new AppointmentRecurrencePattern(b.build(), 0x3006, 0x3009, 0, 1440, List.of(moved), OpaqueBytes.EMPTY,
        List.of(ExtendedException.of(moved, "Offsite (Friday)", null, true)), OpaqueBytes.EMPTY);
  }

  @ParameterizedTest
  @CsvSource({"W. Europe Standard Time, Europe/Berlin, true", "W. Europe Standard Time, Europe/Berlin, false",
      "AUS Eastern Standard Time, Australia/Sydney, true"})
  void allDaySeriesMapsToDatesAndBack(String windowsName, String iana, boolean endByDate) throws Exception {
    ZoneId zone = ZoneId.of(iana);
    AppointmentRecurrencePattern a = pattern(endByDate);
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent timed = Appointments.series(ids, a, windowsName, zone,
        new OutlookSeries.Master("Offsite", "Lodge", 3, null), "allday-" + endByDate + "@example.com");
    Bag bag = Bag.of(timed.properties(), ids);
    bag.put(NamedProps.APPOINTMENT_SUB_TYPE, true);
    ItemContent item = new ItemContent(bag.toMap(), List.of(), List.of());

    String text = converter.toICalendar(item, ids).value();
    assertThat(text).contains("DTSTART;VALUE=DATE:20240304", "DTEND;VALUE=DATE:20240305",
        "EXDATE;VALUE=DATE:20240314", "RECURRENCE-ID;VALUE=DATE:20240321", "SUMMARY:Offsite (Friday)")
        .doesNotContain("X-CONVENE-PROP;PSET={00062002-0000-0000-C000-000000000046};LID=8216");
    assertThat(text).contains(endByDate ? "UNTIL=20240429;" : "COUNT=12").doesNotContain("UNTIL=20240429T");
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    assertThat(Bag.of(back.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR)).isEqualTo(new RecurrenceBlobCodec().encode(a));
    assertThat(Bag.of(back.properties(), ids).bool(NamedProps.APPOINTMENT_SUB_TYPE)).isTrue();

    // ical4j's expansion of the rule written, less its EXDATEs: the dates of the pattern's instances
    ICalComponent event = new ICalParser(ICalLimits.DEFAULT).parse(text).components("VEVENT").get(0);
    Recur<LocalDate> rule = new Recur<>(event.property("RRULE").value());
    Set<LocalDate> ical4j = new TreeSet<>(rule.getDates(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 1, 1),
        LocalDate.of(2025, 1, 1)));
    for (ICalProperty exdate : event.all("EXDATE")) {
      ical4j.remove(LocalDate.parse(exdate.value(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }
    Set<LocalDate> mapi = new TreeSet<>();
    for (Occurrence o : new OccurrenceExpander().expand(a, zone, Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2025-01-01T00:00:00Z")).occurrences()) {
      mapi.add(o.originalStart().toLocalDate()); // the master's set holds overridden instances too
    }
    assertThat(ical4j).isEqualTo(mapi);
  }
}

package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.binary.SpecFixtures;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.TaggedProps;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import io.convene.convert.recurrence.RecurrencePatternBuilder;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesConversionTest {

  private final VEventConverter converter = Appointments.converter();

  @Test
  void weeklySeriesWithExceptionsInAWindowsZoneRoundTrips() throws Exception {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    RecurrencePatternBuilder b = new RecurrencePatternBuilder()
        .weekly(1, Set.of(DayOfWeek.TUESDAY)).firstDayOfWeek(DayOfWeek.MONDAY).start(LocalDate.of(2024, 3, 5)).endAfter(10);
    b.deleted(LocalDate.of(2024, 3, 19));
    b.modified(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 3));
    ExceptionInfo moved = new ExceptionInfo(LocalDateTime.of(2024, 4, 3, 11, 0), LocalDateTime.of(2024, 4, 3, 12, 0),
        LocalDateTime.of(2024, 4, 2, 9, 0), ExceptionInfo.ARO_SUBJECT | ExceptionInfo.ARO_LOCATION | ExceptionInfo.ARO_BUSYSTATUS,
        "Planning (moved)", null, null, null, "Room 2", 1, null, null, null);
    AppointmentRecurrencePattern a = new AppointmentRecurrencePattern(b.build(), 0x3006, 0x3009, 540, 600,
        List.of(moved), io.convene.convert.binary.OpaqueBytes.EMPTY,
        List.of(io.convene.convert.recurrence.ExtendedException.of(moved, "Planning (moved)", "Room 2", true)),
        io.convene.convert.binary.OpaqueBytes.EMPTY);
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent item = Appointments.series(ids, a, "W. Europe Standard Time", zone,
        new OutlookSeries.Master("Planning", "Room 1", 2, 15), "series-1@example.com");

    String text = converter.toICalendar(item, ids).value();
    assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
        "DTSTART;TZID=W. Europe Standard Time:20240305T090000", "RRULE:FREQ=WEEKLY;WKST=MO;COUNT=10;INTERVAL=1;BYDAY=TU",
        "EXDATE;TZID=W. Europe Standard Time:20240319T090000",
        "RECURRENCE-ID;TZID=W. Europe Standard Time:20240402T090000", "SUMMARY:Planning (moved)",
        "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE")
        .doesNotContain("X-CONVENE-PROP;PSET");
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    Bag after = Bag.of(back.properties(), ids);
    assertThat(after.bytes(SeriesProps.APPOINTMENT_RECUR)).isEqualTo(new RecurrenceBlobCodec().encode(a));
    assertThat(after.bytes(SeriesProps.TZ_DEFINITION_RECUR)).isNotNull();
  }

  @Test
  void aZoneGivenOnlyByItsDefinitionBlobGoesOutWithItsTzidAndVtimezone() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    Bag bag = Bag.empty(ids);
    bag.put(TaggedProps.MESSAGE_CLASS, "IPM.Appointment");
    bag.put(TaggedProps.SUBJECT, "Call");
    bag.put(NamedProps.APPOINTMENT_START_WHOLE, Instant.parse("2026-07-01T16:00:00Z"));
    bag.put(NamedProps.APPOINTMENT_END_WHOLE, Instant.parse("2026-07-01T17:00:00Z"));
    // MS-OXOCAL 2.2.1.41: "Pacific Standard Time", no PidLidTimeZoneDescription beside it
    bag.put(SeriesProps.TZ_DEFINITION_START_DISPLAY, SpecFixtures.hex("ms-oxocal/2.2.1.41-tzdefinition-pacific.hex"));
    String text = converter.toICalendar(new ItemContent(bag.toMap(), List.of(), List.of()), ids).value();
    assertThat(text).contains("TZID:Pacific Standard Time", "DTSTART;TZID=Pacific Standard Time:20260701T090000");
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    assertThat(Bag.of(back.properties(), ids).time(NamedProps.APPOINTMENT_START_WHOLE))
        .isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
    assertThat(Bag.of(back.properties(), ids).bytes(SeriesProps.TZ_DEFINITION_START_DISPLAY))
        .isEqualTo(SpecFixtures.hex("ms-oxocal/2.2.1.41-tzdefinition-pacific.hex"));
  }
}

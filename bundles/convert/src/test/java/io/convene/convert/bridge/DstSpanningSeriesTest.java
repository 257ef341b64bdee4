package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.binary.OpaqueBytes;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.ExtendedException;
import io.convene.convert.recurrence.ICalendarRecurrenceMapper;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import io.convene.convert.recurrence.RecurrencePatternBuilder;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;

/**
 * A series whose first instance spans a DST change: EndTimeOffset counts wall-clock minutes after
 * the start date's midnight (MS-OXOCAL 2.2.1.44.2) and DTEND of a series is a local time (MS-OXCICAL
 * 2.1.3.1.1.20.8), so the imported EndTimeOffset is the local length, not the elapsed one.
 */
class DstSpanningSeriesTest {

  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  private final ICalendarRecurrenceMapper mapper = new ICalendarRecurrenceMapper();

  @Test
  void importedEndTimeOffsetIsLocalAcrossASpringForwardChange() throws Exception {
    // Sydney's clocks go forward on Sunday 2 October 2061: two local days last 47 hours
    ZonedDateTime start = LocalDateTime.of(2061, 9, 30, 9, 15).atZone(SYDNEY);
    ZonedDateTime end = LocalDateTime.of(2061, 10, 2, 9, 15).atZone(SYDNEY);

    AppointmentRecurrencePattern a = mapper.fromICalendar(new Recur<>("FREQ=YEARLY;INTERVAL=2;BYMONTH=9;COUNT=6"),
        start, end, List.of(), List.of(), List.of());

    assertThat(a.startTimeOffset()).isEqualTo(9 * 60 + 15);
    assertThat(a.endTimeOffset()).isEqualTo(2 * 1440 + 9 * 60 + 15);
  }

  @Test
  void importedEndTimeOffsetIsLocalAcrossAFallBackChange() throws Exception {
    // Berlin's clocks go back on Sunday 27 October 2024: two local days last 49 hours
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZonedDateTime start = LocalDateTime.of(2024, 10, 26, 9, 0).atZone(berlin);
    ZonedDateTime end = LocalDateTime.of(2024, 10, 28, 9, 0).atZone(berlin);

    AppointmentRecurrencePattern a = mapper.fromICalendar(new Recur<>("FREQ=WEEKLY;COUNT=4;BYDAY=SA"),
        start, end, List.of(), List.of(), List.of());

    assertThat(a.endTimeOffset()).isEqualTo(2 * 1440 + 9 * 60);
  }

  /**
   * The shape of AppointmentRoundTripPropertyTest seed 31207588258728 case 149: yearly every two
   * years on 2 September, six instances, in "AUS Eastern Standard Time", the pattern starting on
   * 30 September 2061 at 09:15 for two days (across the change), one instance deleted and one
   * moved to span days. Its blob maps to RRULE/EXDATE/override and comes back byte for byte.
   */
  @Test
  void seriesWhoseFirstInstanceSpansTheChangeMapsAndComesBackByteForByte() throws Exception {
    RecurrencePatternBuilder b = new RecurrencePatternBuilder().yearly(2, 2).firstDayOfWeek(DayOfWeek.MONDAY)
        .start(LocalDate.of(2061, 9, 30)).endAfter(6);
    b.deleted(LocalDate.of(2069, 9, 2));
    b.modified(LocalDate.of(2071, 9, 2), LocalDate.of(2071, 9, 2));
    ExceptionInfo moved = new ExceptionInfo(LocalDateTime.of(2071, 9, 2, 8, 45), LocalDateTime.of(2071, 9, 4, 11, 45),
        LocalDateTime.of(2071, 9, 2, 9, 15), ExceptionInfo.ARO_SUBJECT, "moved x", null, null, null, null, null, null,
        null, null);
    AppointmentRecurrencePattern a = new AppointmentRecurrencePattern(b.build(),
        AppointmentRecurrencePattern.READER_VERSION_2, AppointmentRecurrencePattern.WRITER_VERSION_2,
        9 * 60 + 15, 2 * 1440 + 9 * 60 + 15, List.of(moved), OpaqueBytes.EMPTY,
        List.of(ExtendedException.of(moved, "moved x", null, true)), OpaqueBytes.EMPTY);
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent item = Appointments.series(ids, a, "AUS Eastern Standard Time", SYDNEY,
        new OutlookSeries.Master("Review", "Room 1", 2, null), "dst-span@example.com");
    VEventConverter converter = Appointments.converter();

    String text = converter.toICalendar(item, ids).value();

    assertThat(text).contains("DTSTART;TZID=AUS Eastern Standard Time:20610930T091500",
            "DTEND;TZID=AUS Eastern Standard Time:20611002T091500", "RRULE:FREQ=YEARLY;",
            "EXDATE;TZID=AUS Eastern Standard Time:20690902T091500",
            "RECURRENCE-ID;TZID=AUS Eastern Standard Time:20710902T091500")
        .doesNotContain("X-CONVENE-PROP;PSET");
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    assertThat(Bag.of(back.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR))
        .isEqualTo(new RecurrenceBlobCodec().encode(a));
  }
}

package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ItemContent;
import io.convene.convert.binary.OpaqueBytes;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.CalendarType;
import io.convene.convert.recurrence.EndType;
import io.convene.convert.recurrence.MapiMinutes;
import io.convene.convert.recurrence.PatternType;
import io.convene.convert.recurrence.RecurFrequency;
import io.convene.convert.recurrence.RecurrencePattern;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A recurrence in a non-Gregorian calendar (MS-OXOCAL 2.2.1.44.1 CalendarType, the HjMonth pattern
 * types) has no RRULE: export says so instead of writing the series as one appointment or a
 * Gregorian rule at other dates.
 */
class NonGregorianSeriesTest {

  private static ItemContent series(PatternType type, CalendarType calendar, InMemoryNamedPropertyIds ids)
      throws Exception {
    RecurrencePattern p = new RecurrencePattern(RecurFrequency.MONTHLY, type, calendar, 0, 1, 0, Set.of(), 11, 0,
        EndType.NEVER_END, 10, DayOfWeek.SUNDAY, List.of(), List.of(), LocalDateTime.of(2024, 3, 11, 0, 0),
        MapiMinutes.NO_END_DATE);
    AppointmentRecurrencePattern a = new AppointmentRecurrencePattern(p, 0x3006, 0x3009, 600, 660, List.of(),
        OpaqueBytes.EMPTY, List.of(), OpaqueBytes.EMPTY);
    return Appointments.series(ids, a, "Arab Standard Time", ZoneId.of("Asia/Riyadh"),
        new OutlookSeries.Master("Monthly review", "Riyadh", 2, 15), "hijri@example.com");
  }

  @Test
  void hijriMonthlyPatternIsUnsupported() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent item = series(PatternType.HJ_MONTH, CalendarType.HIJRI, ids);
    assertThatThrownBy(() -> Appointments.converter().toICalendar(item, ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> {
          assertThat(e.error()).isEqualTo(ConversionError.UNSUPPORTED);
          assertThat(e.getMessage()).contains("HIJRI", "HJ_MONTH");
        });
  }

  @Test
  void aGregorianPatternTypeInAnotherCalendarIsUnsupportedToo() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent item = series(PatternType.MONTH, CalendarType.HEBREW, ids);
    assertThatThrownBy(() -> Appointments.converter().toICalendar(item, ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.UNSUPPORTED));
  }

  @Test
  void gregorianVariantsStillConvert() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent item = series(PatternType.MONTH, CalendarType.GREGORIAN_US, ids);
    assertThat(Appointments.converter().toICalendar(item, ids).value()).contains("RRULE:FREQ=MONTHLY");
  }
}

package io.convene.convert.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.convert.binary.OpaqueBytes;
import io.convene.convert.binary.SpecFixtures;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recurrence BLOB examples of MS-OXOCAL 4.1.1 decode to the documented series and encode back. */
class MsOxocalExamplesTest {

  private final RecurrenceBlobCodec codec = new RecurrenceBlobCodec();

  private static LocalDateTime at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min);
  }

  @Test
  void weeklyWithoutExceptions_4_1_1_1() throws Exception {
    byte[] blob = SpecFixtures.hex("ms-oxocal/4.1.1.1-weekly.hex");
    AppointmentRecurrencePattern a = codec.decodeAppointment(blob);
    RecurrencePattern p = a.pattern();

    assertThat(p.frequency()).isEqualTo(RecurFrequency.WEEKLY);
    assertThat(p.patternType()).isEqualTo(PatternType.WEEK);
    assertThat(p.calendarType()).isEqualTo(CalendarType.DEFAULT);
    assertThat(p.firstDateTime()).isEqualTo(8640);
    assertThat(p.period()).isEqualTo(1);
    assertThat(p.daysOfWeek()).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    assertThat(p.endType()).isEqualTo(EndType.END_AFTER_N_OCCURRENCES);
    assertThat(p.occurrenceCount()).isEqualTo(12);
    assertThat(p.firstDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(p.deletedInstanceDates()).isEmpty();
    assertThat(p.modifiedInstanceDates()).isEmpty();
    assertThat(p.startDate()).isEqualTo(at(2007, 3, 26, 0, 0));
    assertThat(p.endDate()).isEqualTo(at(2007, 4, 20, 0, 0));
    assertThat(a.readerVersion2()).isEqualTo(0x3006);
    assertThat(a.writerVersion2()).isEqualTo(0x3009);
    assertThat(a.startTimeOffset()).isEqualTo(600);
    assertThat(a.endTimeOffset()).isEqualTo(630);
    assertThat(a.exceptions()).isEmpty();

    assertThat(codec.encode(a)).isEqualTo(blob);
  }

  @Test
  void weeklyWithException_4_1_1_2() throws Exception {
    byte[] blob = SpecFixtures.hex("ms-oxocal/4.1.1.2-weekly-exception.hex");
    AppointmentRecurrencePattern a = codec.decodeAppointment(blob);

    assertThat(a.pattern().deletedInstanceDates()).containsExactly(at(2007, 4, 16, 0, 0));
    assertThat(a.pattern().modifiedInstanceDates()).containsExactly(at(2007, 4, 16, 0, 0));
    assertThat(a.exceptions()).hasSize(1);
    ExceptionInfo e = a.exceptions().get(0);
    assertThat(e.startDateTime()).isEqualTo(at(2007, 4, 16, 11, 0));
    assertThat(e.endDateTime()).isEqualTo(at(2007, 4, 16, 11, 30));
    assertThat(e.originalStartDate()).isEqualTo(at(2007, 4, 16, 10, 0));
    assertThat(e.overrideFlags()).isEqualTo(ExceptionInfo.ARO_SUBJECT | ExceptionInfo.ARO_LOCATION);
    assertThat(e.subject()).isEqualTo("Simple Recurrence with exceptions");
    assertThat(e.location()).isEqualTo("34/4141");
    assertThat(e.busyStatus()).isNull();

    ExtendedException x = a.extendedExceptions().get(0);
    assertThat(x.changeHighlight()).isEqualTo(new ExtendedException.ChangeHighlight(0, OpaqueBytes.EMPTY));
    assertThat(x.wideCharSubject()).isEqualTo("Simple Recurrence with exceptions");
    assertThat(x.wideCharLocation()).isEqualTo("34/4141");
    assertThat(x.startDateTime()).isEqualTo(e.startDateTime());

    assertThat(codec.encode(a)).isEqualTo(blob);
  }

  @Test
  void dailyWithDeletedInstances_4_1_1_3() throws Exception {
    byte[] blob = SpecFixtures.hex("ms-oxocal/4.1.1.3-daily-deleted.hex");
    AppointmentRecurrencePattern a = codec.decodeAppointment(blob);
    RecurrencePattern p = a.pattern();

    assertThat(p.frequency()).isEqualTo(RecurFrequency.DAILY);
    assertThat(p.patternType()).isEqualTo(PatternType.DAY);
    assertThat(p.firstDateTime()).isEqualTo(1440);
    assertThat(p.period()).isEqualTo(3 * 1440);
    assertThat(p.endType()).isEqualTo(EndType.END_BY_DATE);
    assertThat(p.deletedInstanceDates()).containsExactly(at(2011, 4, 19, 0, 0), at(2011, 4, 22, 0, 0));
    assertThat(p.startDate()).isEqualTo(at(2011, 4, 7, 0, 0));
    assertThat(p.endDate()).isEqualTo(at(2011, 5, 4, 0, 0));
    assertThat(a.startTimeOffset()).isEqualTo(8 * 60);
    assertThat(a.endTimeOffset()).isEqualTo(8 * 60 + 30);

    assertThat(codec.encode(a)).isEqualTo(blob);
  }

  @Test
  void everyExampleDecodesAsAPlainPatternPrefix() throws Exception {
    // The RecurrencePattern part alone (as PidLidTaskRecurrence holds it) is the first 0x3A bytes of 4.1.1.3.
    byte[] blob = SpecFixtures.hex("ms-oxocal/4.1.1.3-daily-deleted.hex");
    byte[] prefix = java.util.Arrays.copyOf(blob, blob.length - 26);
    RecurrencePattern p = codec.decodePattern(prefix);
    assertThat(p.startDate().toLocalDate()).isEqualTo(LocalDate.of(2011, 4, 7));
    assertThat(codec.encode(p)).isEqualTo(prefix);
    assertThat(List.of(p)).containsExactly(codec.decodeAppointment(blob).pattern());
  }
}

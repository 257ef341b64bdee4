package io.convene.convert.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.convert.binary.SpecFixtures;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder writes the patterns of the MS-OXOCAL 4.1.1 examples field for field. */
class RecurrencePatternBuilderTest {

  private final RecurrenceBlobCodec codec = new RecurrenceBlobCodec();

  @Test
  void weeklyExampleWithFirstDateTimeAndEndDate() throws Exception {
    RecurrencePattern built =
        new RecurrencePatternBuilder()
            .weekly(1, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))
            .firstDayOfWeek(DayOfWeek.SUNDAY)
            .start(LocalDate.of(2007, 3, 26))
            .endAfter(12)
            .build();

    RecurrencePattern spec = codec.decodeAppointment(SpecFixtures.hex("ms-oxocal/4.1.1.1-weekly.hex")).pattern();
    assertThat(built).isEqualTo(spec);
  }

  @Test
  void dailyExampleWithDeletedInstancesAndCountOfAnEndByDateSeries() throws Exception {
    RecurrencePattern built =
        new RecurrencePatternBuilder()
            .daily(3)
            .start(LocalDate.of(2011, 4, 7))
            .endBy(LocalDate.of(2011, 5, 4))
            .deleted(LocalDate.of(2011, 4, 22))
            .deleted(LocalDate.of(2011, 4, 19))
            .build();

    RecurrencePattern spec = codec.decodeAppointment(SpecFixtures.hex("ms-oxocal/4.1.1.3-daily-deleted.hex")).pattern();
    assertThat(built).isEqualTo(spec);
  }

  @Test
  void monthlyFirstDateTimeIsTheAnchorMonthModuloThePeriod() throws Exception {
    // 2007-03 is month 4874 after 1601-01; 4874 % 5 = 4, so the anchor is 1601-05-01 = day 120
    RecurrencePattern p = new RecurrencePatternBuilder().monthly(5, 15).start(LocalDate.of(2007, 3, 15)).noEnd().build();

    assertThat(p.firstDateTime()).isEqualTo(120 * 1440);
    assertThat(p.endDate()).isEqualTo(MapiMinutes.NO_END_DATE);
    assertThat(p.occurrenceCount()).isEqualTo(10);
  }

  @Test
  void aSeriesWithoutAnyInstanceIsRefused() {
    RecurrencePatternBuilder b = new RecurrencePatternBuilder().daily(1).start(LocalDate.of(2020, 5, 1)).endBy(LocalDate.of(2020, 4, 1));

    assertThatThrownBy(b::build).isInstanceOf(UnsupportedRecurrenceException.class);
  }
}

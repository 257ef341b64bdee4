package io.convene.convert.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.convert.binary.OpaqueBytes;
import io.convene.convert.binary.SpecFixtures;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OccurrenceExpanderTest {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private final RecurrenceBlobCodec codec = new RecurrenceBlobCodec();
  private final OccurrenceExpander expander = new OccurrenceExpander();

  private static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  @Test
  void weeklySpecExampleHasTwelveInstancesWithTheMovedOne() throws Exception {
    AppointmentRecurrencePattern a = codec.decodeAppointment(SpecFixtures.hex("ms-oxocal/4.1.1.2-weekly-exception.hex"));

    Expansion e = expander.expand(a, PACIFIC, at("2007-01-01T00:00", PACIFIC), at("2008-01-01T00:00", PACIFIC));

    assertThat(e.complete()).isTrue();
    assertThat(e.occurrences()).hasSize(12);
    assertThat(e.occurrences()).extracting(o -> o.originalStart().toLocalDate().getDayOfMonth())
        .containsExactly(26, 29, 30, 2, 5, 6, 9, 12, 13, 16, 19, 20);
    Occurrence moved = e.occurrences().get(9);
    assertThat(moved.modified()).isTrue();
    assertThat(moved.exception().subject()).isEqualTo("Simple Recurrence with exceptions");
    assertThat(moved.start()).isEqualTo(at("2007-04-16T11:00", PACIFIC));
    assertThat(moved.end()).isEqualTo(at("2007-04-16T11:30", PACIFIC));
    assertThat(e.occurrences().get(8).start()).isEqualTo(at("2007-04-13T10:00", PACIFIC));
  }

  @Test
  void dailySpecExampleSkipsItsDeletedInstances() throws Exception {
    AppointmentRecurrencePattern a = codec.decodeAppointment(SpecFixtures.hex("ms-oxocal/4.1.1.3-daily-deleted.hex"));

    Expansion e = expander.expand(a, PACIFIC, at("2011-01-01T00:00", PACIFIC), at("2012-01-01T00:00", PACIFIC));

    assertThat(e.occurrences()).extracting(o -> o.originalStart().toLocalDate())
        .containsExactly(
            LocalDate.of(2011, 4, 7), LocalDate.of(2011, 4, 10), LocalDate.of(2011, 4, 13), LocalDate.of(2011, 4, 16),
            LocalDate.of(2011, 4, 25), LocalDate.of(2011, 4, 28), LocalDate.of(2011, 5, 1), LocalDate.of(2011, 5, 4));
    assertThat(e.occurrences()).allSatisfy(o -> assertThat(java.time.Duration.between(o.start(), o.end())).hasMinutes(30));
  }

  @Test
  void wallClockTimeIsKeptAcrossDaylightSavingChanges() throws Exception {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    AppointmentRecurrencePattern a = series(new RecurrencePatternBuilder().weekly(1, Set.of(DayOfWeek.SUNDAY))
        .start(LocalDate.of(2024, 3, 24)).endAfter(2), 9 * 60, 10 * 60);

    Expansion e = expander.expand(a, berlin, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));

    // 2024-03-31 is the switch to CEST: 09:00 local is 08:00Z before and 07:00Z after
    assertThat(e.occurrences()).extracting(Occurrence::start)
        .containsExactly(Instant.parse("2024-03-24T08:00:00Z"), Instant.parse("2024-03-31T07:00:00Z"));
  }

  @Test
  void aTimeInTheSpringGapMovesForwardLikeZonedDateTime() throws Exception {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    AppointmentRecurrencePattern a = series(new RecurrencePatternBuilder().daily(1)
        .start(LocalDate.of(2024, 3, 31)).endAfter(1), 2 * 60 + 30, 3 * 60 + 30);

    Occurrence o = expander.expand(a, berlin, Instant.parse("2024-03-30T00:00:00Z"), Instant.parse("2024-04-02T00:00:00Z"))
        .occurrences().get(0);

    assertThat(o.start()).isEqualTo(ZonedDateTime.of(LocalDateTime.of(2024, 3, 31, 2, 30), berlin).toInstant());
    assertThat(o.start()).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
  }

  @Test
  void monthlyOnThe31stFallsOnTheLastDayOfShorterMonths() throws Exception {
    AppointmentRecurrencePattern a = series(new RecurrencePatternBuilder().monthly(1, 31).start(LocalDate.of(2023, 1, 31)).noEnd(), 600, 660);

    Expansion e = expander.expand(a, ZoneId.of("UTC"), Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z"));

    assertThat(e.occurrences()).extracting(o -> o.originalStart().toLocalDate())
        .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30));
  }

  @Test
  void lastWeekdayOfTheMonthAndEveryWeekday() throws Exception {
    AppointmentRecurrencePattern last = series(new RecurrencePatternBuilder()
        .monthlyNth(1, PatternDates.weekdaysMonToFri(), 5).start(LocalDate.of(2024, 1, 31)).endAfter(3), 600, 660);
    AppointmentRecurrencePattern weekdays = series(new RecurrencePatternBuilder().everyWeekday()
        .start(LocalDate.of(2024, 6, 6)).endAfter(4), 600, 660);
    ZoneId utc = ZoneId.of("UTC");

    assertThat(expander.expand(last, utc, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
        .occurrences()).extracting(o -> o.originalStart().toLocalDate())
        .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 29));
    assertThat(expander.expand(weekdays, utc, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
        .occurrences()).extracting(o -> o.originalStart().toLocalDate())
        .containsExactly(LocalDate.of(2024, 6, 6), LocalDate.of(2024, 6, 7), LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 11));
  }

  @Test
  void aSeriesOfMillionsOfInstancesGivesABoundedIncompleteResult() throws Exception {
    // every day from 1601 without end: about a million instances up to 4500
    AppointmentRecurrencePattern a = series(new RecurrencePatternBuilder().daily(1).start(LocalDate.of(1601, 1, 1)).noEnd(), 0, 30);
    OccurrenceExpander bounded = new OccurrenceExpander(new ExpansionLimits(500, 200_000));

    Expansion e = bounded.expand(a, ZoneId.of("UTC"), Instant.parse("1601-01-01T00:00:00Z"), Instant.parse("4501-01-01T00:00:00Z"));

    assertThat(e.complete()).isFalse();
    assertThat(e.occurrences()).hasSize(500);
    assertThat(e.occurrences().get(499).originalStart()).isEqualTo(LocalDateTime.of(1602, 5, 15, 0, 0));
  }

  @Test
  void aCountedSeriesIsWalkedOnlyUpToThePeriodLimit() throws Exception {
    // counted series are walked from their first instance; 2^31-1 instances stop at the period limit
    RecurrencePattern p = new RecurrencePattern(RecurFrequency.DAILY, PatternType.DAY, CalendarType.DEFAULT, 0, 1440, 0,
        Set.of(), 0, 0, EndType.END_AFTER_N_OCCURRENCES, Integer.MAX_VALUE, DayOfWeek.SUNDAY, List.of(), List.of(),
        LocalDateTime.of(1601, 1, 1, 0, 0), MapiMinutes.NO_END_DATE);
    AppointmentRecurrencePattern a = new AppointmentRecurrencePattern(p, 0x3006, 0x3009, 0, 30, List.of(),
        OpaqueBytes.EMPTY, List.of(), OpaqueBytes.EMPTY);
    OccurrenceExpander bounded = new OccurrenceExpander(new ExpansionLimits(10_000, 50_000));

    Expansion e = bounded.expand(a, ZoneId.of("UTC"), Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));

    assertThat(e.complete()).isFalse();
    assertThat(e.occurrences()).isEmpty(); // 50,000 days from 1601 end in 1737
  }

  @Test
  void aHijriPatternIsKeptButNotExpanded() throws Exception {
    RecurrencePattern p = new RecurrencePattern(RecurFrequency.MONTHLY, PatternType.HJ_MONTH, CalendarType.HIJRI, 0, 1, 0,
        Set.of(), 9, 0, EndType.NEVER_END, 10, DayOfWeek.SUNDAY, List.of(), List.of(),
        LocalDateTime.of(2024, 3, 11, 0, 0), MapiMinutes.NO_END_DATE);
    AppointmentRecurrencePattern a = new AppointmentRecurrencePattern(p, 0x3006, 0x3009, 0, 30, List.of(),
        OpaqueBytes.EMPTY, List.of(), OpaqueBytes.EMPTY);

    assertThat(codec.decodeAppointment(codec.encode(a))).isEqualTo(a);
    assertThatThrownBy(() -> expander.expand(a, ZoneId.of("UTC"), Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
        .isInstanceOf(UnsupportedRecurrenceException.class).hasMessageContaining("HIJRI");
  }

  private static AppointmentRecurrencePattern series(RecurrencePatternBuilder b, int startMinute, int endMinute)
      throws UnsupportedRecurrenceException {
    return new AppointmentRecurrencePattern(b.build(), 0x3006, 0x3009, startMinute, endMinute, List.of(),
        OpaqueBytes.EMPTY, List.of(), OpaqueBytes.EMPTY);
  }
}

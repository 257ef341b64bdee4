package io.convene.convert.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.convert.binary.SpecFixtures;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;

class ICalendarRecurrenceMapperTest {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private final ICalendarRecurrenceMapper mapper = new ICalendarRecurrenceMapper();
  private final RecurrenceBlobCodec codec = new RecurrenceBlobCodec();

  private static ZonedDateTime pacific(String local) {
    return LocalDateTime.parse(local).atZone(PACIFIC);
  }

  @Test
  void specWeeklyExampleBecomesAWeeklyRuleWithAnOverride() throws Exception {
    AppointmentRecurrencePattern a = codec.decodeAppointment(SpecFixtures.hex("ms-oxocal/4.1.1.2-weekly-exception.hex"));

    ICalendarRecurrence ical = mapper.toICalendar(a, PACIFIC);

    assertThat(ical.rrule().toString()).isEqualTo("FREQ=WEEKLY;WKST=SU;COUNT=12;INTERVAL=1;BYDAY=MO,TH,FR");
    assertThat(ical.dtStart()).isEqualTo(pacific("2007-03-26T10:00"));
    assertThat(ical.dtEnd()).isEqualTo(pacific("2007-03-26T10:30"));
    assertThat(ical.exDates()).isEmpty();
    assertThat(ical.overrides()).singleElement().satisfies(o -> {
      assertThat(o.recurrenceId()).isEqualTo(pacific("2007-04-16T10:00"));
      assertThat(o.start()).isEqualTo(pacific("2007-04-16T11:00"));
      assertThat(o.subject()).isEqualTo("Simple Recurrence with exceptions");
      assertThat(o.location()).isEqualTo("34/4141");
    });
  }

  @Test
  void specDailyExampleBecomesUntilAndExdates() throws Exception {
    AppointmentRecurrencePattern a = codec.decodeAppointment(SpecFixtures.hex("ms-oxocal/4.1.1.3-daily-deleted.hex"));

    ICalendarRecurrence ical = mapper.toICalendar(a, PACIFIC);

    assertThat(ical.rrule().toString()).isEqualTo("FREQ=DAILY;WKST=SU;UNTIL=20110504T150000Z;INTERVAL=3");
    assertThat(ical.exDates()).containsExactly(pacific("2011-04-19T08:00"), pacific("2011-04-22T08:00"));
  }

  @Test
  void importedRuleRoundTripsToTheSpecBlob() throws Exception {
    byte[] spec = SpecFixtures.hex("ms-oxocal/4.1.1.3-daily-deleted.hex");

    AppointmentRecurrencePattern imported = mapper.fromICalendar(
        new Recur<>("FREQ=DAILY;WKST=SU;UNTIL=20110504T150000Z;INTERVAL=3"),
        pacific("2011-04-07T08:00"), pacific("2011-04-07T08:30"),
        List.of(pacific("2011-04-19T08:00"), pacific("2011-04-22T08:00")), List.of(), List.of());

    assertThat(codec.encode(imported)).isEqualTo(spec);
  }

  @Test
  void monthlyAndYearlyForms() throws Exception {
    assertPattern("FREQ=MONTHLY;BYDAY=-1FR", "2024-01-26T09:00", PatternType.MONTH_NTH, Set.of(DayOfWeek.FRIDAY), 0, 5, 1);
    assertPattern("FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "2024-01-01T09:00", PatternType.MONTH_NTH,
        PatternDates.weekdaysMonToFri(), 0, 1, 2);
    assertPattern("FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "2024-01-30T09:00", PatternType.MONTH, Set.of(), 30, 0, 1);
    assertPattern("FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-31T09:00", PatternType.MONTH, Set.of(), 31, 0, 1);
    assertPattern("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2024-11-28T09:00", PatternType.MONTH_NTH, Set.of(DayOfWeek.THURSDAY), 0, 4, 12);
    assertPattern("FREQ=YEARLY;INTERVAL=2", "2024-02-29T09:00", PatternType.MONTH, Set.of(), 29, 0, 24);
    assertPattern("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "2024-02-29T09:00", PatternType.WEEK, PatternDates.weekdaysMonToFri(), 0, 0, 1);
  }

  private void assertPattern(String rule, String start, PatternType type, Set<DayOfWeek> days, int day, int nth, int period)
      throws Exception {
    RecurrencePattern p = mapper.fromICalendar(new Recur<>(rule), pacific(start), pacific(start).plusHours(1),
        List.of(), List.of(), List.of()).pattern();
    assertThat(p.patternType()).as(rule).isEqualTo(type);
    assertThat(p.daysOfWeek()).as(rule).isEqualTo(days);
    assertThat(p.dayOfMonth()).as(rule).isEqualTo(day);
    assertThat(p.nth()).as(rule).isEqualTo(nth);
    assertThat(p.period()).as(rule).isEqualTo(period);
    assertThat(p.endType()).as(rule).isEqualTo(EndType.NEVER_END);
  }

  @Test
  void anRdatePairedWithAnExdateIsAMovedInstance() throws Exception {
    AppointmentRecurrencePattern a = mapper.fromICalendar(new Recur<>("FREQ=WEEKLY;COUNT=4;BYDAY=TU"),
        pacific("2024-05-07T09:00"), pacific("2024-05-07T10:00"),
        List.of(pacific("2024-05-14T09:00")), List.of(pacific("2024-05-15T13:00")), List.of());

    assertThat(a.exceptions()).singleElement().satisfies(e -> {
      assertThat(e.originalStartDate()).isEqualTo(LocalDateTime.parse("2024-05-14T09:00"));
      assertThat(e.startDateTime()).isEqualTo(LocalDateTime.parse("2024-05-15T13:00"));
      assertThat(e.endDateTime()).isEqualTo(LocalDateTime.parse("2024-05-15T14:00"));
    });
    assertThat(a.pattern().deletedInstanceDates()).containsExactly(LocalDateTime.parse("2024-05-14T00:00"));
    assertThat(a.pattern().modifiedInstanceDates()).containsExactly(LocalDateTime.parse("2024-05-15T00:00"));
  }

  @Test
  void rulesWithoutAMapiFormAreRefused() {
    for (String rule : List.of("FREQ=HOURLY", "FREQ=WEEKLY;BYHOUR=9,15", "FREQ=DAILY;INTERVAL=2;BYDAY=MO",
        "FREQ=YEARLY;BYMONTH=1,7", "FREQ=MONTHLY;BYDAY=2MO,3TU", "FREQ=YEARLY;BYWEEKNO=20")) {
      assertThatThrownBy(() -> mapper.fromICalendar(new Recur<>(rule), pacific("2024-01-01T09:00"),
          pacific("2024-01-01T10:00"), List.of(), List.of(), List.of()))
          .as(rule).isInstanceOf(UnsupportedRecurrenceException.class);
    }
    assertThatThrownBy(() -> mapper.fromICalendar(new Recur<>("FREQ=DAILY;COUNT=3"), pacific("2024-01-01T09:00"),
        pacific("2024-01-01T10:00"), List.of(), List.of(pacific("2024-01-09T09:00")), List.of()))
        .isInstanceOf(UnsupportedRecurrenceException.class).hasMessageContaining("RDATE");
  }
}

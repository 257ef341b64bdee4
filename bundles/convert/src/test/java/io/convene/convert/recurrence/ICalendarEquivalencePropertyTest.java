package io.convene.convert.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instances {@link OccurrenceExpander} computes from a MAPI pattern equal those ical4j
 * computes from the RRULE, EXDATEs and overrides {@link ICalendarRecurrenceMapper} converts it
 * to, over ten years (2010-2019) in zones with DST in either hemisphere and zones whose rules
 * changed in those years: Moscow (permanent summer time 2011, back to +3 in 2014), Sao Paulo (no
 * more DST from 2019), Santiago and Sydney (southern DST), New York, Berlin, Kolkata (no DST).
 * Fixed seeds; the test name carries the seed.
 */
class ICalendarEquivalencePropertyTest {

  private static final List<String> ZONES = List.of(
      "Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago",
      "Europe/Moscow", "America/Sao_Paulo", "Asia/Kolkata");

  private final OccurrenceExpander expander = new OccurrenceExpander();
  private final ICalendarRecurrenceMapper mapper = new ICalendarRecurrenceMapper();

  static Stream<Arguments> cases() {
    return Stream.iterate(0, i -> i + 1).limit(140)
        .map(i -> Arguments.of(ZONES.get(i % ZONES.size()), 0xCA1E_0000L + i));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void mapiExpansionEqualsIcal4jExpansionOfTheConvertedRule(String zoneId, long seed) throws Exception {
    ZoneId zone = ZoneId.of(zoneId);
    AppointmentRecurrencePattern a = new RandomRecurrences(seed).series(LocalDate.of(2009, 6, 1), 10);
    ZonedDateTime from = LocalDate.of(2010, 1, 1).atStartOfDay(zone);
    ZonedDateTime to = LocalDate.of(2020, 1, 1).atStartOfDay(zone);

    Expansion mapi = expander.expand(a, zone, from.toInstant(), to.toInstant());
    assertThat(mapi.complete()).as("seed %d", seed).isTrue();

    ICalendarRecurrence ical = mapper.toICalendar(a, zone);
    long minutes = java.time.Duration.between(ical.dtStart(), ical.dtEnd()).toMinutes();
    Set<Instant> exdates = new HashSet<>();
    ical.exDates().forEach(d -> exdates.add(d.toInstant()));
    Map<Instant, ICalendarRecurrence.Override> overrides = new HashMap<>();
    ical.overrides().forEach(o -> overrides.put(o.recurrenceId().toInstant(), o));
    List<String> expected = new ArrayList<>();
    // ical4j: instances starting up to a few days before the range may still overlap it
    for (ZonedDateTime d : ical.rrule().getDates(ical.dtStart(), from.minusDays(3), to)) {
      if (exdates.contains(d.toInstant()) || overrides.containsKey(d.toInstant())) {
        continue;
      }
      ZonedDateTime end = ZonedDateTime.of(d.toLocalDateTime().plusMinutes(minutes), zone);
      if (overlaps(d.toInstant(), end.toInstant(), from.toInstant(), to.toInstant())) {
        expected.add(d.toInstant() + " plain");
      }
    }
    for (ICalendarRecurrence.Override o : ical.overrides()) {
      if (overlaps(o.start().toInstant(), o.end().toInstant(), from.toInstant(), to.toInstant())) {
        expected.add(o.start().toInstant() + " moved from " + o.recurrenceId().toLocalDateTime());
      }
    }
    List<String> actual = new ArrayList<>();
    for (Occurrence o : mapi.occurrences()) {
      actual.add(o.start() + (o.modified() ? " moved from " + o.originalStart() : " plain"));
    }
    assertThat(actual).as("seed %d in %s, RRULE %s", seed, zoneId, ical.rrule())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static boolean overlaps(Instant start, Instant end, Instant from, Instant to) {
    return end.isAfter(start) ? start.isBefore(to) && end.isAfter(from) : !start.isBefore(from) && start.isBefore(to);
  }
}

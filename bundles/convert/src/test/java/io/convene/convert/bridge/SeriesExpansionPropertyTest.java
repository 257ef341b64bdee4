package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalLimits;
import io.convene.convert.ical.ICalParser;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.ical.ICalTimes;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.Expansion;
import io.convene.convert.recurrence.Occurrence;
import io.convene.convert.recurrence.OccurrenceExpander;
import io.convene.convert.timezone.VTimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: a recurring appointment (random Outlook-shaped series with exceptions, seeded)
 * converted by the calendar converter to iCalendar; the instances ical4j expands from the VEVENT's
 * RRULE, EXDATEs and overriding VEVENTs, read with the VTIMEZONE the converter wrote, equal the
 * instances {@link OccurrenceExpander} computes from the MAPI blob, over 2010-2019, in zones with
 * DST in either hemisphere and zones whose rules changed (Moscow 2011/2014, Sao Paulo 2019). The
 * test name carries the seed.
 */
class SeriesExpansionPropertyTest {

  private static final List<String> ZONES = List.of(
      "W. Europe Standard Time", "Eastern Standard Time", "AUS Eastern Standard Time", "Pacific SA Standard Time",
      "Russian Standard Time", "E. South America Standard Time", "India Standard Time");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  private final VEventConverter converter = Appointments.converter();
  private final OccurrenceExpander expander = new OccurrenceExpander();

  static Stream<Arguments> cases() {
    return Stream.iterate(0, i -> i + 1).limit(70).map(i -> Arguments.of(ZONES.get(i % ZONES.size()), 0xE2E_0000L + i));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void ical4jExpansionOfTheConvertedVeventEqualsTheMapiExpansion(String windowsZone, long seed) throws Exception {
    ZoneId zone = Appointments.ZONES.zone(windowsZone).orElseThrow();
    OutlookSeries.Master master = new OutlookSeries.Master("Series", "Here", 2, seed % 2 == 0 ? 15 : null);
    AppointmentRecurrencePattern a = new OutlookSeries(seed).next(LocalDate.of(2009, 6, 1), 10, master);
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    ItemContent item = Appointments.series(ids, a, windowsZone, zone, master, "e2e-" + seed + "@example.com");
    String text = converter.toICalendar(item, ids).value();
    // the blob maps losslessly: it does not also travel as X-CONVENE-PROP
    assertThat(text).as("seed %d in %s:\n%s", seed, windowsZone, text).doesNotContain("X-CONVENE-PROP");

    ICalComponent calendar = new ICalParser(ICalLimits.DEFAULT).parse(text);
    ZoneRules vtimezone = VTimeZones.toZoneRules(ical4j(calendar.components("VTIMEZONE").get(0)));
    ICalComponent event = null;
    List<ICalComponent> overrides = new ArrayList<>();
    for (ICalComponent c : calendar.components("VEVENT")) {
      if (c.property("RECURRENCE-ID") == null) {
        event = c;
      } else {
        overrides.add(c);
      }
    }
    assertThat(event.property("DTSTART").param("TZID")).isEqualTo(windowsZone);
    ZonedDateTime dtStart = local(event.property("DTSTART"), vtimezone, zone);
    ZonedDateTime dtEnd = local(event.property("DTEND"), vtimezone, zone);
    Recur<ZonedDateTime> rule = new Recur<>(event.property("RRULE").value());
    Set<Instant> skipped = new HashSet<>();
    for (ICalProperty exdate : event.all("EXDATE")) {
      for (String v : exdate.value().split(",")) {
        skipped.add(ICalTimes.instant(v, vtimezone));
      }
    }
    for (ICalComponent o : overrides) {
      skipped.add(local(o.property("RECURRENCE-ID"), vtimezone, zone).toInstant());
    }
    ZonedDateTime from = LocalDate.of(2010, 1, 1).atStartOfDay(zone);
    ZonedDateTime to = LocalDate.of(2020, 1, 1).atStartOfDay(zone);
    long minutes = java.time.Duration.between(dtStart.toLocalDateTime(), dtEnd.toLocalDateTime()).toMinutes();
    List<String> ical = new ArrayList<>();
    for (ZonedDateTime d : rule.getDates(dtStart, from.minusDays(3), to)) {
      Instant start = ICalTimes.instant(LOCAL.format(d.toLocalDateTime()), vtimezone);
      Instant end = ICalTimes.instant(LOCAL.format(d.toLocalDateTime().plusMinutes(minutes)), vtimezone);
      if (!skipped.contains(start) && overlaps(start, end, from.toInstant(), to.toInstant())) {
        ical.add(start + " plain");
      }
    }
    for (ICalComponent o : overrides) {
      Instant start = local(o.property("DTSTART"), vtimezone, zone).toInstant();
      Instant end = local(o.property("DTEND"), vtimezone, zone).toInstant();
      if (overlaps(start, end, from.toInstant(), to.toInstant())) {
        ical.add(start + " moved from " + o.property("RECURRENCE-ID").value());
      }
    }
    Expansion mapi = expander.expand(a, zone, from.toInstant(), to.toInstant());
    assertThat(mapi.complete()).isTrue();
    List<String> expected = new ArrayList<>();
    for (Occurrence o : mapi.occurrences()) {
      expected.add(o.start() + (o.modified() ? " moved from " + LOCAL.format(o.originalStart()) : " plain"));
    }
    assertThat(ical).as("seed %d in %s:\n%s", seed, windowsZone, text).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** A TZID-qualified local time read with the VTIMEZONE's rules, shown in the zone. */
  private static ZonedDateTime local(ICalProperty p, ZoneRules vtimezone, ZoneId zone) {
    return ICalTimes.instant(p.value(), vtimezone).atZone(zone);
  }

  private static boolean overlaps(Instant start, Instant end, Instant from, Instant to) {
    return end.isAfter(start) ? start.isBefore(to) && end.isAfter(from) : !start.isBefore(from) && start.isBefore(to);
  }

  /** The converter's VTIMEZONE as ical4j's component, built without CalendarBuilder. */
  private static VTimeZone ical4j(ICalComponent vtz) {
    List<Observance> observances = new ArrayList<>();
    for (ICalComponent o : vtz.components()) {
      List<net.fortuna.ical4j.model.Property> props = new ArrayList<>();
      for (ICalProperty p : o.properties()) {
        switch (p.name()) {
          case "DTSTART" -> props.add(new DtStart<>(p.value()));
          case "RRULE" -> props.add(new RRule<>(p.value()));
          case "RDATE" -> props.add(new RDate<>(new ParameterList(), p.value()));
          case "TZOFFSETFROM" -> props.add(new TzOffsetFrom(p.value()));
          case "TZOFFSETTO" -> props.add(new TzOffsetTo(p.value()));
          default -> { }
        }
      }
      observances.add(o.name().equals("DAYLIGHT") ? new Daylight(new PropertyList(props)) : new Standard(new PropertyList(props)));
    }
    return new VTimeZone(new PropertyList(List.of(new TzId(vtz.property("TZID").value()))), new ComponentList<>(observances));
  }
}

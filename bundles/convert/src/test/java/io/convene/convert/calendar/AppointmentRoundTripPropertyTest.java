package io.convene.convert.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.PropDef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Random appointments (see {@link RandomAppointments}) exported to iCalendar and imported again
 * keep every mapped field and their attendees. The run's seed is printed on failure; rerun one
 * with {@code -Dconvert.seed=<seed>}.
 */
class AppointmentRoundTripPropertyTest {

  private static final int CASES = 300;

  /** Writes a placeholder VTIMEZONE so that times go out with TZID, as they will with full zone support. */
  private static final TimeZoneSupport WITH_VTIMEZONE = new TimeZoneSupport() {
    @Override
    public Optional<ZoneId> zone(String name) {
      return TimeZoneSupport.IANA_ONLY.zone(name);
    }

    @Override
    public Optional<ICalComponent> vtimezone(ZoneId zone, String tzid, Instant from, Instant to) {
      return Optional.of(new ICalComponent("VTIMEZONE").add(new ICalProperty("TZID", tzid)));
    }
  };

  @Test
  void everyMappedFieldSurvivesUtc() throws Exception {
    run(TimeZoneSupport.IANA_ONLY);
  }

  @Test
  void everyMappedFieldSurvivesWithTzid() throws Exception {
    run(WITH_VTIMEZONE);
  }

  private void run(TimeZoneSupport zones) throws Exception {
    long seed = Long.getLong("convert.seed", System.nanoTime());
    VEventConverter converter = new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE, zones, Clock.systemUTC());
    RandomAppointments generator = new RandomAppointments(seed);
    for (int i = 0; i < CASES; i++) {
      InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
      ItemContent original = generator.next(ids);
      String text = null;
      try {
        text = converter.toICalendar(original, ids).value();
        List<ItemContent> back = converter.fromICalendar(text, ids).value();
        assertThat(back).hasSize(1);
        Bag before = Bag.of(original.properties(), ids);
        Bag after = Bag.of(back.get(0).properties(), ids);
        for (PropDef def : RandomAppointments.MAPPED) {
          assertThat(after.get(def)).as(def.name()).isEqualTo(before.get(def));
        }
        assertThat(back.get(0).recipients()).isEqualTo(original.recipients());
      } catch (AssertionError | Exception e) {
        throw new AssertionError("seed=" + seed + " case " + i + " (rerun with -Dconvert.seed=" + seed + ")\n" + text, e);
      }
    }
  }
}

package io.convene.convert.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.bridge.Appointments;
import io.convene.convert.bridge.SeriesProps;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.PropDef;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    run(new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, Clock.systemUTC()),
        false);
  }

  @Test
  void everyMappedFieldSurvivesWithTzid() throws Exception {
    run(new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE, WITH_VTIMEZONE, Clock.systemUTC()), false);
  }

  /**
   * With recurrence and zones wired as the component wires them: series with exceptions in
   * Windows and IANA zones, whose PidLidAppointmentRecur must map to RRULE/EXDATE/overrides (not
   * travel as X-CONVENE-PROP) and come back byte for byte.
   */
  @Test
  void everyMappedFieldSurvivesWithRecurrenceAndZones() throws Exception {
    run(Appointments.converter(), true);
  }

  private void run(VEventConverter converter, boolean seriesMapped) throws Exception {
    long seed = Long.getLong("convert.seed", System.nanoTime());
    RandomAppointments generator = new RandomAppointments(seed);
    for (int i = 0; i < CASES; i++) {
      InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
      ItemContent original = generator.next(ids);
      String text = null;
      try {
        text = converter.toICalendar(original, ids).value();
        byte[] blob = Bag.of(original.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR);
        if (seriesMapped && blob != null) {
          assertThat(text).contains("RRULE:");
          if (text.contains(";LID=8216;")) {
            // kept as X-CONVENE-PROP only where a local time of the series does not exist
            String zoneName = Bag.of(original.properties(), ids).string(NamedProps.TIME_ZONE_DESCRIPTION);
            ZoneId zone = zoneName == null ? ZoneOffset.UTC : Appointments.ZONES.zone(zoneName).orElseThrow();
            assertThat(Appointments.touchesDstGap(new RecurrenceBlobCodec().decodeAppointment(blob), zone))
                .as("PidLidAppointmentRecur not mapped").isTrue();
          }
        }
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

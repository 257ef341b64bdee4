package io.convene.convert.calendar;

import io.convene.api.convert.ConversionException;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.props.Bag;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The seam to time zone support: naming zones (IANA or Windows names, as TZID parameters and
 * PidLidTimeZoneDescription carry them) and writing VTIMEZONE components. The converters write
 * DTSTART/DTEND with a TZID only when a VTIMEZONE can be written for it, UTC otherwise.
 */
public interface TimeZoneSupport {

  /** The zone a TZID or zone description names, if known. */
  Optional<ZoneId> zone(String name);

  /**
   * A VTIMEZONE whose TZID is {@code tzid}, valid for the instants {@code from} to {@code to}, or
   * empty if this support cannot write one.
   */
  Optional<ICalComponent> vtimezone(ZoneId zone, String tzid, Instant from, Instant to);

  /**
   * The zone an appointment without PidLidTimeZoneDescription names otherwise (e.g. the key name
   * of its PidLidAppointmentTimeZoneDefinition* blobs), if any.
   */
  default Optional<String> zoneNameOf(Bag appointment) throws ConversionException {
    return Optional.empty();
  }

  /** Knows IANA zone ids only and writes no VTIMEZONE: times go out in UTC. */
  TimeZoneSupport IANA_ONLY =
      new TimeZoneSupport() {
        @Override
        public Optional<ZoneId> zone(String name) {
          try {
            return Optional.of(ZoneId.of(name));
          } catch (RuntimeException unknown) {
            return Optional.empty();
          }
        }

        @Override
        public Optional<ICalComponent> vtimezone(ZoneId zone, String tzid, Instant from, Instant to) {
          return Optional.empty();
        }
      };
}

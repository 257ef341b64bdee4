package io.convene.convert.calendar;

import io.convene.api.convert.ConversionException;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seam to recurrence support: PidLidAppointmentRecur and its exceptions to and from RRULE,
 * RDATE, EXDATE and overriding VEVENTs (MS-OXCICAL 2.1.3.1.1.20.x). What an implementation does
 * not claim is kept by the calendar converter generically (the blob as {@code X-CONVENE-PROP},
 * RRULE and overrides as preserved iCalendar text), so nothing is lost without one.
 */
public interface RecurrenceSupport {

  /** The VEVENT properties of a series master this support reads (e.g. RRULE, EXDATE). */
  Set<String> eventProperties();

  /** The appointment properties this support writes and reads. */
  List<PropDef> appointmentProperties();

  /**
   * Writes the appointment's recurrence onto the master VEVENT and appends overriding VEVENTs
   * (with RECURRENCE-ID) to {@code overrides}.
   */
  void export(Bag appointment, ICalComponent master, List<ICalComponent> overrides, ZoneId zone)
      throws ConversionException;

  /**
   * As {@link #export(Bag, ICalComponent, List, ZoneId)}, given the VEVENTs converted from the
   * item's exception attachments (MS-OXOCAL 2.2.10), by the instance each replaces: a support that
   * writes the override of such an instance writes that event (with the master's UID and the
   * RECURRENCE-ID) and removes it from the map; what is left was not written.
   */
  default void export(Bag appointment, ICalComponent master, List<ICalComponent> overrides, ZoneId zone,
      Map<Instant, ICalComponent> exceptionEvents) throws ConversionException {
    export(appointment, master, overrides, zone);
  }

  /**
   * Reads a series into the appointment.
   *
   * @return the overrides it did not take, which the converter keeps generically
   */
  List<ICalComponent> importSeries(
      ICalComponent master, List<ICalComponent> overrides, Bag appointment, ZoneId zone)
      throws ConversionException;

  /** Maps nothing: everything about recurrence is kept generically. */
  RecurrenceSupport NONE =
      new RecurrenceSupport() {
        @Override
        public Set<String> eventProperties() {
          return Set.of();
        }

        @Override
        public List<PropDef> appointmentProperties() {
          return List.of();
        }

        @Override
        public void export(Bag appointment, ICalComponent master, List<ICalComponent> overrides, ZoneId zone) {}

        @Override
        public List<ICalComponent> importSeries(
            ICalComponent master, List<ICalComponent> overrides, Bag appointment, ZoneId zone) {
          return overrides;
        }
      };
}

package io.convene.convert.recurrence;

import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Recur;

/**
 * A recurring series as iCalendar states it (RFC 5545 3.8.5): the master's DTSTART and DTEND,
 * its RRULE and EXDATEs, and one override per modified instance (a VEVENT with RECURRENCE-ID).
 *
 * @param dtStart DTSTART of the master, in the series' zone
 * @param dtEnd DTEND of the master
 * @param rrule the rule, with UNTIL in UTC
 * @param exDates the original starts of deleted instances
 * @param overrides the modified instances, by original start
 */
public record ICalendarRecurrence(
    ZonedDateTime dtStart,
    ZonedDateTime dtEnd,
    Recur<ZonedDateTime> rrule,
    List<ZonedDateTime> exDates,
    List<Override> overrides) {

  public ICalendarRecurrence {
    exDates = List.copyOf(exDates);
    overrides = List.copyOf(overrides);
  }

  /**
   * A modified instance.
   *
   * @param recurrenceId RECURRENCE-ID: the original start
   * @param start DTSTART of the instance
   * @param end DTEND of the instance
   * @param subject SUMMARY when the instance overrides it, else null
   * @param location LOCATION when the instance overrides it, else null
   * @param exception the MAPI overrides (busy status, reminder, ...) for the VEVENT converter, or
   *     null when the override comes from iCalendar
   */
  public record Override(
      ZonedDateTime recurrenceId,
      ZonedDateTime start,
      ZonedDateTime end,
      String subject,
      String location,
      ExceptionInfo exception) {}
}

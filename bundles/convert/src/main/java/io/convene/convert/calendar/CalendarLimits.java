package io.convene.convert.calendar;

import io.convene.convert.ical.ICalLimits;

/**
 * Limits of the calendar and task converters: the iCalendar input bounds and the largest number
 * of attendees an exported item may carry.
 *
 * @param input bounds on parsed iCalendar text
 * @param maxRecipients recipient rows an exported item may have
 */
public record CalendarLimits(ICalLimits input, int maxRecipients) {

  public static final CalendarLimits DEFAULT = new CalendarLimits(ICalLimits.DEFAULT, 1000);
}

/**
 * Recurring appointments: the RecurrencePattern and AppointmentRecurrencePattern blobs of
 * PidLidAppointmentRecur (MS-OXOCAL 2.2.1.44) as immutable values with a strict, bounded codec;
 * expansion of a series into instances in a time range, DST-correct and bounded; and the mapping
 * to and from iCalendar RRULE, EXDATE, RDATE and RECURRENCE-ID (MS-OXCICAL 2.1.3.2.2).
 * Private to the convert bundle.
 */
package io.convene.convert.recurrence;

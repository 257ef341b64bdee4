/**
 * Appointments and meeting messages (MS-OXOCAL) over a property bag, and their conversion to and
 * from VEVENT and iTIP (MS-OXCICAL, RFC 5545, RFC 5546). Recurrence and time zone definitions
 * come in through {@link io.convene.convert.calendar.RecurrenceSupport} and {@link
 * io.convene.convert.calendar.TimeZoneSupport}.
 */
package io.convene.convert.calendar;

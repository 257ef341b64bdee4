/**
 * Adapters that plug the recurrence and time zone code ({@code recurrence}, {@code timezone}) into
 * the calendar converter's seams ({@code calendar.RecurrenceSupport}, {@code
 * calendar.TimeZoneSupport}). Private to the convert bundle.
 */
package io.convene.convert.bridge;

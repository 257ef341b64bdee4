/**
 * Time zones of appointments: the PidLidTimeZoneStruct and TimeZoneDefinition blobs
 * (MS-OXOCAL 2.2.1.39-2.2.1.42), their conversion to and from {@link java.time.zone.ZoneRules}
 * and iCalendar VTIMEZONE (ical4j), and Windows time zone names to and from IANA ids (CLDR
 * windowsZones data). Private to the convert bundle.
 */
package io.convene.convert.timezone;

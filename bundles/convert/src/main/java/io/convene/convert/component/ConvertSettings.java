package io.convene.convert.component;

import io.convene.convert.calendar.CalendarLimits;
import io.convene.convert.contact.VCardLimits;
import io.convene.convert.ical.ICalLimits;

/** Validates a {@link ConvertLimitsConfig} in one place; errors name the PID and the property. */
final class ConvertSettings {

  private ConvertSettings() {}

  static CalendarLimits calendar(ConvertLimitsConfig c) {
    ICalLimits input = new ICalLimits(
        atLeast(c.icalendar_max_chars(), 1024, "icalendar.max.chars"),
        atLeast(c.icalendar_max_components(), 2, "icalendar.max.components"),
        atLeast(c.icalendar_max_properties(), 10, "icalendar.max.properties"),
        4,
        atLeast(c.max_attendees(), 1, "max.attendees"));
    return new CalendarLimits(input, c.max_attendees());
  }

  static VCardLimits vcard(ConvertLimitsConfig c) {
    return new VCardLimits(
        atLeast(c.vcard_max_chars(), 1024, "vcard.max.chars"),
        atLeast(c.vcard_max_cards(), 1, "vcard.max.cards"),
        atLeast(c.vcard_max_properties(), 10, "vcard.max.properties"),
        atLeast(c.vcard_max_photo_bytes(), 1024, "vcard.max.photo.bytes"));
  }

  private static int atLeast(int value, int min, String property) {
    if (value < min) {
      throw new IllegalArgumentException(
          ConvertLimitsConfig.PID + ": " + property + " must be at least " + min + ", is " + value);
    }
    return value;
  }
}

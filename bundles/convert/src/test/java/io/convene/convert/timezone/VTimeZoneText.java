package io.convene.convert.timezone;

import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * Reads the VTIMEZONE of an unfolded iCalendar text into ical4j components without ical4j's
 * CalendarBuilder, which computes zone rules for every VTIMEZONE it reads (slow for long
 * histories, and unbounded for a hostile RRULE).
 */
final class VTimeZoneText {

  private VTimeZoneText() {}

  static VTimeZone parse(String ics) throws Exception {
    String tzid = null;
    List<Observance> observances = new ArrayList<>();
    List<Property> props = null;
    for (String line : ics.split("\r?\n")) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      switch (name) {
        case "TZID" -> tzid = value;
        case "BEGIN" -> props = value.equals("STANDARD") || value.equals("DAYLIGHT") ? new ArrayList<>() : props;
        case "END" -> {
          if (value.equals("STANDARD")) {
            observances.add(new Standard(new PropertyList(props)));
          } else if (value.equals("DAYLIGHT")) {
            observances.add(new Daylight(new PropertyList(props)));
          }
        }
        case "DTSTART" -> props.add(new DtStart<>(value));
        case "RRULE" -> props.add(new RRule<>(value));
        case "RDATE" -> props.add(new RDate<>(new ParameterList(), value));
        case "TZOFFSETFROM" -> props.add(new TzOffsetFrom(value));
        case "TZOFFSETTO" -> props.add(new TzOffsetTo(value));
        default -> { }
      }
    }
    return new VTimeZone(new PropertyList(List.of(new TzId(tzid))), new ComponentList<>(observances));
  }
}

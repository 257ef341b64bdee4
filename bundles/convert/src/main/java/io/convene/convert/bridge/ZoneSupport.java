package io.convene.convert.bridge;

import io.convene.api.convert.ConversionException;
import io.convene.convert.binary.BlobFormatException;
import io.convene.convert.calendar.TimeZoneSupport;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import io.convene.convert.timezone.TimeZoneBlobCodec;
import io.convene.convert.timezone.VTimeZones;
import io.convene.convert.timezone.WindowsZones;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zone names are IANA ids or Windows zone names (as Outlook writes TZID and
 * PidLidTimeZoneDescription key names); VTIMEZONEs are written from java.time's rules for the
 * years of the item, with yearly RRULE observances that carry on after them. Thread-safe.
 */
public final class ZoneSupport implements TimeZoneSupport {

  private static final int YEARS_AHEAD = 30;
  private static final int MAX_CACHED = 512;
  private static final int MAX_REMEMBERED_NAME = 128;

  private final WindowsZones windowsZones;
  private final TimeZoneBlobCodec blobs = new TimeZoneBlobCodec();
  /** VTIMEZONEs already built (ical4j's model is slow to build: about a millisecond each). */
  private final Map<String, ICalComponent> written = new ConcurrentHashMap<>();

  /**
   * Zones by the names asked for: a Windows name (what Outlook items carry) first failed {@code
   * ZoneId.of}, and the exception it threw, with its stack trace, took 1.5 us on every call, more
   * than the rest of reading an item's times.
   */
  private final Map<String, Optional<ZoneId>> zones = new ConcurrentHashMap<>();

  public ZoneSupport(WindowsZones windowsZones) {
    this.windowsZones = windowsZones;
  }

  @Override
  public Optional<ZoneId> zone(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    Optional<ZoneId> known = zones.get(name);
    if (known != null) {
      return known;
    }
    Optional<ZoneId> zone = resolve(name);
    if (name.length() > MAX_REMEMBERED_NAME) {
      return zone; // real names are short; a long one would only hold memory
    }
    if (zones.size() >= MAX_CACHED) {
      zones.clear(); // names come from stored items: a few dozen at most, a crafted flood only churns
    }
    zones.put(name, zone);
    return zone;
  }

  /** Number of zone names remembered, for tests. */
  int zonesRemembered() {
    return zones.size();
  }

  private Optional<ZoneId> resolve(String name) {
    try {
      return Optional.of(ZoneId.of(name.trim()));
    } catch (DateTimeException notIana) {
      return windowsZones.ianaId(name.trim()).flatMap(ZoneSupport::known);
    }
  }

  private static Optional<ZoneId> known(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** No VTIMEZONE for UTC: its times go out with a {@code Z}. */
  @Override
  public Optional<ICalComponent> vtimezone(ZoneId zone, String tzid, Instant from, Instant to) {
    if (zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
      return Optional.empty();
    }
    // the converter passes the first instance only; a series can run for decades, and a VTIMEZONE
    // whose last rule recurs for ever would carry a rule the zone dropped (Moscow 2011, Sao Paulo
    // 2019) into those years, so the rules are stated for a generation ahead
    int fromYear = from.atZone(ZoneOffset.UTC).getYear() - 1;
    int toYear = Math.max(fromYear + YEARS_AHEAD, (to == null ? from : to).atZone(ZoneOffset.UTC).getYear() + 1);
    String key = zone.getId() + '\n' + tzid + '\n' + fromYear + '\n' + toYear;
    ICalComponent template = written.get(key);
    if (template == null) {
      template = ICal4jComponents.of(VTimeZones.toVTimeZone(tzid, zone.getRules(), fromYear, toYear));
      if (written.size() >= MAX_CACHED) {
        written.clear(); // TZIDs come from stored items: a handful per mailbox, a crafted flood only churns
      }
      written.put(key, template);
    }
    return Optional.of(copy(template));
  }

  /** The converter owns what it is given; the cached template stays untouched. */
  private static ICalComponent copy(ICalComponent c) {
    ICalComponent out = new ICalComponent(c.name());
    for (ICalProperty p : c.properties()) {
      out.add(new ICalProperty(p.name(), p.params(), p.value()));
    }
    for (ICalComponent sub : c.components()) {
      out.add(copy(sub));
    }
    return out;
  }

  /**
   * The key name of the appointment's TimeZoneDefinition (StartDisplay, else Recur) when it names
   * a zone this support knows: Outlook identifies zones by their Windows key names.
   */
  @Override
  public Optional<String> zoneNameOf(Bag appointment) throws ConversionException {
    for (PropDef def : List.of(SeriesProps.TZ_DEFINITION_START_DISPLAY, SeriesProps.TZ_DEFINITION_RECUR)) {
      byte[] blob = appointment.bytes(def);
      if (blob == null) {
        continue;
      }
      try {
        String key = blobs.decodeDefinition(blob).keyName();
        if (zone(key).isPresent()) {
          return Optional.of(key);
        }
      } catch (BlobFormatException unreadable) {
        // kept as X-CONVENE-PROP; the times go out in UTC
      }
    }
    return Optional.empty();
  }

  /** The Windows name of a zone, for TimeZoneDefinition.KeyName; else its id. */
  String keyName(ZoneId zone) {
    return windowsZones.windowsName(zone.getId()).orElse(zone.getId());
  }
}

package io.convene.convert.bridge;

import static io.convene.convert.bridge.SeriesProps.TIME_ZONE_STRUCT;
import static io.convene.convert.bridge.SeriesProps.TZ_DEFINITION_END_DISPLAY;
import static io.convene.convert.bridge.SeriesProps.TZ_DEFINITION_RECUR;
import static io.convene.convert.bridge.SeriesProps.TZ_DEFINITION_START_DISPLAY;

import io.convene.api.convert.ConversionException;
import io.convene.convert.props.Bag;
import io.convene.convert.timezone.TimeZoneBlobCodec;
import io.convene.convert.timezone.TimeZoneDefinition;
import io.convene.convert.timezone.WindowsZoneRules;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The zone properties Outlook keeps beside the times (MS-OXOCAL 2.2.1.39-2.2.1.42): for every
 * timed appointment PidLidAppointmentTimeZoneDefinitionStartDisplay/EndDisplay, for a series also
 * PidLidTimeZoneStruct and PidLidAppointmentTimeZoneDefinitionRecur, each stating the rule of the
 * start's year under the zone's Windows name. Import writes them from the TZID's zone; export
 * consumes them only when they hold exactly that, so hand-made definitions travel as they are.
 */
final class ZoneBlobs {

  private final ZoneSupport zones;
  private final TimeZoneBlobCodec codec = new TimeZoneBlobCodec();

  ZoneBlobs(ZoneSupport zones) {
    this.zones = zones;
  }

  void put(Bag bag, ZoneId zone, Instant start, boolean recurring) throws ConversionException {
    for (Map.Entry<io.convene.convert.props.PropDef, byte[]> e : blobs(zone, start, recurring).entrySet()) {
      bag.put(e.getKey(), e.getValue());
    }
  }

  void consume(Bag bag, ZoneId zone, Instant start, boolean recurring) throws ConversionException {
    for (Map.Entry<io.convene.convert.props.PropDef, byte[]> e : blobs(zone, start, recurring).entrySet()) {
      bag.consumeIfEquals(e.getKey(), e.getValue());
    }
  }

  private Map<io.convene.convert.props.PropDef, byte[]> blobs(ZoneId zone, Instant start, boolean recurring) {
    Map<io.convene.convert.props.PropDef, byte[]> out = new LinkedHashMap<>();
    if (start == null || zone.normalized() instanceof ZoneOffset) {
      return out; // UTC or a fixed offset: Outlook writes no definition for these times
    }
    try {
      int year = start.atZone(zone).getYear();
      String key = zones.keyName(zone);
      TimeZoneDefinition display = WindowsZoneRules.toDefinition(key, zone.getRules(), year, year, year, false);
      out.put(TZ_DEFINITION_START_DISPLAY, codec.encode(display));
      out.put(TZ_DEFINITION_END_DISPLAY, codec.encode(display));
      if (recurring) {
        out.put(TIME_ZONE_STRUCT, codec.encode(WindowsZoneRules.toStruct(zone.getRules(), year)));
        out.put(TZ_DEFINITION_RECUR,
            codec.encode(WindowsZoneRules.toDefinition(key, zone.getRules(), year, year, year, true)));
      }
    } catch (IllegalArgumentException | DateTimeException notWindowsShaped) {
      // a zone whose year has no Windows-style rule (e.g. three changes in a year): no blobs
      out.clear();
    }
    return out;
  }
}

package io.convene.convert.component;

import io.convene.api.convert.CalendarConverter;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.convert.bridge.SeriesSupport;
import io.convene.convert.bridge.ZoneSupport;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.recurrence.RecurrenceLimits;
import io.convene.convert.timezone.WindowsZones;
import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CalendarConverter} service, with recurrence ({@link SeriesSupport}) and time zones
 * ({@link ZoneSupport}: IANA and Windows names, VTIMEZONE) wired in; a configuration change that
 * fails validation keeps the previous limits.
 */
@Component(configurationPid = ConvertLimitsConfig.PID, service = CalendarConverter.class)
@Designate(ocd = ConvertLimitsConfig.class)
public final class CalendarConverterComponent implements CalendarConverter {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConverterComponent.class);

  private volatile VEventConverter converter;

  @Activate
  public CalendarConverterComponent(ConvertLimitsConfig config) {
    this.converter = build(config);
  }

  @Modified
  void modified(ConvertLimitsConfig config) {
    try {
      converter = build(config);
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration rejected, keeping the previous limits: {}", e.getMessage());
    }
  }

  private static VEventConverter build(ConvertLimitsConfig config) {
    ZoneSupport zones = new ZoneSupport(WindowsZones.load());
    return new VEventConverter(ConvertSettings.calendar(config), new SeriesSupport(zones, RecurrenceLimits.DEFAULT),
        zones, Clock.systemUTC());
  }

  @Override
  public ConversionResult<String> toICalendar(ItemContent item, NamedPropertyIds ids) throws ConversionException {
    return converter.toICalendar(item, ids);
  }

  @Override
  public ConversionResult<List<ItemContent>> fromICalendar(String icalendar, NamedPropertyIds ids)
      throws ConversionException {
    return converter.fromICalendar(icalendar, ids);
  }
}

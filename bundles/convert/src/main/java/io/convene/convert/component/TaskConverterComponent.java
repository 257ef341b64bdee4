package io.convene.convert.component;

import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.convert.TaskConverter;
import io.convene.convert.task.VTodoConverter;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TaskConverter} service; limits from {@link ConvertLimitsConfig}. */
@Component(configurationPid = ConvertLimitsConfig.PID, service = TaskConverter.class)
public final class TaskConverterComponent implements TaskConverter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskConverterComponent.class);

  private volatile VTodoConverter converter;

  @Activate
  public TaskConverterComponent(ConvertLimitsConfig config) {
    this.converter = new VTodoConverter(ConvertSettings.calendar(config).input());
  }

  @Modified
  void modified(ConvertLimitsConfig config) {
    try {
      converter = new VTodoConverter(ConvertSettings.calendar(config).input());
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration rejected, keeping the previous limits: {}", e.getMessage());
    }
  }

  @Override
  public ConversionResult<String> toICalendar(ItemContent task, NamedPropertyIds ids) throws ConversionException {
    return converter.toICalendar(task, ids);
  }

  @Override
  public ConversionResult<List<ItemContent>> fromICalendar(String icalendar, NamedPropertyIds ids)
      throws ConversionException {
    return converter.fromICalendar(icalendar, ids);
  }
}

package io.convene.convert.bridge;

import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VTimeZone;

/** ical4j components (as {@code timezone.VTimeZones} builds them) into the converter's own model. */
final class ICal4jComponents {

  private ICal4jComponents() {}

  static ICalComponent of(VTimeZone vtz) {
    ICalComponent out = copyProperties(vtz);
    for (Component observance : vtz.getObservances()) {
      out.add(copyProperties(observance));
    }
    return out;
  }

  private static ICalComponent copyProperties(Component c) {
    ICalComponent out = new ICalComponent(c.getName());
    for (Property p : c.getProperties()) {
      Map<String, String> params = new LinkedHashMap<>();
      for (Parameter param : p.getParameters()) {
        params.put(param.getName(), param.getValue());
      }
      out.add(new ICalProperty(p.getName(), params, p.getValue()));
    }
    return out;
  }
}

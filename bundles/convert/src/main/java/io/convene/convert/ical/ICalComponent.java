package io.convene.convert.ical;

import java.util.ArrayList;
import java.util.List;

/** A component (VCALENDAR, VEVENT, VALARM...): its properties in order and its sub-components. */
public final class ICalComponent {

  private final String name;
  private final List<ICalProperty> properties;
  private final List<ICalComponent> components = new ArrayList<>(4);

  public ICalComponent(String name) {
    this.name = ICalProperty.upper(name);
    // a VEVENT or VTODO has a few dozen properties: sized so the list is not copied three times
    this.properties = new ArrayList<>(this.name.equals("VEVENT") || this.name.equals("VTODO") ? 32 : 8);
  }

  public String name() {
    return name;
  }

  public List<ICalProperty> properties() {
    return properties;
  }

  public List<ICalComponent> components() {
    return components;
  }

  public ICalComponent add(ICalProperty property) {
    properties.add(property);
    return this;
  }

  public ICalComponent add(ICalComponent component) {
    components.add(component);
    return this;
  }

  /** The first property with this name, or {@code null}. */
  public ICalProperty property(String propertyName) {
    // by index: an iterator per look-up, dozens per import, showed in allocation profiles
    for (int i = 0; i < properties.size(); i++) {
      ICalProperty p = properties.get(i);
      if (p.name().equals(propertyName)) {
        return p;
      }
    }
    return null;
  }

  /** How many properties have this name. */
  public int count(String propertyName) {
    int n = 0;
    for (ICalProperty p : properties) {
      if (p.name().equals(propertyName)) {
        n++;
      }
    }
    return n;
  }

  /** All properties with this name. */
  public List<ICalProperty> all(String propertyName) {
    List<ICalProperty> found = new ArrayList<>();
    for (ICalProperty p : properties) {
      if (p.name().equals(propertyName)) {
        found.add(p);
      }
    }
    return found;
  }

  /** The sub-components with this name. */
  public List<ICalComponent> components(String componentName) {
    List<ICalComponent> found = new ArrayList<>();
    for (ICalComponent c : components) {
      if (c.name().equals(componentName)) {
        found.add(c);
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return ICalWriter.write(this);
  }
}

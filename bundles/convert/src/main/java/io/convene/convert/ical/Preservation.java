package io.convene.convert.ical;

import io.convene.api.convert.ConversionException;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.convert.props.Bag;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.PreservedProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps what a mapping does not cover, in both directions (MS-OXCICAL leaves such data behind;
 * Convene does not):
 *
 * <ul>
 *   <li>iCalendar properties and sub-components without a MAPI counterpart become named
 *       properties of {@link NamedProps#PSETID_CONVENE_INTERNET}, named {@code VEVENT:X-FOO}
 *       (the content lines) or {@code VEVENT/VLOCATION} (the components' text), multi-valued
 *       strings in input order;
 *   <li>MAPI properties no iCalendar property carries become {@code X-CONVENE-PROP}.
 * </ul>
 */
public final class Preservation {

  private static final ICalParser FRAGMENT_PARSER = new ICalParser(new ICalLimits(1 << 20, 64, 4096, 4, 1000));

  private Preservation() {}

  /**
   * Writes the bag's unconsumed properties onto the component: kept iCalendar text back as it
   * was, everything else as {@code X-CONVENE-PROP}.
   */
  public static void export(Bag bag, ICalComponent target, ICalComponent parent, List<String> warnings)
      throws ConversionException {
    for (Map.Entry<PropTag, PropValue> e : bag.unconsumed().entrySet()) {
      PropValue value = e.getValue();
      if (e.getKey().isNamed()) {
        NamedProperty name = bag.nameOf(e.getKey().id());
        if (name != null
            && NamedProps.PSETID_CONVENE_INTERNET.equals(name.propertySet())
            && !name.isLid()
            && value.type() == PropType.PT_MV_UNICODE
            && restoreText(name.name(), value, target, parent, warnings)) {
          continue;
        }
      }
      Map<String, String> params = PreservedProperty.parameters(value, bag);
      if (params == null) {
        warnings.add("property " + e.getKey() + " has no named-property mapping; not exported");
        continue;
      }
      target.add(new ICalProperty(PreservedProperty.NAME, params, PreservedProperty.value(value)));
    }
  }

  private static boolean restoreText(
      String name, PropValue value, ICalComponent target, ICalComponent parent, List<String> warnings) {
    boolean property = name.startsWith(target.name() + ":");
    boolean component = name.startsWith(target.name() + "/");
    boolean sibling = parent != null && name.startsWith(parent.name() + "/");
    if (!property && !component && !sibling) {
      return false;
    }
    if (sibling) {
      target = parent;
      component = true;
    }
    ICalComponent into = target;
    for (Object element : value.asList()) {
      String text = (String) element;
      try {
        ICalComponent wrapper = parseFragment(property ? text : null, component ? text : null);
        if (property) {
          into.properties().addAll(wrapper.properties());
        } else {
          into.components().addAll(wrapper.components());
        }
      } catch (ConversionException bad) {
        warnings.add("kept iCalendar text " + name + " no longer parses: " + bad.getMessage());
      }
    }
    return true;
  }

  // Kept text is re-parsed, never pasted: a MAPI client may have written anything into it.
  private static ICalComponent parseFragment(String line, String componentText) throws ConversionException {
    String body = line != null ? line.replace("\r", "").replace("\n", "") + "\r\n" : componentText;
    ICalComponent root = FRAGMENT_PARSER.parse("BEGIN:VCALENDAR\r\nBEGIN:X-WRAP\r\n" + body + "END:X-WRAP\r\nEND:VCALENDAR\r\n");
    return root.components().get(0);
  }

  /**
   * Keeps sibling components (e.g. overrides no recurrence support took) on the item, under
   * {@code <parent>/<name>}.
   */
  public static void importSiblings(String parentName, List<ICalComponent> siblings, Bag bag)
      throws ConversionException {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (ICalComponent c : siblings) {
      kept.computeIfAbsent(parentName + "/" + c.name(), k -> new ArrayList<>()).add(ICalWriter.write(c));
    }
    putKept(kept, bag);
  }

  private static void putKept(Map<String, List<String>> kept, Bag bag) throws ConversionException {
    for (Map.Entry<String, List<String>> e : kept.entrySet()) {
      int id = bag.idOf(NamedProperty.ofName(NamedProps.PSETID_CONVENE_INTERNET, e.getKey()), true);
      PropTag tag = new PropTag(id, PropType.PT_MV_UNICODE);
      bag.put(PropValue.of(tag, e.getValue()));
    }
  }

  /**
   * Keeps the component's properties whose names are not in {@code mapped} and its sub-components
   * not in {@code mappedComponents} ({@code X-CONVENE-PROP}s are applied by {@link
   * #restoreConveneProps}).
   */
  public static void importUnmapped(
      ICalComponent source, Set<String> mapped, Set<ICalComponent> mappedComponents, Bag bag, List<String> warnings)
      throws ConversionException {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (ICalProperty p : source.properties()) {
      if (mapped.contains(p.name()) || PreservedProperty.NAME.equals(p.name())) {
        continue;
      }
      kept.computeIfAbsent(source.name() + ":" + p.name(), k -> new ArrayList<>()).add(ICalWriter.line(p));
    }
    for (ICalComponent child : source.components()) {
      if (!mappedComponents.contains(child)) {
        kept.computeIfAbsent(source.name() + "/" + child.name(), k -> new ArrayList<>()).add(ICalWriter.write(child));
      }
    }
    putKept(kept, bag);
  }

  /**
   * Applies the component's {@code X-CONVENE-PROP}s to the bag.
   *
   * @return the values applied, so that a caller can apply them again after its mapped fields
   */
  public static List<PropValue> restoreConveneProps(ICalComponent source, Bag bag, List<String> warnings)
      throws ConversionException {
    List<PropValue> restored = new ArrayList<>();
    for (ICalProperty p : source.properties()) {
      if (!PreservedProperty.NAME.equals(p.name())) {
        continue;
      }
      try {
        restored.add(PreservedProperty.restore(p::param, p.value(), bag));
      } catch (IllegalArgumentException bad) {
        warnings.add("ignored malformed " + PreservedProperty.NAME + ": " + bad.getMessage());
      }
    }
    return restored;
  }
}

package io.convene.convert.testing;

import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test helpers: reading a converted item's properties by definition, loading resources. */
public final class Items {

  private Items() {}

  /** The value of a property of an item, or {@code null}. */
  public static Object get(ItemContent item, NamedPropertyIds ids, PropDef def) {
    try {
      return Bag.of(item.properties(), ids).get(def).map(PropValue::value).orElse(null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A recipient row's value, or {@code null}. */
  public static Object row(Map<PropTag, PropValue> row, PropDef def) {
    PropValue v = row.get(new PropTag(def.id(), def.type()));
    return v == null ? null : v.value();
  }

  public static String resource(Class<?> near, String name) {
    try (InputStream in = near.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.convene.mapi.rop.table;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An item's properties with a few table columns laid over them, as one read-only map, without
 * copying the item's map: a contents page of 50 rows copied every item's properties twice (into
 * a {@code HashMap} to add the columns, then into an immutable map), the largest cost of turning
 * store items into rows. A column present in both maps takes the overlay's value.
 */
final class OverlaidProperties extends AbstractMap<PropTag, PropValue> {

  private final Map<PropTag, PropValue> base;
  private final Map<PropTag, PropValue> overlay;

  /** Both maps must not change afterwards (the store's items and {@code Map.of} maps do not). */
  OverlaidProperties(Map<PropTag, PropValue> base, Map<PropTag, PropValue> overlay) {
    this.base = base;
    this.overlay = overlay;
  }

  /** {@code base} with {@code columns} laid over it, each under its own tag. */
  static OverlaidProperties over(Map<PropTag, PropValue> base, List<PropValue> columns) {
    Map<PropTag, PropValue> overlay = new HashMap<>(columns.size() * 2);
    for (PropValue column : columns) {
      overlay.put(column.tag(), column);
    }
    return new OverlaidProperties(base, Map.copyOf(overlay));
  }

  @Override
  public PropValue get(Object key) {
    PropValue value = overlay.get(key);
    return value != null ? value : base.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return overlay.containsKey(key) || base.containsKey(key);
  }

  @Override
  public Set<Map.Entry<PropTag, PropValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<PropTag, PropValue>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        int size = overlay.size();
        for (PropTag tag : base.keySet()) {
          if (!overlay.containsKey(tag)) {
            size++;
          }
        }
        return size;
      }
    };
  }

  /** The overlay's entries, then the base's that the overlay does not replace. */
  private final class Entries implements Iterator<Map.Entry<PropTag, PropValue>> {
    private final Iterator<Map.Entry<PropTag, PropValue>> overlayEntries = overlay.entrySet().iterator();
    private final Iterator<Map.Entry<PropTag, PropValue>> baseEntries = base.entrySet().iterator();
    private Map.Entry<PropTag, PropValue> next = advance();

    private Map.Entry<PropTag, PropValue> advance() {
      if (overlayEntries.hasNext()) {
        return overlayEntries.next();
      }
      while (baseEntries.hasNext()) {
        Map.Entry<PropTag, PropValue> entry = baseEntries.next();
        if (!overlay.containsKey(entry.getKey())) {
          return entry;
        }
      }
      return null;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map.Entry<PropTag, PropValue> next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Map.Entry<PropTag, PropValue> current = next;
      next = advance();
      return current;
    }
  }
}

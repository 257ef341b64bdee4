package io.convene.convert.props;

import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A named-property mapping held in memory, ids handed out from {@code 0x8000} up: for
 * conversions outside a mailbox (an iMIP message being inspected, benchmarks, tests). Thread-safe;
 * look-ups take no lock (converters on several threads look up the same few dozen names per
 * item, and a {@code synchronized} map made them queue), only mapping a new name does.
 */
public final class InMemoryNamedPropertyIds implements NamedPropertyIds {

  private final ConcurrentHashMap<NamedProperty, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<NamedProperty> names =
      new AtomicReferenceArray<>(PropTag.LAST_NAMED_ID - PropTag.FIRST_NAMED_ID + 1);
  private int next = PropTag.FIRST_NAMED_ID; // guarded by this

  @Override
  public int id(NamedProperty property, boolean create) throws StoreException {
    Integer id = ids.get(property);
    if (id != null) {
      return id;
    }
    return create ? create(property) : UNMAPPED;
  }

  private synchronized int create(NamedProperty property) throws StoreException {
    Integer raced = ids.get(property);
    if (raced != null) {
      return raced;
    }
    if (next > PropTag.LAST_NAMED_ID) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "named property ids exhausted");
    }
    int id = next++;
    // the name first: whoever reads the id from the map can then resolve it back
    names.set(id - PropTag.FIRST_NAMED_ID, property);
    ids.put(property, id);
    return id;
  }

  @Override
  public NamedProperty property(int id) {
    int index = id - PropTag.FIRST_NAMED_ID;
    return index >= 0 && index < names.length() ? names.get(index) : null;
  }
}

package io.convene.convert.props;

import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A named-property mapping held in memory, ids handed out from {@code 0x8000} up: for
 * conversions outside a mailbox (an iMIP message being inspected, benchmarks, tests). Thread-safe.
 */
public final class InMemoryNamedPropertyIds implements NamedPropertyIds {

  private final Map<NamedProperty, Integer> ids = new HashMap<>();
  private final List<NamedProperty> names = new ArrayList<>();

  @Override
  public synchronized int id(NamedProperty property, boolean create) throws StoreException {
    Integer id = ids.get(property);
    if (id != null) {
      return id;
    }
    if (!create) {
      return UNMAPPED;
    }
    int next = PropTag.FIRST_NAMED_ID + names.size();
    if (next > PropTag.LAST_NAMED_ID) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "named property ids exhausted");
    }
    ids.put(property, next);
    names.add(property);
    return next;
  }

  @Override
  public synchronized NamedProperty property(int id) {
    int index = id - PropTag.FIRST_NAMED_ID;
    return index >= 0 && index < names.size() ? names.get(index) : null;
  }
}

package io.convene.mapi.rop.table;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.util.Map;

/**
 * One row of a table: the key that identifies it while the table lives (the message id of a
 * contents row, the folder id of a hierarchy row, the member id of a permissions row) and its
 * values, computed columns included.
 */
public record TableRow(long key, Map<PropTag, PropValue> values) {

  public TableRow {
    // a contents row's overlay is read-only over the store's immutable item already
    values = values instanceof OverlaidProperties ? values : Map.copyOf(values);
  }
}

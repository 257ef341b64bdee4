package io.convene.storage.derby.store;

import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import java.util.Optional;

/**
 * Whether a plain sort orders a folder's items exactly as their MESSAGE_ID column does, so that
 * SQL can page them over the folder's id index instead of sorting decoded bags. That holds for no
 * keys (the final key, PidTagMid, alone) and for a first key on PidTagMid: every item's bag holds
 * its id as that PT_I8 value (ItemWriter), compared as a signed long like the BIGINT column, and
 * ids are unique, so later keys never decide.
 */
final class IdOrder {

  private IdOrder() {}

  /** The direction of the id order {@code sort} amounts to, or empty if it is another order. */
  static Optional<SortOrder.Direction> of(SortOrderSet sort) {
    if (sort.isCategorized()) {
      return Optional.empty();
    }
    if (sort.sorts().isEmpty()) {
      return Optional.of(SortOrder.Direction.ASCENDING);
    }
    SortOrder first = sort.sorts().get(0);
    boolean plain = first.direction() == SortOrder.Direction.ASCENDING || first.direction() == SortOrder.Direction.DESCENDING;
    return first.tag().equals(Tags.MID) && plain ? Optional.of(first.direction()) : Optional.empty();
  }
}

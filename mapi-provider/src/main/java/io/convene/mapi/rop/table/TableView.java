package io.convene.mapi.rop.table;

import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrderSet;
import java.util.Objects;

/**
 * What a client asked to see: a restriction ({@code null} for every row) and a sort order.
 *
 * @param restriction the filter of the last RopRestrict, {@code null} for none
 * @param sort the keys of the last RopSortTable, {@link SortOrderSet#NONE} for none
 */
public record TableView(Restriction restriction, SortOrderSet sort) {

  public static final TableView ALL = new TableView(null, SortOrderSet.NONE);

  public TableView {
    Objects.requireNonNull(sort, "sort");
  }

  public TableView withRestriction(Restriction newRestriction) {
    return new TableView(newRestriction, sort);
  }

  public TableView withSort(SortOrderSet newSort) {
    return new TableView(restriction, newSort);
  }
}

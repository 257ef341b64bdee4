package io.convene.mapi.rop.table;

import java.util.List;

/**
 * Rows of a table view from an offset, and how many rows the view has in all at that moment.
 *
 * @param rows the rows, in view order
 * @param total rows in the whole view
 */
public record RowPage(List<TableRow> rows, int total) {

  public RowPage {
    rows = List.copyOf(rows);
  }
}

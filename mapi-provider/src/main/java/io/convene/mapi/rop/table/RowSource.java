package io.convene.mapi.rop.table;

import io.convene.api.store.PropTag;
import io.convene.mapi.rop.RopException;
import java.util.List;

/**
 * Where a table's rows come from: read on every call, so a table reflects the store as it is when
 * the client asks. Failures are {@link RopException}s carrying the store's error code.
 */
public interface RowSource {

  /**
   * Rows {@code offset} to {@code offset + limit} of the view and the view's size. A {@code limit}
   * of 0 asks for the size alone.
   */
  RowPage rows(TableView view, int offset, int limit) throws RopException;

  /** Rows of the unrestricted table, for the RowCount of the ROP that opens it. */
  default int size() throws RopException {
    return rows(TableView.ALL, 0, 0).total();
  }

  /** Every column a row of this table can have, for RopQueryColumnsAll. */
  List<PropTag> columns() throws RopException;

  /**
   * Throws ecNotSupported if this table cannot be sorted this way (MS-OXCTABL 3.2.5.3). Checks that
   * need the store may be left to the next read, which then fails with the store's error.
   */
  void checkSort(TableView view) throws RopException;

  /** Throws ecNotSupported if this table cannot be restricted (MS-OXCTABL 3.2.5.4). */
  void checkRestriction(TableView view) throws RopException;
}

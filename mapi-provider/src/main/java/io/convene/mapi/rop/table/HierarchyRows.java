package io.convene.mapi.rop.table;

import io.convene.api.store.FolderId;
import io.convene.api.store.HierarchyPage;
import io.convene.api.store.HierarchyRow;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a folder's hierarchy table from {@link Mailbox#hierarchy}: its subfolders the caller
 * may see, or with the Depth flag every descendant, parents before children, each with PidTagDepth
 * (1 for a direct subfolder, MS-OXCFOLD 2.2.1.13.1). The store restricts and sorts them over the
 * row's own properties (the computed counts and entry ids included); the table adds PidTagInstID,
 * PidTagInstanceNum, PidTagInstanceKey and PidTagRowType.
 */
public final class HierarchyRows implements RowSource {

  /** Most rows one store call returns (the store's bulk limit). */
  static final int MAX_PAGE = 10_000;

  private static final List<PropTag> COLUMNS = List.of(
      TableTags.FOLDER_ID, TableTags.PARENT_FOLDER_ID, TableTags.DISPLAY_NAME,
      TableTags.CONTAINER_CLASS, TableTags.CONTENT_COUNT, TableTags.CONTENT_UNREAD_COUNT,
      TableTags.ASSOCIATED_CONTENT_COUNT, TableTags.SUBFOLDERS, TableTags.FOLDER_TYPE, TableTags.DEPTH,
      TableTags.INST_ID, TableTags.INSTANCE_NUM, TableTags.INSTANCE_KEY, TableTags.ROW_TYPE, TableTags.CHANGE_NUMBER,
      TableTags.ENTRY_ID, TableTags.PARENT_ENTRY_ID, TableTags.RECORD_KEY, TableTags.SOURCE_KEY,
      TableTags.PARENT_SOURCE_KEY);

  private final Mailbox mailbox;
  private final FolderId folder;
  private final boolean allDescendants;

  public HierarchyRows(Mailbox mailbox, FolderId folder, boolean allDescendants) {
    this.mailbox = mailbox;
    this.folder = folder;
    this.allDescendants = allDescendants;
  }

  @Override
  public RowPage rows(TableView view, int offset, int limit) throws RopException {
    if (offset < 0 || limit < 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "offset " + offset + ", limit " + limit);
    }
    int fetch = Math.min(limit, MAX_PAGE);
    HierarchyPage page = StoreCalls.call(
        () -> mailbox.hierarchy(folder, allDescendants, view.restriction(), view.sort(), offset, fetch));
    List<TableRow> rows = new ArrayList<>(page.rows().size());
    for (HierarchyRow row : page.rows()) {
      rows.add(row(row));
    }
    return new RowPage(rows, page.totalMatches());
  }

  private static TableRow row(HierarchyRow row) {
    long fid = row.folder().id().toLong();
    List<PropValue> columns = new ArrayList<>(List.of(
        PropValue.ofLong(TableTags.FOLDER_ID, fid),
        PropValue.ofLong(TableTags.INST_ID, fid),
        PropValue.ofInt(TableTags.INSTANCE_NUM, 0),
        PropValue.ofBytes(TableTags.INSTANCE_KEY, TableTags.instanceKey(fid)),
        PropValue.ofInt(TableTags.ROW_TYPE, TableTags.LEAF_ROW),
        PropValue.ofLong(TableTags.CHANGE_NUMBER, row.folder().changeNumber().toLong())));
    row.folder().parentId().ifPresent(parent -> columns.add(PropValue.ofLong(TableTags.PARENT_FOLDER_ID, parent.toLong())));
    // the store's row is immutable: the columns are laid over it, as for contents rows
    return new TableRow(fid, OverlaidProperties.over(row.properties(), columns));
  }

  @Override
  public List<PropTag> columns() {
    return COLUMNS;
  }

  @Override
  public void checkSort(TableView view) throws RopException {
    if (view.sort().isCategorized()) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "hierarchy tables have no categories");
    }
    // Keys the store cannot sort on fail the next QueryRows with its error, as for contents tables.
  }

  @Override
  public void checkRestriction(TableView view) {
    // The store judges the restriction on the next read (TOO_COMPLEX, NOT_SUPPORTED).
  }
}

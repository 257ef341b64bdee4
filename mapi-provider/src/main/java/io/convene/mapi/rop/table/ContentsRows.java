package io.convene.mapi.rop.table;

import io.convene.api.store.Contents;
import io.convene.api.store.FolderEntryId;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.MessageEntryId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.QueryPage;
import io.convene.api.store.StoredItem;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rows of a folder's contents table: the folder's normal or folder-associated items as {@link
 * Mailbox#query} filters and sorts them (for a search folder: the matches of its scope, each with
 * the folder it is in), each with the columns a table adds (PidTagMid, PidTagInstID,
 * PidTagInstanceNum, PidTagInstanceKey, PidTagRowType, PidTagFolderId, PidTagDepth, PidTagEntryId,
 * PidTagRecordKey, PidTagParentEntryId).
 */
public final class ContentsRows implements RowSource {

  /** Most rows one store call returns (the store's bulk limit). */
  static final int MAX_PAGE = 10_000;
  /** Items sampled for RopQueryColumnsAll: the columns are the union of their tags. */
  static final int COLUMN_SAMPLE = 200;

  private final Mailbox mailbox;
  private final FolderId folder;
  private final Contents contents;

  public ContentsRows(Mailbox mailbox, FolderId folder) {
    this(mailbox, folder, Contents.NORMAL);
  }

  public ContentsRows(Mailbox mailbox, FolderId folder, Contents contents) {
    this.mailbox = mailbox;
    this.folder = folder;
    this.contents = contents;
  }

  @Override
  public RowPage rows(TableView view, int offset, int limit) throws RopException {
    if (offset < 0 || limit < 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "offset " + offset + ", limit " + limit);
    }
    // The store pages from 1 row; a size-only call fetches one row and drops it.
    int fetch = Math.max(1, Math.min(limit, MAX_PAGE));
    QueryPage page =
        StoreCalls.call(() -> mailbox.query(folder, contents, view.restriction(), view.sort(), offset, fetch));
    List<TableRow> rows = new ArrayList<>(page.rows().size());
    if (limit > 0) {
      for (StoredItem item : page.rows()) {
        rows.add(row(item));
      }
    }
    return new RowPage(rows, page.totalMatches());
  }

  private TableRow row(StoredItem item) {
    long mid = item.id().toLong();
    UUID replica = mailbox.replicaGuid();
    byte[] entryId = MessageEntryId.ofPrivateMessage(replica, replica, item.folderId(), item.id()).toBytes();
    List<PropValue> columns = List.of(
        PropValue.ofLong(TableTags.MID, mid),
        PropValue.ofLong(TableTags.INST_ID, mid),
        PropValue.ofInt(TableTags.INSTANCE_NUM, 0),
        PropValue.ofInt(TableTags.ROW_TYPE, TableTags.LEAF_ROW),
        PropValue.ofLong(TableTags.FOLDER_ID, item.folderId().toLong()),
        PropValue.ofInt(TableTags.DEPTH, 0),
        PropValue.ofBytes(TableTags.INSTANCE_KEY, TableTags.instanceKey(mid)),
        PropValue.ofBytes(TableTags.ENTRY_ID, entryId),
        PropValue.ofBytes(TableTags.RECORD_KEY, entryId),
        PropValue.ofBytes(TableTags.PARENT_ENTRY_ID,
            FolderEntryId.ofPrivateFolder(replica, replica, item.folderId()).toBytes()));
    return new TableRow(mid, OverlaidProperties.over(item.properties(), columns));
  }

  @Override
  public List<PropTag> columns() throws RopException {
    TreeSet<PropTag> tags = new TreeSet<>(List.of(
        TableTags.MID, TableTags.INST_ID, TableTags.INSTANCE_NUM, TableTags.ROW_TYPE,
        TableTags.FOLDER_ID, TableTags.DEPTH, TableTags.INSTANCE_KEY, TableTags.ENTRY_ID, TableTags.RECORD_KEY,
        TableTags.PARENT_ENTRY_ID));
    for (TableRow row : rows(TableView.ALL, 0, COLUMN_SAMPLE).rows()) {
      tags.addAll(row.values().keySet());
    }
    return List.copyOf(tags);
  }

  /** The folder's item count, which the store keeps, rather than a scan of the folder. */
  @Override
  public int size() throws RopException {
    FolderInfo info = StoreCalls.call(() -> mailbox.folder(folder));
    return contents == Contents.ASSOCIATED ? info.associatedCount() : info.itemCount();
  }

  @Override
  public void checkSort(TableView view) throws RopException {
    if (view.sort().isCategorized()) {
      // Categorized views need header rows and expand/collapse state the store does not provide.
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "categorized sorts are not supported");
    }
    // Sort keys the store refuses (multi-valued, say) fail the next QueryRows with its error:
    // checking them here would cost a scan of the folder on every RopSortTable.
  }

  @Override
  public void checkRestriction(TableView view) {
    // As for sorts, the store judges the restriction on the next read (TOO_COMPLEX, NOT_SUPPORTED).
  }
}

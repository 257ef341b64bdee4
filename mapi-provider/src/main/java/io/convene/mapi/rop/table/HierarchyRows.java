package io.convene.mapi.rop.table;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a folder's hierarchy table: its subfolders the caller may see, or with the Depth
 * flag every descendant, parents before children, each with PidTagDepth (1 for a direct
 * subfolder, MS-OXCFOLD 2.2.1.13.1). Sorting and restricting would need the store to evaluate
 * restrictions on folders, which its API does not offer, so both are refused with ecNotSupported.
 */
public final class HierarchyRows implements RowSource {

  /** Deepest level listed with the Depth flag; folder trees this deep are not real mailboxes. */
  static final int MAX_DEPTH = 64;
  /** Most folders listed; bounds the work of one table read. */
  static final int MAX_FOLDERS = 10_000;

  private static final List<PropTag> COLUMNS = List.of(
      TableTags.FOLDER_ID, TableTags.PARENT_FOLDER_ID, TableTags.DISPLAY_NAME,
      TableTags.CONTAINER_CLASS, TableTags.CONTENT_COUNT, TableTags.CONTENT_UNREAD_COUNT,
      TableTags.SUBFOLDERS, TableTags.FOLDER_TYPE, TableTags.DEPTH, TableTags.INST_ID,
      TableTags.INSTANCE_NUM, TableTags.ROW_TYPE, TableTags.CHANGE_NUMBER);

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
    List<TableRow> all = new ArrayList<>();
    collect(folder, 1, all);
    int from = Math.min(Math.max(0, offset), all.size());
    int to = (int) Math.min(all.size(), (long) from + Math.max(0, limit));
    return new RowPage(all.subList(from, to), all.size());
  }

  private void collect(FolderId parent, int depth, List<TableRow> into) throws RopException {
    List<FolderInfo> children = StoreCalls.call(() -> mailbox.subfolders(parent));
    for (FolderInfo child : children) {
      if (into.size() >= MAX_FOLDERS) {
        throw new RopException(ErrorCodes.OUT_OF_MEMORY, "more than " + MAX_FOLDERS + " folders");
      }
      List<FolderInfo> grandchildren = StoreCalls.call(() -> mailbox.subfolders(child.id()));
      into.add(row(child, depth, !grandchildren.isEmpty()));
      if (allDescendants && depth < MAX_DEPTH && !grandchildren.isEmpty()) {
        collect(child.id(), depth + 1, into);
      }
    }
  }

  private static TableRow row(FolderInfo info, int depth, boolean hasSubfolders) {
    Map<PropTag, PropValue> values = new HashMap<>();
    long fid = info.id().toLong();
    values.put(TableTags.FOLDER_ID, PropValue.ofLong(TableTags.FOLDER_ID, fid));
    info.parentId().ifPresent(parent ->
        values.put(TableTags.PARENT_FOLDER_ID, PropValue.ofLong(TableTags.PARENT_FOLDER_ID, parent.toLong())));
    values.put(TableTags.DISPLAY_NAME, PropValue.ofString(TableTags.DISPLAY_NAME, info.displayName()));
    info.containerClass().ifPresent(cls ->
        values.put(TableTags.CONTAINER_CLASS, PropValue.ofString(TableTags.CONTAINER_CLASS, cls)));
    values.put(TableTags.CONTENT_COUNT, PropValue.ofInt(TableTags.CONTENT_COUNT, info.itemCount()));
    values.put(TableTags.CONTENT_UNREAD_COUNT, PropValue.ofInt(TableTags.CONTENT_UNREAD_COUNT, info.unreadCount()));
    values.put(TableTags.SUBFOLDERS, PropValue.ofBoolean(TableTags.SUBFOLDERS, hasSubfolders));
    values.put(TableTags.FOLDER_TYPE, PropValue.ofInt(TableTags.FOLDER_TYPE, TableTags.FOLDER_GENERIC));
    values.put(TableTags.DEPTH, PropValue.ofInt(TableTags.DEPTH, depth));
    values.put(TableTags.INST_ID, PropValue.ofLong(TableTags.INST_ID, fid));
    values.put(TableTags.INSTANCE_NUM, PropValue.ofInt(TableTags.INSTANCE_NUM, 0));
    values.put(TableTags.ROW_TYPE, PropValue.ofInt(TableTags.ROW_TYPE, TableTags.LEAF_ROW));
    values.put(TableTags.CHANGE_NUMBER, PropValue.ofLong(TableTags.CHANGE_NUMBER, info.changeNumber().toLong()));
    return new TableRow(fid, values);
  }

  @Override
  public List<PropTag> columns() {
    return COLUMNS;
  }

  @Override
  public void checkSort(TableView view) throws RopException {
    if (!view.sort().sorts().isEmpty()) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "hierarchy tables keep the store's folder order");
    }
  }

  @Override
  public void checkRestriction(TableView view) throws RopException {
    if (view.restriction() != null) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "hierarchy tables cannot be restricted yet");
    }
  }
}

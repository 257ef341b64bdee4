package io.convene.mapi.rop.permission;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.table.RowPage;
import io.convene.mapi.rop.table.RowSource;
import io.convene.mapi.rop.table.TableRow;
import io.convene.mapi.rop.table.TableView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a permissions table: one per ACL entry, the Default and Anonymous entries always
 * present (with the rights 0 the store applies when it has no such entry), then the accounts by
 * id. Without the IncludeFreeBusy flag the free/busy bits are masked out (MS-OXCPERM 3.2.5.1).
 */
public final class PermissionRows implements RowSource {

  static final int FREE_BUSY = FolderRights.FREE_BUSY_SIMPLE | FolderRights.FREE_BUSY_DETAILED;
  static final String DEFAULT_NAME = "";
  static final String ANONYMOUS_NAME = "Anonymous";

  private final Mailbox mailbox;
  private final FolderId folder;
  private final PermissionMembers members;
  private final boolean includeFreeBusy;

  public PermissionRows(Mailbox mailbox, FolderId folder, PermissionMembers members, boolean includeFreeBusy) {
    this.mailbox = mailbox;
    this.folder = folder;
    this.members = members;
    this.includeFreeBusy = includeFreeBusy;
  }

  @Override
  public RowPage rows(TableView view, int offset, int limit) throws RopException {
    Map<Long, Integer> acl;
    try {
      acl = mailbox.permissions(folder);
    } catch (StoreException e) {
      throw new RopException(e.error().mapiCode(), e.getMessage());
    }
    // Default first, Anonymous next, then accounts in id order.
    TreeMap<Long, Integer> ordered = new TreeMap<>((a, b) -> Long.compare(rank(a), rank(b)));
    ordered.put(FolderRights.DEFAULT_MEMBER, 0);
    ordered.put(FolderRights.ANONYMOUS_MEMBER, 0);
    ordered.putAll(acl);
    List<TableRow> rows = new ArrayList<>();
    int index = 0;
    for (Map.Entry<Long, Integer> entry : ordered.entrySet()) {
      if (index >= offset && rows.size() < limit) {
        rows.add(row(entry.getKey(), entry.getValue()));
      }
      index++;
    }
    return new RowPage(rows, ordered.size());
  }

  private static long rank(long memberId) {
    if (memberId == FolderRights.DEFAULT_MEMBER) {
      return Long.MIN_VALUE;
    }
    return memberId == FolderRights.ANONYMOUS_MEMBER ? Long.MIN_VALUE + 1 : memberId;
  }

  private TableRow row(long memberId, int rights) {
    Map<PropTag, PropValue> values = new HashMap<>();
    values.put(PermissionTags.MEMBER_ID, PropValue.ofLong(PermissionTags.MEMBER_ID, memberId));
    values.put(PermissionTags.MEMBER_RIGHTS,
        PropValue.ofInt(PermissionTags.MEMBER_RIGHTS, includeFreeBusy ? rights : rights & ~FREE_BUSY));
    if (memberId == FolderRights.DEFAULT_MEMBER || memberId == FolderRights.ANONYMOUS_MEMBER) {
      // MS-OXCPERM 2.2.4, 2.2.6: the special entries have an empty entry id and these names.
      values.put(PermissionTags.ENTRY_ID, PropValue.ofBytes(PermissionTags.ENTRY_ID, new byte[0]));
      values.put(PermissionTags.MEMBER_NAME, PropValue.ofString(PermissionTags.MEMBER_NAME,
          memberId == FolderRights.DEFAULT_MEMBER ? DEFAULT_NAME : ANONYMOUS_NAME));
    } else {
      members.name(memberId).ifPresent(name ->
          values.put(PermissionTags.MEMBER_NAME, PropValue.ofString(PermissionTags.MEMBER_NAME, name)));
      members.distinguishedName(memberId).ifPresent(dn ->
          values.put(PermissionTags.ENTRY_ID, PropValue.ofBytes(PermissionTags.ENTRY_ID, MemberEntryIds.of(dn))));
    }
    return new TableRow(memberId, values);
  }

  @Override
  public List<PropTag> columns() {
    return List.of(PermissionTags.ENTRY_ID, PermissionTags.MEMBER_ID, PermissionTags.MEMBER_NAME,
        PermissionTags.MEMBER_RIGHTS);
  }

  @Override
  public void checkSort(TableView view) throws RopException {
    if (!view.sort().sorts().isEmpty()) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "permissions tables are not sorted");
    }
  }

  @Override
  public void checkRestriction(TableView view) throws RopException {
    if (view.restriction() != null) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "permissions tables are not restricted");
    }
  }
}

package io.convene.mapi.rop.permission;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.permission.PermissionRequests.GetPermissionsTableRequest;
import io.convene.mapi.rop.permission.PermissionRequests.ModifyPermissionsRequest;
import io.convene.mapi.rop.permission.PermissionRequests.PermissionData;
import io.convene.mapi.rop.table.TableObject;
import io.convene.mapi.rop.table.TableResponses.EmptyResponse;
import io.convene.mapi.rop.table.TableView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * RopGetPermissionsTable and RopModifyPermissions (MS-OXCPERM 3.2.5). The table is an ordinary
 * {@link TableObject} over {@link PermissionRows}, so SetColumns/QueryRows work on it as on any
 * table. A modification resolves and checks every entry before changing anything; the store then
 * applies one member at a time (it has no call that sets a whole ACL in one transaction).
 */
public final class PermissionRops implements RopFamily {

  /** ecNotFound: an AddRow entry id that names no account. */
  static final int NOT_FOUND = 0x8004010F;

  private final PermissionMembers members;

  public PermissionRops(PermissionMembers members) {
    this.members = Objects.requireNonNull(members, "members");
  }

  @Override
  public void register(RopRegistry.Builder registry) {
    registry
        .add(RopDefinition.of(PermissionRequests.GET_PERMISSIONS_TABLE, "RopGetPermissionsTable",
            GetPermissionsTableRequest::decode, this::getPermissionsTable))
        .add(RopDefinition.of(PermissionRequests.MODIFY_PERMISSIONS, "RopModifyPermissions",
            ModifyPermissionsRequest::decode, this::modifyPermissions));
  }

  void getPermissionsTable(GetPermissionsTableRequest request, RopCall call) throws RopException {
    FolderObject folder = call.inputObject(FolderObject.class);
    boolean freeBusy = (request.tableFlags() & GetPermissionsTableRequest.INCLUDE_FREE_BUSY) != 0;
    PermissionRows rows = new PermissionRows(folder.logon().mailbox(), folder.id(), members, freeBusy);
    // Reading the ACL now reports a missing right here rather than on the first QueryRows.
    rows.rows(TableView.ALL, 0, 0);
    call.putObject(request.outputHandleIndex(), new TableObject(TableObject.Kind.PERMISSIONS, rows));
    new EmptyResponse(request.header().ropId(), request.outputHandleIndex()).write(call.out());
  }

  void modifyPermissions(ModifyPermissionsRequest request, RopCall call) throws RopException {
    FolderObject folder = call.inputObject(FolderObject.class);
    Mailbox mailbox = folder.logon().mailbox();
    FolderId id = folder.id();
    Map<Long, Integer> current = store(() -> mailbox.permissions(id));
    boolean freeBusy = (request.modifyFlags() & ModifyPermissionsRequest.INCLUDE_FREE_BUSY) != 0;
    Map<Long, Integer> changes = new LinkedHashMap<>();
    if ((request.modifyFlags() & ModifyPermissionsRequest.REPLACE_ROWS) != 0) {
      // Every entry but Default goes; the request's AddRow entries come back below.
      current.keySet().stream()
          .filter(member -> member != FolderRights.DEFAULT_MEMBER)
          .forEach(member -> changes.put(member, 0));
    }
    for (PermissionData entry : request.entries()) {
      long member = member(entry);
      int rights = entry.flags() == PermissionData.REMOVE_ROW ? 0 : rights(entry);
      if (!freeBusy && rights != 0) {
        // Without IncludeFreeBusy the client does not see these bits, so it must not clear them.
        rights = rights & ~PermissionRows.FREE_BUSY | current.getOrDefault(member, 0) & PermissionRows.FREE_BUSY;
      }
      changes.put(member, rights);
    }
    for (Map.Entry<Long, Integer> change : changes.entrySet()) {
      store(() -> {
        mailbox.setPermission(id, change.getKey(), change.getValue());
        return null;
      });
    }
    new EmptyResponse(request.header().ropId(), request.header().inputHandleIndex()).write(call.out());
  }

  private long member(PermissionData entry) throws RopException {
    switch (entry.flags()) {
      case PermissionData.ADD_ROW -> {
        byte[] entryId = (byte[]) value(entry, PermissionTags.ENTRY_ID.tag())
            .orElseThrow(() -> new RopException(ErrorCodes.INVALID_PARAMETER, "AddRow without PidTagEntryId"));
        if (entryId.length == 0) {
          return FolderRights.DEFAULT_MEMBER;
        }
        String dn;
        try {
          dn = MemberEntryIds.distinguishedName(entryId);
        } catch (WireFormatException e) {
          throw new RopException(ErrorCodes.INVALID_PARAMETER, "PidTagEntryId: " + e.getMessage());
        }
        return members.byDistinguishedName(dn)
            .orElseThrow(() -> new RopException(NOT_FOUND, "no account " + dn));
      }
      case PermissionData.MODIFY_ROW, PermissionData.REMOVE_ROW -> {
        return (Long) value(entry, PermissionTags.MEMBER_ID.tag())
            .orElseThrow(() -> new RopException(ErrorCodes.INVALID_PARAMETER, "no PidTagMemberId"));
      }
      default -> throw new RopException(ErrorCodes.INVALID_PARAMETER,
          "PermissionDataFlags 0x" + Integer.toHexString(entry.flags()));
    }
  }

  private static int rights(PermissionData entry) throws RopException {
    int rights = (Integer) value(entry, PermissionTags.MEMBER_RIGHTS.tag())
        .orElseThrow(() -> new RopException(ErrorCodes.INVALID_PARAMETER, "no PidTagMemberRights"));
    if ((rights & ~FolderRights.ALL) != 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "PidTagMemberRights 0x" + Integer.toHexString(rights));
    }
    return rights;
  }

  private static Optional<Object> value(PermissionData entry, int tag) {
    return entry.values().stream().filter(v -> v.tag() == tag).map(TaggedPropertyValue::value).findFirst();
  }

  @FunctionalInterface
  private interface StoreCall<T> {
    T run() throws StoreException;
  }

  private static <T> T store(StoreCall<T> call) throws RopException {
    try {
      return call.run();
    } catch (StoreException e) {
      throw new RopException(e.error().mapiCode(), e.getMessage());
    }
  }
}

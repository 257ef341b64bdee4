package io.convene.mapi.rop.folder;

import io.convene.api.store.FolderInfo;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.mapi.rop.objects.FolderEntryIds;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.objects.MailboxLogon;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The folder properties Outlook reads (MS-OXCFOLD 2.2.2), computed from the store's {@link
 * FolderInfo} at each read. PidTagLastModificationTime is absent: the store does not report it.
 */
public final class FolderProperties {

  public static final int FOLDER_ID = 0x67480014;
  public static final int PARENT_FOLDER_ID = 0x67490014;
  public static final int CONTENT_COUNT = 0x36020003;
  public static final int CONTENT_UNREAD_COUNT = 0x36030003;
  public static final int SUBFOLDERS = 0x360A000B;
  public static final int DISPLAY_NAME = 0x3001001F;
  public static final int CONTAINER_CLASS = 0x3613001F;
  public static final int FOLDER_TYPE = 0x36010003;
  public static final int ACCESS = 0x0FF40003;
  public static final int RIGHTS = 0x66390003;
  public static final int SOURCE_KEY = 0x65E00102;
  public static final int CHANGE_KEY = 0x65E20102;
  public static final int ENTRY_ID = 0x0FFF0102;
  public static final int RECORD_KEY = 0x0FF90102;
  public static final int ASSOCIATED_CONTENT_COUNT = 0x36170003;
  public static final int PARENT_ENTRY_ID = 0x0E090102;
  public static final int PARENT_SOURCE_KEY = 0x65E10102;

  /** PidTagFolderType (MS-OXCFOLD 2.2.2.2.2.3): FOLDER_ROOT, FOLDER_GENERIC. */
  static final int FOLDER_ROOT = 0;
  static final int FOLDER_GENERIC = 1;
  static final int FOLDER_SEARCH = 2;

  /** PidTagAccess bits (MS-OXCPRPT 2.2.1.1): Modify, Read, Delete, HierarchyTable, ContentsTable, AssocContentsTable. */
  static final int ACCESS_MODIFY = 0x01;
  static final int ACCESS_READ = 0x02;
  static final int ACCESS_DELETE = 0x04;
  static final int ACCESS_HIERARCHY = 0x08;
  static final int ACCESS_CONTENTS = 0x10;
  static final int ACCESS_ASSOCIATED = 0x20;

  private FolderProperties() {}

  public static Map<Integer, Object> of(FolderObject folder) throws StoreException {
    MailboxLogon logon = folder.logon();
    Mailbox mailbox = logon.mailbox();
    FolderInfo info = mailbox.folder(folder.id());
    Map<Integer, Object> properties = new LinkedHashMap<>();
    properties.put(FOLDER_ID, info.id().toLong());
    info.parentId().ifPresent(parent -> properties.put(PARENT_FOLDER_ID, parent.toLong()));
    properties.put(CONTENT_COUNT, info.itemCount());
    properties.put(CONTENT_UNREAD_COUNT, info.unreadCount());
    properties.put(ASSOCIATED_CONTENT_COUNT, info.associatedCount());
    properties.put(SUBFOLDERS, !mailbox.subfolders(info.id()).isEmpty());
    properties.put(DISPLAY_NAME, info.displayName());
    info.containerClass().ifPresent(c -> properties.put(CONTAINER_CLASS, c));
    properties.put(FOLDER_TYPE, info.search() ? FOLDER_SEARCH
        : info.special().filter(s -> s == SpecialFolder.ROOT).isPresent() ? FOLDER_ROOT : FOLDER_GENERIC);
    rights(logon, info).ifPresent(rights -> {
      properties.put(RIGHTS, rights);
      properties.put(ACCESS, access(rights));
    });
    byte[] entryId = FolderEntryIds.of(logon, info.id());
    properties.put(SOURCE_KEY, FolderEntryIds.sourceKey(logon.replicaGuid(), info.id().counter()));
    properties.put(CHANGE_KEY, FolderEntryIds.sourceKey(logon.replicaGuid(), info.changeNumber().counter()));
    properties.put(ENTRY_ID, entryId);
    properties.put(RECORD_KEY, entryId);
    info.parentId().ifPresent(parent -> {
      properties.put(PARENT_ENTRY_ID, FolderEntryIds.of(logon, parent));
      properties.put(PARENT_SOURCE_KEY, FolderEntryIds.sourceKey(logon.replicaGuid(), parent.counter()));
    });
    return properties;
  }

  /**
   * The caller's rights on the folder: all for the owner, else its ACL entry or the Default one;
   * empty when the caller may not read the ACL (the store reserves it to folder owners).
   */
  static Optional<Integer> rights(MailboxLogon logon, FolderInfo info) throws StoreException {
    if (logon.ownMailbox()) {
      return Optional.of(FolderRights.ALL);
    }
    try {
      Map<Long, Integer> acl = logon.mailbox().permissions(info.id());
      Integer own = acl.get(logon.caller().accountId());
      return Optional.of(own != null ? own : acl.getOrDefault(FolderRights.DEFAULT_MEMBER, 0));
    } catch (StoreException e) {
      if (e.error() == StoreError.ACCESS_DENIED || e.error() == StoreError.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  static int access(int rights) {
    int access = ACCESS_HIERARCHY;
    if (FolderRights.has(rights, FolderRights.READ_ANY)) {
      access |= ACCESS_READ | ACCESS_CONTENTS | ACCESS_ASSOCIATED;
    }
    if (FolderRights.has(rights, FolderRights.FOLDER_OWNER)) {
      access |= ACCESS_MODIFY | ACCESS_DELETE;
    }
    return access;
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.FolderEntryId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The properties of a hierarchy-table row (MS-OXCFOLD 2.2.2.2): the folder's stored bag plus what
 * the store computes at each read, so that restrictions and sorts see exactly what the row shows.
 */
final class HierarchyBags {

  /** Deepest level listed with the Depth flag; folder trees this deep are not real mailboxes. */
  static final int MAX_DEPTH = 64;
  /** Most folders one hierarchy table lists. */
  static final int MAX_FOLDERS = 10_000;

  static final PropTag CONTENT_COUNT = PropTag.of(0x3602, PropType.PT_LONG);
  static final PropTag CONTENT_UNREAD_COUNT = PropTag.of(0x3603, PropType.PT_LONG);
  static final PropTag ASSOCIATED_CONTENT_COUNT = PropTag.of(0x3617, PropType.PT_LONG);
  static final PropTag SUBFOLDERS = PropTag.of(0x360A, PropType.PT_BOOLEAN);
  static final PropTag FOLDER_TYPE = PropTag.of(0x3601, PropType.PT_LONG);
  static final PropTag DEPTH = PropTag.of(0x3005, PropType.PT_LONG);
  static final PropTag ENTRY_ID = PropTag.of(0x0FFF, PropType.PT_BINARY);
  static final PropTag PARENT_ENTRY_ID = PropTag.of(0x0E09, PropType.PT_BINARY);
  static final PropTag RECORD_KEY = PropTag.of(0x0FF9, PropType.PT_BINARY);

  /** PidTagFolderType (MS-OXCFOLD 2.2.2.2.1.3): FOLDER_ROOT, FOLDER_GENERIC, FOLDER_SEARCH. */
  static final int FOLDER_ROOT = 0;
  static final int FOLDER_GENERIC = 1;
  static final int FOLDER_SEARCH = 2;

  private HierarchyBags() {}

  static Map<PropTag, PropValue> of(Map<PropTag, PropValue> stored, FolderInfo info, int depth, boolean hasSubfolders,
      UUID replica) {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>(stored);
    put(bag, PropValue.ofInt(CONTENT_COUNT, info.itemCount()));
    put(bag, PropValue.ofInt(CONTENT_UNREAD_COUNT, info.unreadCount()));
    put(bag, PropValue.ofInt(ASSOCIATED_CONTENT_COUNT, info.associatedCount()));
    put(bag, PropValue.ofBoolean(SUBFOLDERS, hasSubfolders));
    put(bag, PropValue.ofInt(FOLDER_TYPE, folderType(info)));
    put(bag, PropValue.ofInt(DEPTH, depth));
    // a private mailbox has one replica: its GUID is both provider UID and database GUID
    byte[] entryId = FolderEntryId.ofPrivateFolder(replica, replica, info.id()).toBytes();
    put(bag, PropValue.ofBytes(ENTRY_ID, entryId));
    put(bag, PropValue.ofBytes(RECORD_KEY, entryId));
    info.parentId().ifPresent(parent ->
        put(bag, PropValue.ofBytes(PARENT_ENTRY_ID, FolderEntryId.ofPrivateFolder(replica, replica, parent).toBytes())));
    return bag;
  }

  static int folderType(FolderInfo info) {
    if (info.search()) {
      return FOLDER_SEARCH;
    }
    return info.special().filter(special -> special == SpecialFolder.ROOT).isPresent() ? FOLDER_ROOT : FOLDER_GENERIC;
  }

  private static void put(Map<PropTag, PropValue> bag, PropValue value) {
    bag.put(value.tag(), value);
  }
}

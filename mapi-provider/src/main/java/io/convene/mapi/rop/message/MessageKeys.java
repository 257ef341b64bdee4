package io.convene.mapi.rop.message;

import io.convene.api.store.FolderId;
import io.convene.api.store.StoredItem;
import io.convene.mapi.rop.objects.FolderEntryIds;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.objects.MessageEntryIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identifying properties of a message that the store does not keep in its bag but computes
 * from its ids (MS-OXCMSG 2.2.1.2, MS-OXPROPS): PidTagEntryId (a Message EntryID, MS-OXCDATA
 * 2.2.4.2), PidTagRecordKey (the same bytes) and PidTagParentEntryId (the Folder EntryID of the
 * folder holding it). PidTagSourceKey, PidTagParentSourceKey, PidTagMid and PidTagFolderId are in
 * the stored bag already.
 */
public final class MessageKeys {

  public static final int ENTRY_ID = 0x0FFF0102;
  public static final int RECORD_KEY = 0x0FF90102;
  public static final int PARENT_ENTRY_ID = 0x0E090102;

  private MessageKeys() {}

  /** Tag to value, in the form the property ROPs use. */
  public static Map<Integer, Object> of(MailboxLogon logon, StoredItem item) {
    FolderId folder = item.folderId();
    byte[] entryId = MessageEntryIds.of(logon, folder, item.id());
    Map<Integer, Object> keys = new LinkedHashMap<>();
    keys.put(ENTRY_ID, entryId);
    keys.put(RECORD_KEY, entryId);
    keys.put(PARENT_ENTRY_ID, FolderEntryIds.of(logon, folder));
    return keys;
  }
}

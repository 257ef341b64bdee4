package io.convene.mapi.rop.store;

import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.mapi.nspi.book.EntryIds;
import io.convene.mapi.rop.objects.FolderEntryIds;
import io.convene.mapi.rop.objects.MailboxLogon;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties of the Logon (store) object (MS-OXCSTOR 2.2.2): the ones clients set (kept by the
 * store), then support mask, state, the entry ids of the special folders, and the owner's and the
 * user's names with their address book entry ids (MS-OXCDATA 2.2.5.2, from the LegacyDN) when the
 * directory knows them.
 */
public final class StoreProperties {

  public static final int STORE_SUPPORT_MASK = 0x340D0003;
  public static final int STORE_STATE = 0x340E0003;
  public static final int IPM_SUBTREE_ENTRY_ID = 0x35E00102;
  public static final int IPM_OUTBOX_ENTRY_ID = 0x35E20102;
  public static final int IPM_WASTEBASKET_ENTRY_ID = 0x35E30102;
  public static final int IPM_SENTMAIL_ENTRY_ID = 0x35E40102;
  public static final int VIEWS_ENTRY_ID = 0x35E50102;
  public static final int COMMON_VIEWS_ENTRY_ID = 0x35E60102;
  public static final int FINDER_ENTRY_ID = 0x35E70102;
  public static final int MAILBOX_OWNER_ENTRY_ID = 0x661B0102;
  public static final int MAILBOX_OWNER_NAME = 0x661C001F;
  public static final int USER_ENTRY_ID = 0x66190102;
  public static final int USER_NAME = 0x661A001F;
  /** The Type of an address book entry id for a mail user (MS-OXCDATA 2.2.5.2: 0x00000000). */
  private static final int LOCAL_MAIL_USER = 0x0;

  /**
   * STORE_ENTRYID_UNIQUE 0x1, STORE_MODIFY_OK 0x10, STORE_CREATE_OK 0x20, STORE_ATTACH_OK 0x40,
   * STORE_MV_PROPS_OK 0x200, STORE_RESTRICTION_OK 0x1000, STORE_SORT_OK 0x2000, STORE_UNICODE_OK
   * 0x40000: what the store does support; notifications, RTF and search folders are left out.
   */
  public static final int SUPPORT_MASK = 0x1 | 0x10 | 0x20 | 0x40 | 0x200 | 0x1000 | 0x2000 | 0x40000;

  private StoreProperties() {}

  /** The ids computed at each read, which a client cannot set on the logon. */
  private static final java.util.Set<Integer> COMPUTED_IDS = java.util.Set.of(
      STORE_SUPPORT_MASK >>> 16, STORE_STATE >>> 16, IPM_SUBTREE_ENTRY_ID >>> 16, IPM_OUTBOX_ENTRY_ID >>> 16,
      IPM_WASTEBASKET_ENTRY_ID >>> 16, IPM_SENTMAIL_ENTRY_ID >>> 16, VIEWS_ENTRY_ID >>> 16, COMMON_VIEWS_ENTRY_ID >>> 16,
      FINDER_ENTRY_ID >>> 16,
      0x0FFF, // PidTagEntryId
      0x0FF9, // PidTagRecordKey
      0x0FFE, // PidTagObjectType
      0x0E08, // PidTagMessageSize
      0x661C, // PidTagMailboxOwnerName
      0x661B, // PidTagMailboxOwnerEntryId
      0x6619, // PidTagUserEntryId
      0x661A); // PidTagUserName

  /** Whether a client may not set property {@code id} on the logon. */
  public static boolean isComputed(int id) {
    return COMPUTED_IDS.contains(id);
  }

  public static Map<Integer, Object> of(MailboxLogon logon) throws StoreException {
    Map<Integer, Object> properties = new LinkedHashMap<>();
    // what clients set on the store object first; the computed ones cannot be among them
    for (io.convene.api.store.PropValue value : logon.mailbox().mailboxProperties().values()) {
      properties.put(value.tag().tag(), value.value());
    }
    properties.put(STORE_SUPPORT_MASK, SUPPORT_MASK);
    properties.put(STORE_STATE, 0);
    put(properties, logon, IPM_SUBTREE_ENTRY_ID, SpecialFolder.IPM_SUBTREE);
    put(properties, logon, IPM_OUTBOX_ENTRY_ID, SpecialFolder.OUTBOX);
    put(properties, logon, IPM_WASTEBASKET_ENTRY_ID, SpecialFolder.DELETED_ITEMS);
    put(properties, logon, IPM_SENTMAIL_ENTRY_ID, SpecialFolder.SENT_ITEMS);
    put(properties, logon, VIEWS_ENTRY_ID, SpecialFolder.VIEWS);
    put(properties, logon, COMMON_VIEWS_ENTRY_ID, SpecialFolder.COMMON_VIEWS);
    put(properties, logon, FINDER_ENTRY_ID, SpecialFolder.FINDER);
    logon.owner().ifPresent(owner -> {
      properties.put(MAILBOX_OWNER_NAME, owner.displayName());
      properties.put(MAILBOX_OWNER_ENTRY_ID, EntryIds.permanent(LOCAL_MAIL_USER, owner.legacyDn()));
    });
    logon.user().ifPresent(user -> {
      properties.put(USER_NAME, user.displayName());
      properties.put(USER_ENTRY_ID, EntryIds.permanent(LOCAL_MAIL_USER, user.legacyDn()));
    });
    return properties;
  }

  private static void put(Map<Integer, Object> properties, MailboxLogon logon, int tag, SpecialFolder folder)
      throws StoreException {
    try {
      properties.put(tag, FolderEntryIds.of(logon, logon.mailbox().folder(folder).id()));
    } catch (StoreException e) {
      // A delegate who may not see the folder does not get its entry id either.
      if (e.error() != StoreError.NOT_FOUND && e.error() != StoreError.ACCESS_DENIED) {
        throw e;
      }
    }
  }
}

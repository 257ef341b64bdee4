package io.convene.storage.derby.store;

import io.convene.api.store.FolderEntryId;
import io.convene.api.store.FolderId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The properties by which Outlook finds the special folders (MS-OXOSFLD 2.2.2 to 2.2.4): entry ids
 * of Calendar, Contacts, Journal, Notes, Tasks, Reminders and Drafts, and the Conflicts / Sync
 * Issues / Local Failures / Server Failures / Junk E-mail list, set on the root folder and the
 * Inbox. Written at provisioning, and on start into mailboxes provisioned before they existed.
 *
 * <p>Also PidTagAdditionalRenEntryIdsEx (MS-OXOSFLD 2.2.5) for the provisioned Conversation Action
 * Settings, Quick Step Settings, Suggested Contacts, IM Contact List and Quick Contacts folders, and
 * PidTagFreeBusyEntryIds (2.2.6) naming the Freebusy Data folder. Not provisioned, so not listed:
 * RSS Feeds, Tracked Mail Processing, To-Do and Contacts Search (search folders: another part).
 */
final class SpecialFolderIds {

  static final PropTag APPOINTMENT = PropTag.of(0x36D0, PropType.PT_BINARY);
  static final PropTag CONTACT = PropTag.of(0x36D1, PropType.PT_BINARY);
  static final PropTag JOURNAL = PropTag.of(0x36D2, PropType.PT_BINARY);
  static final PropTag NOTE = PropTag.of(0x36D3, PropType.PT_BINARY);
  static final PropTag TASK = PropTag.of(0x36D4, PropType.PT_BINARY);
  static final PropTag REMINDERS_ONLINE = PropTag.of(0x36D5, PropType.PT_BINARY);
  static final PropTag DRAFTS = PropTag.of(0x36D7, PropType.PT_BINARY);
  static final PropTag ADDITIONAL_REN = PropTag.of(0x36D8, PropType.PT_MV_BINARY);
  static final PropTag ADDITIONAL_REN_EX = PropTag.of(0x36D9, PropType.PT_BINARY);
  static final PropTag FREEBUSY = PropTag.of(0x36E4, PropType.PT_MV_BINARY);

  /** PidTagAdditionalRenEntryIdsEx blocks (MS-OXOSFLD 2.2.5.1) of the folders provisioned. */
  static final Map<Integer, SpecialFolder> ADDITIONAL_REN_EX_FOLDERS = new java.util.LinkedHashMap<>(Map.of(
      PersistDataBlocks.RSF_PID_CONV_ACTIONS, SpecialFolder.CONVERSATION_ACTIONS,
      PersistDataBlocks.RSF_PID_COMBINED_ACTIONS, SpecialFolder.QUICK_STEP_SETTINGS,
      PersistDataBlocks.RSF_PID_SUGGESTED_CONTACTS, SpecialFolder.SUGGESTED_CONTACTS,
      PersistDataBlocks.RSF_PID_BUDDYLIST_PDLS, SpecialFolder.IM_CONTACT_LIST,
      PersistDataBlocks.RSF_PID_BUDDYLIST_CONTACTS, SpecialFolder.QUICK_CONTACTS));

  /** The single-folder properties and the folder each names. */
  static final Map<PropTag, SpecialFolder> SINGLE = Map.of(
      APPOINTMENT, SpecialFolder.CALENDAR,
      CONTACT, SpecialFolder.CONTACTS,
      JOURNAL, SpecialFolder.JOURNAL,
      NOTE, SpecialFolder.NOTES,
      TASK, SpecialFolder.TASKS,
      REMINDERS_ONLINE, SpecialFolder.REMINDERS,
      DRAFTS, SpecialFolder.DRAFTS);

  /** PidTagAdditionalRenEntryIds in index order (MS-OXOSFLD 2.2.4). */
  static final List<SpecialFolder> ADDITIONAL_REN_ORDER = List.of(
      SpecialFolder.CONFLICTS, SpecialFolder.SYNC_ISSUES, SpecialFolder.LOCAL_FAILURES, SpecialFolder.SERVER_FAILURES,
      SpecialFolder.JUNK);

  /** The folders that carry them. */
  static final List<SpecialFolder> CARRIERS = List.of(SpecialFolder.ROOT, SpecialFolder.INBOX);

  private SpecialFolderIds() {}

  /** The properties for a mailbox whose special folders have {@code ids}. */
  static List<PropValue> properties(UUID replica, Map<SpecialFolder, FolderId> ids) {
    List<PropValue> values = new ArrayList<>();
    SINGLE.forEach((tag, special) -> values.add(PropValue.ofBytes(tag, entryId(replica, ids.get(special)))));
    List<byte[]> additional = new ArrayList<>();
    for (SpecialFolder special : ADDITIONAL_REN_ORDER) {
      additional.add(entryId(replica, ids.get(special)));
    }
    values.add(PropValue.ofList(ADDITIONAL_REN, additional));
    Map<Integer, byte[]> blocks = new java.util.TreeMap<>();
    ADDITIONAL_REN_EX_FOLDERS.forEach((persistId, special) -> {
      if (ids.containsKey(special)) {
        blocks.put(persistId, entryId(replica, ids.get(special)));
      }
    });
    values.add(PropValue.ofBytes(ADDITIONAL_REN_EX, PersistDataBlocks.encode(blocks)));
    if (ids.containsKey(SpecialFolder.FREEBUSY_DATA)) {
      // null, the delegate information message (Outlook makes it), the public free/busy message
      // (no public folders), then the Freebusy Data folder (MS-OXOSFLD 2.2.6)
      values.add(PropValue.ofList(FREEBUSY,
          List.of(new byte[0], new byte[0], new byte[0], entryId(replica, ids.get(SpecialFolder.FREEBUSY_DATA)))));
    }
    return values;
  }

  /** Writes them to the root and the Inbox of a mailbox, as one change of each. */
  static void write(Connection connection, long accountId, Counters.Counter counter, UUID replica, PropertyBagCodec codec,
      Clock clock)
      throws SQLException, StoreException {
    Map<SpecialFolder, FolderId> ids = ids(connection, accountId);
    List<PropValue> values = properties(replica, ids);
    FolderWriter folders = new FolderWriter(connection, accountId, counter, replica, codec, clock);
    for (SpecialFolder carrier : CARRIERS) {
      folders.setProperties(ids.get(carrier), values);
    }
  }

  /** Whether a mailbox lacks them (provisioned before they were written). */
  static boolean missing(Connection connection, long accountId, PropertyBagCodec codec) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PROPS FROM FOLDERS WHERE ACCOUNT_ID = ? AND SPECIAL = ?")) {
      query.setLong(1, accountId);
      query.setString(2, SpecialFolder.ROOT.name());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return false;
        }
        List<PropValue> bag = codec.decode(row.getBytes(1));
        return bag.stream().noneMatch(value -> value.tag().equals(APPOINTMENT))
            || bag.stream().noneMatch(value -> value.tag().equals(ADDITIONAL_REN_EX))
            || bag.stream().noneMatch(value -> value.tag().equals(FREEBUSY));
      }
    }
  }

  /**
   * Creates the special folders a mailbox provisioned by an older Convene lacks (Freebusy Data and
   * the PidTagAdditionalRenEntryIdsEx folders came later); true if it lacked any.
   */
  static boolean createMissing(Connection connection, long accountId, Counters.Counter counter, UUID replica,
      PropertyBagCodec codec, Clock clock) throws SQLException, StoreException {
    Map<SpecialFolder, FolderId> ids = ids(connection, accountId);
    FolderWriter folders = new FolderWriter(connection, accountId, counter, replica, codec, clock);
    boolean created = false;
    for (SpecialFolder special : SpecialFolder.values()) {
      FolderId parent = special.parent().map(ids::get).orElse(null);
      if (ids.containsKey(special) || parent == null) {
        continue;
      }
      if (nameTaken(connection, accountId, parent, special.displayName())) {
        continue; // a client made it already under that name; Outlook finds it by name then
      }
      ids.put(special, folders.create(parent, special.displayName(), special.containerClass().orElse(null), special));
      created = true;
    }
    return created;
  }

  private static boolean nameTaken(Connection connection, long accountId, FolderId parent, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT 1 FROM FOLDERS WHERE ACCOUNT_ID = ? AND PARENT_ID = ? AND DISPLAY_NAME = ?")) {
      query.setLong(1, accountId);
      query.setLong(2, parent.toLong());
      query.setString(3, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static byte[] entryId(UUID replica, FolderId folder) {
    // a private mailbox's mailbox GUID is its replica GUID (see Mailbox.replicaGuid)
    return FolderEntryId.ofPrivateFolder(replica, replica, folder).toBytes();
  }

  static Map<SpecialFolder, FolderId> ids(Connection connection, long accountId) throws SQLException {
    Map<SpecialFolder, FolderId> ids = new EnumMap<>(SpecialFolder.class);
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT SPECIAL, FOLDER_ID FROM FOLDERS WHERE ACCOUNT_ID = ? AND SPECIAL IS NOT NULL")) {
      query.setLong(1, accountId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.put(SpecialFolder.valueOf(rows.getString(1)), FolderId.fromLong(rows.getLong(2)));
        }
      }
    }
    return ids;
  }
}

package io.convene.storage.derby.store;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * PidTagAttributeHidden (MS-OXPROPS 2.609) on the configuration folders Exchange hides from the
 * folder list: Conversation Action Settings and Quick Step Settings (IPF.Configuration), the
 * Lync/Skype contact folders IM Contact List and Quick Contacts, and Freebusy Data. Suggested
 * Contacts stays visible, as in Exchange. Written at provisioning and on start into mailboxes
 * provisioned before; a value a client set (either way) is left alone.
 */
final class HiddenFolders {

  static final PropTag ATTRIBUTE_HIDDEN = PropTag.of(0x10F4, PropType.PT_BOOLEAN);

  static final Set<SpecialFolder> HIDDEN = EnumSet.of(
      SpecialFolder.CONVERSATION_ACTIONS, SpecialFolder.QUICK_STEP_SETTINGS, SpecialFolder.IM_CONTACT_LIST,
      SpecialFolder.QUICK_CONTACTS, SpecialFolder.FREEBUSY_DATA);

  private HiddenFolders() {}

  /** Marks those of the mailbox's folders that carry no PidTagAttributeHidden yet; true if any was. */
  static boolean mark(Connection connection, long accountId, Counters.Counter counter, UUID replica,
      PropertyBagCodec codec, Clock clock) throws SQLException, StoreException {
    Map<SpecialFolder, FolderId> ids = SpecialFolderIds.ids(connection, accountId);
    FolderWriter folders = new FolderWriter(connection, accountId, counter, replica, codec, clock);
    boolean marked = false;
    for (SpecialFolder special : HIDDEN) {
      FolderId id = ids.get(special);
      if (id != null && !hasAttribute(connection, accountId, id, codec)) {
        folders.setProperties(id, List.of(PropValue.ofBoolean(ATTRIBUTE_HIDDEN, true)));
        marked = true;
      }
    }
    return marked;
  }

  private static boolean hasAttribute(Connection connection, long accountId, FolderId id, PropertyBagCodec codec)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PROPS FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, accountId);
      query.setLong(2, id.toLong());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next() || row.getBytes(1) == null) {
          return false;
        }
        return codec.decode(row.getBytes(1)).stream().anyMatch(value -> value.tag().id() == ATTRIBUTE_HIDDEN.id());
      }
    }
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.storage.derby.codec.PropertyBagCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The property bag of the mailbox (store) object itself, in MAILBOXES.PROPS (MS-OXCSTOR 2.2.2). */
final class MailboxProperties {

  private MailboxProperties() {}

  static Map<PropTag, PropValue> read(Connection connection, long owner, PropertyBagCodec codec) throws SQLException {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT PROPS FROM MAILBOXES WHERE ACCOUNT_ID = ?")) {
      query.setLong(1, owner);
      try (ResultSet row = query.executeQuery()) {
        byte[] bytes = row.next() ? row.getBytes(1) : null;
        if (bytes != null) {
          for (PropValue value : codec.decode(bytes)) {
            bag.put(value.tag(), value);
          }
        }
      }
    }
    return bag;
  }

  /** Applies the change; a value replaces any of the same property id. */
  static void write(Connection connection, long owner, PropertyBagCodec codec, Collection<PropValue> set,
      Collection<PropTag> remove) throws SQLException {
    Map<PropTag, PropValue> bag = read(connection, owner, codec);
    for (PropTag tag : remove) {
      bag.keySet().removeIf(present -> present.id() == tag.id());
    }
    for (PropValue value : set) {
      bag.keySet().removeIf(present -> present.id() == value.tag().id());
      bag.put(value.tag(), value);
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE MAILBOXES SET PROPS = ? WHERE ACCOUNT_ID = ?")) {
      update.setBytes(1, codec.encode(bag.values()));
      update.setLong(2, owner);
      update.executeUpdate();
    }
  }
}

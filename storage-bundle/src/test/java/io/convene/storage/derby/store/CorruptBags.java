package io.convene.storage.derby.store;

import io.convene.storage.derby.db.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Damages stored property bags behind the store's back, for tests of what a bad row does. */
final class CorruptBags {

  private CorruptBags() {}

  /** Replaces the UTF-8 bytes of {@code text} (two ASCII letters) in an item's bag by an invalid sequence. */
  static void corruptString(Database database, long id, String text) throws Exception {
    try (Connection connection = database.connection()) {
      byte[] bag;
      try (PreparedStatement query = connection.prepareStatement("SELECT PROPS FROM MESSAGES WHERE MESSAGE_ID = ?")) {
        query.setLong(1, id);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          bag = row.getBytes(1);
        }
      }
      int at = Collections.indexOfSubList(bytes(bag), bytes(text.getBytes(StandardCharsets.US_ASCII)));
      if (at < 0) {
        throw new AssertionError("'" + text + "' is not in the bag of item " + id);
      }
      bag[at] = (byte) 0xC3;
      bag[at + 1] = 0x28;
      try (PreparedStatement update = connection.prepareStatement("UPDATE MESSAGES SET PROPS = ? WHERE MESSAGE_ID = ?")) {
        update.setBytes(1, bag);
        update.setLong(2, id);
        update.executeUpdate();
      }
      connection.commit();
    }
  }

  private static List<Byte> bytes(byte[] array) {
    List<Byte> list = new ArrayList<>(array.length);
    for (byte b : array) {
      list.add(b);
    }
    return list;
  }
}

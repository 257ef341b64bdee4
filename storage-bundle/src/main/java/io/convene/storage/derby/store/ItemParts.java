package io.convene.storage.derby.store;

import io.convene.api.store.AttachmentInfo;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an item kept beside its property bag: recipient rows, attachments and large
 * streamed values. Attachment data and large values go to and from BLOBs as streams.
 */
final class ItemParts {

  /** PidTagRowid of a recipient row and PidTagAttachNumber of an attachment (MS-OXCMSG). */
  static final PropTag ROW_ID = PropTag.of(0x3000, PropType.PT_LONG);
  static final PropTag ATTACH_NUMBER = PropTag.of(0x0E21, PropType.PT_LONG);
  static final PropTag ATTACH_SIZE = PropTag.of(0x0E20, PropType.PT_LONG);

  private static final String[] TABLES = {"RECIPIENTS", "ATTACHMENTS", "LARGE_VALUES"};

  private ItemParts() {}

  static List<Map<PropTag, PropValue>> recipients(Connection connection, long owner, MessageId id, PropertyBagCodec codec)
      throws SQLException {
    List<Map<PropTag, PropValue>> rows = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT ROW_ID, PROPS FROM RECIPIENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? ORDER BY ROW_ID")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          Map<PropTag, PropValue> bag = bag(codec.decode(result.getBytes(2)));
          bag.put(ROW_ID, PropValue.ofInt(ROW_ID, result.getInt(1)));
          rows.add(bag);
        }
      }
    }
    return rows;
  }

  static void setRecipients(Connection connection, long owner, MessageId id, List<? extends Collection<PropValue>> recipients,
      PropertyBagCodec codec) throws SQLException {
    delete(connection, "RECIPIENTS", owner, id);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO RECIPIENTS (ACCOUNT_ID, MESSAGE_ID, ROW_ID, PROPS) VALUES (?, ?, ?, ?)")) {
      for (int row = 0; row < recipients.size(); row++) {
        List<PropValue> values = recipients.get(row).stream().filter(value -> value.tag().id() != ROW_ID.id()).toList();
        insert.setLong(1, owner);
        insert.setLong(2, id.toLong());
        insert.setInt(3, row);
        insert.setBytes(4, codec.encode(values));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static List<AttachmentInfo> attachments(Connection connection, long owner, MessageId id, PropertyBagCodec codec)
      throws SQLException {
    List<AttachmentInfo> attachments = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT ATTACH_NUM, PROPS, SIZE FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? ORDER BY ATTACH_NUM")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          int number = result.getInt(1);
          Map<PropTag, PropValue> bag = bag(codec.decode(result.getBytes(2)));
          bag.put(ATTACH_NUMBER, PropValue.ofInt(ATTACH_NUMBER, number));
          long size = result.getLong(3);
          bag.put(ATTACH_SIZE, PropValue.ofInt(ATTACH_SIZE, (int) Math.min(Integer.MAX_VALUE, size)));
          attachments.add(new AttachmentInfo(number, bag, size));
        }
      }
    }
    return attachments;
  }

  static int addAttachment(Connection connection, long owner, MessageId id, Collection<PropValue> properties,
      LimitedInputStream data, PropertyBagCodec codec) throws SQLException {
    int number;
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT COALESCE(MAX(ATTACH_NUM) + 1, 0) FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet result = query.executeQuery()) {
        result.next();
        number = result.getInt(1);
      }
    }
    List<PropValue> values = properties.stream()
        .filter(value -> value.tag().id() != ATTACH_NUMBER.id() && value.tag().id() != ATTACH_SIZE.id())
        .toList();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO ATTACHMENTS (ACCOUNT_ID, MESSAGE_ID, ATTACH_NUM, PROPS, SIZE, DATA) VALUES (?, ?, ?, ?, 0, ?)")) {
      insert.setLong(1, owner);
      insert.setLong(2, id.toLong());
      insert.setInt(3, number);
      insert.setBytes(4, codec.encode(values));
      insert.setBinaryStream(5, data);
      insert.executeUpdate();
    }
    try (PreparedStatement size = connection.prepareStatement(
        "UPDATE ATTACHMENTS SET SIZE = ? WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND ATTACH_NUM = ?")) {
      size.setLong(1, data.count());
      size.setLong(2, owner);
      size.setLong(3, id.toLong());
      size.setInt(4, number);
      size.executeUpdate();
    }
    return number;
  }

  static void deleteAttachment(Connection connection, long owner, MessageId id, int number) throws SQLException, StoreException {
    EmbeddedMessages.deleteIn(connection, owner, id.toLong(), number);
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND ATTACH_NUM = ?")) {
      delete.setLong(1, owner);
      delete.setLong(2, id.toLong());
      delete.setInt(3, number);
      if (delete.executeUpdate() == 0) {
        throw new StoreException(StoreError.NOT_FOUND, "no attachment " + number + " on " + id);
      }
    }
  }

  static void writeLargeValue(Connection connection, long owner, MessageId id, PropTag tag, LimitedInputStream value)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM LARGE_VALUES WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND TAG = ?")) {
      delete.setLong(1, owner);
      delete.setLong(2, id.toLong());
      delete.setInt(3, tag.tag());
      delete.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO LARGE_VALUES (ACCOUNT_ID, MESSAGE_ID, TAG, DATA) VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, owner);
      insert.setLong(2, id.toLong());
      insert.setInt(3, tag.tag());
      insert.setBinaryStream(4, value);
      insert.executeUpdate();
    }
  }

  /** Copies one BLOB to {@code sink} in chunks, inside the caller's transaction. */
  static void copyBlob(Connection connection, String sql, long owner, MessageId id, int key, OutputStream sink, String what)
      throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      query.setInt(3, key);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new StoreException(StoreError.NOT_FOUND, "no " + what);
        }
        Blob blob = result.getBlob(1);
        if (blob == null) {
          return;
        }
        try (InputStream in = blob.getBinaryStream()) {
          in.transferTo(sink);
        } catch (IOException e) {
          throw new StoreException(StoreError.STORAGE_FAILURE, "copying " + what + " failed: " + e.getMessage(), e);
        } finally {
          blob.free();
        }
      }
    }
  }

  /** A hard-deleted item's parts go with it. */
  static void deleteAll(Connection connection, long owner, MessageId id) throws SQLException {
    EmbeddedMessages.deleteUnder(connection, owner, id);
    for (String table : TABLES) {
      delete(connection, table, owner, id);
    }
  }

  private static void delete(Connection connection, String table, long owner, MessageId id) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?")) {
      delete.setLong(1, owner);
      delete.setLong(2, id.toLong());
      delete.executeUpdate();
    }
  }

  /** Copies the recipients, attachments and large values of {@code from} to {@code to}, BLOBs inside Derby. */
  static void copyAll(Connection connection, long owner, long from, long to) throws SQLException {
    String[] copies = {
      "INSERT INTO RECIPIENTS (ACCOUNT_ID, MESSAGE_ID, ROW_ID, PROPS) SELECT ACCOUNT_ID, CAST(? AS BIGINT), ROW_ID, PROPS"
          + " FROM RECIPIENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?",
      "INSERT INTO ATTACHMENTS (ACCOUNT_ID, MESSAGE_ID, ATTACH_NUM, PROPS, SIZE, DATA) SELECT ACCOUNT_ID, CAST(? AS BIGINT),"
          + " ATTACH_NUM, PROPS, SIZE, DATA FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?",
      "INSERT INTO LARGE_VALUES (ACCOUNT_ID, MESSAGE_ID, TAG, DATA) SELECT ACCOUNT_ID, CAST(? AS BIGINT), TAG, DATA"
          + " FROM LARGE_VALUES WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?"};
    for (String sql : copies) {
      try (PreparedStatement copy = connection.prepareStatement(sql)) {
        copy.setLong(1, to);
        copy.setLong(2, owner);
        copy.setLong(3, from);
        copy.executeUpdate();
      }
    }
  }

  static int attachmentCount(Connection connection, long owner, MessageId id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT COUNT(*) FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static Map<PropTag, PropValue> bag(List<PropValue> values) {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>();
    for (PropValue value : values) {
      bag.put(value.tag(), value);
    }
    return bag;
  }
}

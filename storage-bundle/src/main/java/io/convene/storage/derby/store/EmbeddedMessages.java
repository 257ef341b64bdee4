package io.convene.storage.derby.store;

import io.convene.api.store.AttachmentPath;
import io.convene.api.store.EmbeddedMessage;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages embedded in attachments (MS-OXCMSG 2.2.2.9): a row of EMBEDDED_MESSAGES each, with an
 * id from the mailbox counter under which {@link ItemParts} keeps its recipients and attachments,
 * so an embedded message has parts exactly as an item has. Runs inside the caller's transaction;
 * rights are checked by the caller on the item the path starts from.
 */
final class EmbeddedMessages {

  /** PidTagAttachMethod and its afEmbeddedMessage value. */
  static final PropTag ATTACH_METHOD = PropTag.of(0x3705, PropType.PT_LONG);
  static final int AF_EMBEDDED_MESSAGE = 5;

  private static final String[] PART_TABLES = {"RECIPIENTS", "ATTACHMENTS", "LARGE_VALUES"};

  private EmbeddedMessages() {}

  /**
   * Creates the message embedded in the attachment at {@code path} and marks the attachment
   * afEmbeddedMessage.
   */
  static void create(Connection connection, long owner, Counters.Counter counter, AttachmentPath path,
      Collection<PropValue> properties, PropertyBagCodec codec, Instant now) throws SQLException, StoreException {
    long container = container(connection, owner, path);
    int number = last(path);
    Map<PropTag, PropValue> attachment = attachmentBag(connection, owner, container, number, codec, path);
    if (embeddedIn(connection, owner, container, number) != null) {
      throw new StoreException(StoreError.INVALID_PARAMETER, path + " holds an embedded message already");
    }
    long id = MessageId.of(DerbyStore.REPLICA_ID, counter.allocate(connection, 1)).toLong();
    Map<PropTag, PropValue> bag = apply(new LinkedHashMap<>(), properties, List.of(), now);
    bag.putIfAbsent(Tags.CREATION_TIME, PropValue.ofTime(Tags.CREATION_TIME, now));
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO EMBEDDED_MESSAGES (ACCOUNT_ID, EMBEDDED_ID, TOP_ID, PARENT_ID, ATTACH_NUM, DEPTH, PROPS)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, owner);
      insert.setLong(2, id);
      insert.setLong(3, path.item().toLong());
      insert.setLong(4, container);
      insert.setInt(5, number);
      insert.setInt(6, path.depth());
      insert.setBytes(7, codec.encode(bag.values()));
      insert.executeUpdate();
    }
    attachment.put(ATTACH_METHOD, PropValue.ofInt(ATTACH_METHOD, AF_EMBEDDED_MESSAGE));
    attachment.remove(ItemParts.ATTACH_NUMBER);
    attachment.remove(ItemParts.ATTACH_SIZE);
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE ATTACHMENTS SET PROPS = ? WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND ATTACH_NUM = ?")) {
      update.setBytes(1, codec.encode(attachment.values()));
      update.setLong(2, owner);
      update.setLong(3, container);
      update.setInt(4, number);
      update.executeUpdate();
    }
  }

  static EmbeddedMessage read(Connection connection, long owner, AttachmentPath path, PropertyBagCodec codec)
      throws SQLException, StoreException {
    long id = id(connection, owner, path);
    return new EmbeddedMessage(path, properties(connection, owner, id, codec),
        ItemParts.recipients(connection, owner, MessageId.fromLong(id), codec),
        ItemParts.attachments(connection, owner, MessageId.fromLong(id), codec));
  }

  /** Sets and removes properties of the message embedded at {@code path}. */
  static void save(Connection connection, long owner, AttachmentPath path, Collection<PropValue> set,
      Collection<PropTag> remove, PropertyBagCodec codec, Instant now, StoreLimits limits)
      throws SQLException, StoreException {
    long id = id(connection, owner, path);
    Map<PropTag, PropValue> bag = apply(properties(connection, owner, id, codec), set, remove, now);
    limits.checkCount(bag.size(), "the message embedded in " + path);
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE EMBEDDED_MESSAGES SET PROPS = ? WHERE ACCOUNT_ID = ? AND EMBEDDED_ID = ?")) {
      update.setBytes(1, codec.encode(bag.values()));
      update.setLong(2, owner);
      update.setLong(3, id);
      update.executeUpdate();
    }
  }

  /** The id under which the parts of the message embedded at {@code path} are kept. */
  static long id(Connection connection, long owner, AttachmentPath path) throws SQLException, StoreException {
    Long id = embeddedIn(connection, owner, container(connection, owner, path), last(path));
    if (id == null) {
      throw new StoreException(StoreError.NOT_FOUND, path + " holds no embedded message");
    }
    return id;
  }

  /**
   * The id of the message (the item, or an embedded one) whose attachment {@code path} ends in,
   * following the embedded messages of the attachments before.
   */
  static long container(Connection connection, long owner, AttachmentPath path) throws SQLException, StoreException {
    long container = path.item().toLong();
    List<Integer> numbers = path.numbers();
    for (int i = 0; i < numbers.size() - 1; i++) {
      Long embedded = embeddedIn(connection, owner, container, numbers.get(i));
      if (embedded == null) {
        throw new StoreException(StoreError.NOT_FOUND,
            "attachment " + numbers.subList(0, i + 1) + " of " + path.item() + " holds no embedded message");
      }
      container = embedded;
    }
    return container;
  }

  /** The id of the message embedded in attachment {@code number} of message {@code container}, if any. */
  static Long embeddedIn(Connection connection, long owner, long container, int number) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT EMBEDDED_ID FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND PARENT_ID = ? AND ATTACH_NUM = ?")) {
      query.setLong(1, owner);
      query.setLong(2, container);
      query.setInt(3, number);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }

  /** Deletes the message embedded in attachment {@code number} of {@code container}, and all below it. */
  static void deleteIn(Connection connection, long owner, long container, int number) throws SQLException {
    Long embedded = embeddedIn(connection, owner, container, number);
    if (embedded != null) {
      deleteTree(connection, owner, embedded);
    }
  }

  /** Deletes every message embedded anywhere in item {@code top} (the item is being deleted). */
  static void deleteUnder(Connection connection, long owner, MessageId top) throws SQLException {
    try (PreparedStatement any = connection.prepareStatement(
        "SELECT 1 FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND TOP_ID = ? FETCH FIRST 1 ROWS ONLY")) {
      any.setLong(1, owner);
      any.setLong(2, top.toLong());
      try (ResultSet row = any.executeQuery()) {
        if (!row.next()) {
          return; // the common case: one indexed probe
        }
      }
    }
    for (String table : PART_TABLES) {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE ACCOUNT_ID = ? AND MESSAGE_ID IN"
          + " (SELECT EMBEDDED_ID FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND TOP_ID = ?)")) {
        delete.setLong(1, owner);
        delete.setLong(2, owner);
        delete.setLong(3, top.toLong());
        delete.executeUpdate();
      }
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND TOP_ID = ?")) {
      delete.setLong(1, owner);
      delete.setLong(2, top.toLong());
      delete.executeUpdate();
    }
  }

  /**
   * Copies the messages embedded in the attachments of {@code from} (an item or an embedded
   * message) under {@code to}, whose attachments were copied already, with new ids, at every depth.
   */
  static void copyTree(Connection connection, long owner, Counters.Counter counter, long from, long to, MessageId toTop) throws SQLException, StoreException {
    record Child(long id, int number, int depth, byte[] props) {}
    List<Child> children = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT EMBEDDED_ID, ATTACH_NUM, DEPTH, PROPS FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND PARENT_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, from);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          children.add(new Child(rows.getLong(1), rows.getInt(2), rows.getInt(3), rows.getBytes(4)));
        }
      }
    }
    for (Child child : children) {
      long copy = MessageId.of(DerbyStore.REPLICA_ID, counter.allocate(connection, 1)).toLong();
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO EMBEDDED_MESSAGES (ACCOUNT_ID, EMBEDDED_ID, TOP_ID, PARENT_ID, ATTACH_NUM, DEPTH, PROPS)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, owner);
        insert.setLong(2, copy);
        insert.setLong(3, toTop.toLong());
        insert.setLong(4, to);
        insert.setInt(5, child.number());
        insert.setInt(6, child.depth());
        insert.setBytes(7, child.props());
        insert.executeUpdate();
      }
      ItemParts.copyAll(connection, owner, child.id(), copy);
      copyTree(connection, owner, counter, child.id(), copy, toTop); // as deep as the nesting limit allowed
    }
  }

  private static void deleteTree(Connection connection, long owner, long id) throws SQLException {
    List<Long> children = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT EMBEDDED_ID FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND PARENT_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          children.add(rows.getLong(1));
        }
      }
    }
    for (long child : children) {
      deleteTree(connection, owner, child); // as deep as the nesting limit allowed
    }
    for (String table : PART_TABLES) {
      delete(connection, "DELETE FROM " + table + " WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?", owner, id);
    }
    delete(connection, "DELETE FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND EMBEDDED_ID = ?", owner, id);
  }

  private static void delete(Connection connection, String sql, long owner, long id) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setLong(1, owner);
      delete.setLong(2, id);
      delete.executeUpdate();
    }
  }

  /** The client's changes; the ids and change data of an item have no meaning on an embedded message. */
  private static Map<PropTag, PropValue> apply(Map<PropTag, PropValue> bag, Collection<PropValue> set,
      Collection<PropTag> remove, Instant now) {
    for (PropTag tag : remove) {
      bag.remove(tag);
    }
    for (PropValue value : set) {
      if (!Tags.MAINTAINED_IDS.contains(value.tag().id())) {
        bag.keySet().removeIf(tag -> tag.id() == value.tag().id());
        bag.put(value.tag(), value);
      }
    }
    bag.put(Tags.LAST_MODIFICATION_TIME, PropValue.ofTime(Tags.LAST_MODIFICATION_TIME, now));
    return bag;
  }

  private static Map<PropTag, PropValue> properties(Connection connection, long owner, long id, PropertyBagCodec codec)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PROPS FROM EMBEDDED_MESSAGES WHERE ACCOUNT_ID = ? AND EMBEDDED_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id);
      try (ResultSet row = query.executeQuery()) {
        Map<PropTag, PropValue> bag = new LinkedHashMap<>();
        if (row.next()) {
          for (PropValue value : codec.decode(row.getBytes(1))) {
            bag.put(value.tag(), value);
          }
        }
        return bag;
      }
    }
  }

  private static Map<PropTag, PropValue> attachmentBag(Connection connection, long owner, long container, int number,
      PropertyBagCodec codec, AttachmentPath path) throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PROPS FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND ATTACH_NUM = ?")) {
      query.setLong(1, owner);
      query.setLong(2, container);
      query.setInt(3, number);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(StoreError.NOT_FOUND, "no " + path);
        }
        Map<PropTag, PropValue> bag = new LinkedHashMap<>();
        for (PropValue value : codec.decode(row.getBytes(1))) {
          bag.put(value.tag(), value);
        }
        return bag;
      }
    }
  }

  private static int last(AttachmentPath path) {
    return path.numbers().get(path.numbers().size() - 1);
  }
}

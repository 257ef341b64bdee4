package io.convene.storage.derby.store;

import io.convene.api.store.Guids;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mailbox's named-property map (MS-OXCPRPT 3.1.4.7): property set GUID + LID or name to an id
 * 0x8000-0xFFFE, assigned on first use and never changed, so ids stored in items stay valid.
 */
final class NamedProperties {

  static final int MAX_NAME_LENGTH = 256;

  private NamedProperties() {}

  /** The id, or -1 if unmapped and {@code create} is false. */
  static int id(Connection connection, long accountId, NamedProperty property, boolean create)
      throws SQLException, StoreException {
    if (!property.isLid() && property.name().length() > MAX_NAME_LENGTH) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "named property names are at most " + MAX_NAME_LENGTH + " characters");
    }
    String key = key(property);
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PROP_ID FROM NAMED_PROPS WHERE ACCOUNT_ID = ? AND NAME_KEY = ?")) {
      query.setLong(1, accountId);
      query.setString(2, key);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          return row.getInt(1);
        }
      }
    }
    if (!create) {
      return -1;
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE MAILBOXES SET NEXT_NAMED_ID = NEXT_NAMED_ID + 1 WHERE ACCOUNT_ID = ?")) {
      update.setLong(1, accountId);
      update.executeUpdate();
    }
    int id;
    try (PreparedStatement query = connection.prepareStatement("SELECT NEXT_NAMED_ID - 1 FROM MAILBOXES WHERE ACCOUNT_ID = ?")) {
      query.setLong(1, accountId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        id = row.getInt(1);
      }
    }
    if (id > PropTag.LAST_NAMED_ID) {
      throw new StoreException(StoreError.TOO_BIG, "the mailbox has no named property ids left");
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO NAMED_PROPS (ACCOUNT_ID, PROP_ID, SET_GUID, LID, NAME, NAME_KEY) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, accountId);
      insert.setInt(2, id);
      insert.setBytes(3, Guids.toBytes(property.propertySet()));
      if (property.isLid()) {
        insert.setLong(4, property.lid());
        insert.setNull(5, java.sql.Types.VARCHAR);
      } else {
        insert.setNull(4, java.sql.Types.BIGINT);
        insert.setString(5, property.name());
      }
      insert.setString(6, key);
      insert.executeUpdate();
    }
    return id;
  }

  /** The mapped ids of several properties in one query; unmapped ones are absent. */
  static Map<NamedProperty, Integer> ids(Connection connection, long accountId, List<NamedProperty> properties) throws SQLException {
    Map<String, NamedProperty> byKey = new HashMap<>();
    for (NamedProperty property : properties) {
      byKey.put(key(property), property);
    }
    String marks = String.join(", ", java.util.Collections.nCopies(byKey.size(), "?"));
    Map<NamedProperty, Integer> found = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT NAME_KEY, PROP_ID FROM NAMED_PROPS WHERE ACCOUNT_ID = ? AND NAME_KEY IN (" + marks + ")")) {
      query.setLong(1, accountId);
      int index = 2;
      for (String key : byKey.keySet()) {
        query.setString(index++, key);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(byKey.get(rows.getString(1)), rows.getInt(2));
        }
      }
    }
    return found;
  }

  static NamedProperty property(Connection connection, long accountId, int id) throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT SET_GUID, LID, NAME FROM NAMED_PROPS WHERE ACCOUNT_ID = ? AND PROP_ID = ?")) {
      query.setLong(1, accountId);
      query.setInt(2, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(StoreError.NOT_FOUND, "no named property with id 0x" + Integer.toHexString(id));
        }
        var guid = Guids.fromBytes(row.getBytes(1));
        long lid = row.getLong(2);
        return row.wasNull() ? NamedProperty.ofName(guid, row.getString(3)) : NamedProperty.ofLid(guid, lid);
      }
    }
  }

  /** Every mapping of a mailbox, by property id. */
  static Map<Integer, NamedProperty> all(Connection connection, long accountId) throws SQLException {
    Map<Integer, NamedProperty> all = new java.util.TreeMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PROP_ID, SET_GUID, LID, NAME FROM NAMED_PROPS WHERE ACCOUNT_ID = ? ORDER BY PROP_ID")) {
      query.setLong(1, accountId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          var guid = Guids.fromBytes(rows.getBytes(2));
          long lid = rows.getLong(3);
          boolean named = rows.wasNull();
          all.put(rows.getInt(1), named ? NamedProperty.ofName(guid, rows.getString(4)) : NamedProperty.ofLid(guid, lid));
        }
      }
    }
    return all;
  }

  /** Names are case-sensitive in MAPI, GUIDs are not: the key keeps the name as is. */
  private static String key(NamedProperty property) {
    String set = property.propertySet().toString().toLowerCase(Locale.ROOT);
    return property.isLid() ? set + ":lid:" + property.lid() : set + ":name:" + property.name();
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.FolderId;
import io.convene.api.store.ReceiveFolder;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mailbox's receive folder map (MS-OXCSTOR 2.2.1.2-2.2.1.4, 3.2.5.2-3.2.5.4): message class to
 * folder, found by the class or its longest parent class, the empty class being the default.
 * Classes compare without regard to case, so each row is keyed by the upper-cased class and keeps
 * the class as it was set.
 */
final class ReceiveFolders {

  /** The classes every private mailbox starts with, and their folders (MAPI's defaults). */
  static final Map<String, SpecialFolder> DEFAULTS = Map.of(
      "", SpecialFolder.INBOX,
      "IPM", SpecialFolder.INBOX,
      "REPORT.IPM", SpecialFolder.INBOX,
      "IPC", SpecialFolder.ROOT);

  /** Entries that can be changed but never removed: the default and the IPM defaults. */
  private static final List<String> PERMANENT = List.of("", "IPM", "REPORT.IPM");

  private static final int MAX_CLASS = 255;

  private ReceiveFolders() {}

  /**
   * Checks a message class as MS-OXCSTOR 2.2.1.2.1 requires: ASCII 32-126, at most 255 characters
   * with the terminator, no leading, trailing or doubled period. The empty class is the default.
   */
  static String checkClass(String messageClass) throws StoreException {
    if (messageClass == null || messageClass.length() >= MAX_CLASS) {
      throw invalid(messageClass, "has 0 to 254 characters");
    }
    for (int i = 0; i < messageClass.length(); i++) {
      char c = messageClass.charAt(i);
      if (c < 32 || c > 126) {
        throw invalid(messageClass, "is printable ASCII");
      }
    }
    if (messageClass.startsWith(".") || messageClass.endsWith(".") || messageClass.contains("..")) {
      throw invalid(messageClass, "has no leading, trailing or adjacent periods");
    }
    return messageClass;
  }

  private static StoreException invalid(String messageClass, String rule) {
    return new StoreException(StoreError.INVALID_PARAMETER, "a message class " + rule + ": '" + messageClass + "'");
  }

  static String key(String messageClass) {
    return messageClass.toUpperCase(Locale.ROOT);
  }

  /** Whether a class is an IPC one, whose receive folder is the root and stays there. */
  static boolean isIpc(String messageClass) {
    String key = key(messageClass);
    return key.equals("IPC") || key.startsWith("IPC.");
  }

  static boolean isPermanent(String messageClass) {
    return PERMANENT.contains(key(messageClass));
  }

  /** The entry for the class or its longest parent; the default entry at the end. */
  static ReceiveFolder find(Connection connection, long accountId, String messageClass) throws SQLException, StoreException {
    String key = key(messageClass);
    while (true) {
      ReceiveFolder entry = read(connection, accountId, key);
      if (entry != null) {
        return entry;
      }
      if (key.isEmpty()) {
        throw new StoreException(StoreError.NOT_FOUND, "mailbox " + accountId + " has no default receive folder");
      }
      int dot = key.lastIndexOf('.');
      key = dot < 0 ? "" : key.substring(0, dot);
    }
  }

  private static ReceiveFolder read(Connection connection, long accountId, String key) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MESSAGE_CLASS, FOLDER_ID, MODIFIED FROM RECEIVE_FOLDERS WHERE ACCOUNT_ID = ? AND CLASS_KEY = ?")) {
      query.setLong(1, accountId);
      query.setString(2, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? entry(row) : null;
      }
    }
  }

  private static ReceiveFolder entry(ResultSet row) throws SQLException {
    return new ReceiveFolder(row.getString(1), FolderId.fromLong(row.getLong(2)), Instant.ofEpochMilli(row.getLong(3)));
  }

  static List<ReceiveFolder> list(Connection connection, long accountId) throws SQLException {
    List<ReceiveFolder> entries = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MESSAGE_CLASS, FOLDER_ID, MODIFIED FROM RECEIVE_FOLDERS WHERE ACCOUNT_ID = ? ORDER BY CLASS_KEY")) {
      query.setLong(1, accountId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(entry(rows));
        }
      }
    }
    return entries;
  }

  /** Sets (replaces) the entry of a class. */
  static void set(Connection connection, long accountId, String messageClass, FolderId folder, Instant now)
      throws SQLException {
    remove(connection, accountId, messageClass);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO RECEIVE_FOLDERS (ACCOUNT_ID, CLASS_KEY, MESSAGE_CLASS, FOLDER_ID, MODIFIED) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, accountId);
      insert.setString(2, key(messageClass));
      insert.setString(3, messageClass);
      insert.setLong(4, folder.toLong());
      insert.setLong(5, now.toEpochMilli());
      insert.executeUpdate();
    }
  }

  static void remove(Connection connection, long accountId, String messageClass) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM RECEIVE_FOLDERS WHERE ACCOUNT_ID = ? AND CLASS_KEY = ?")) {
      delete.setLong(1, accountId);
      delete.setString(2, key(messageClass));
      delete.executeUpdate();
    }
  }

  /** Writes the default entries that a mailbox lacks; true if it lacked any. */
  static boolean provisionDefaults(Connection connection, long accountId, Map<SpecialFolder, FolderId> ids, Instant now)
      throws SQLException {
    boolean added = false;
    for (Map.Entry<String, SpecialFolder> entry : DEFAULTS.entrySet()) {
      if (read(connection, accountId, entry.getKey()) == null) {
        set(connection, accountId, entry.getKey(), ids.get(entry.getValue()), now);
        added = true;
      }
    }
    return added;
  }

  /**
   * Drops the entries of deleted folders; a permanent one falls back to its default folder, since
   * those entries must always name a folder.
   */
  static void folderDeleted(Connection connection, long accountId, FolderId folder, Map<SpecialFolder, FolderId> ids,
      Instant now) throws SQLException {
    for (ReceiveFolder entry : list(connection, accountId)) {
      if (!entry.folder().equals(folder)) {
        continue;
      }
      SpecialFolder fallback = isPermanent(entry.messageClass()) ? DEFAULTS.get(key(entry.messageClass())) : null;
      if (fallback != null) {
        set(connection, accountId, entry.messageClass(), ids.get(fallback), now);
      } else {
        remove(connection, accountId, entry.messageClass());
      }
    }
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderRights;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folder ACLs: a member's own entry wins, else the Default entry, else no rights. An anonymous
 * caller has only the Anonymous entry: Default is for authenticated accounts (MS-OXCPERM 2.2.4).
 */
final class Permissions {

  private Permissions() {}

  static int rights(Connection connection, long ownerId, long folderId, Caller caller) throws SQLException {
    if (caller.system() || caller.accountId() == ownerId) {
      return FolderRights.ALL;
    }
    if (caller.isAnonymous()) {
      return anonymousRights(connection, ownerId, folderId);
    }
    Integer own = null;
    Integer fallback = null;
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MEMBER_ID, RIGHTS FROM PERMISSIONS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND MEMBER_ID IN (?, ?)")) {
      query.setLong(1, ownerId);
      query.setLong(2, folderId);
      query.setLong(3, caller.accountId());
      query.setLong(4, FolderRights.DEFAULT_MEMBER);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (rows.getLong(1) == caller.accountId()) {
            own = rows.getInt(2);
          } else {
            fallback = rows.getInt(2);
          }
        }
      }
    }
    return own != null ? own : fallback != null ? fallback : 0;
  }

  private static int anonymousRights(Connection connection, long ownerId, long folderId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT RIGHTS FROM PERMISSIONS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND MEMBER_ID = ?")) {
      query.setLong(1, ownerId);
      query.setLong(2, folderId);
      query.setLong(3, FolderRights.ANONYMOUS_MEMBER);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    }
  }

  static Map<Long, Integer> list(Connection connection, long ownerId, long folderId) throws SQLException {
    Map<Long, Integer> acl = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MEMBER_ID, RIGHTS FROM PERMISSIONS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? ORDER BY MEMBER_ID")) {
      query.setLong(1, ownerId);
      query.setLong(2, folderId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          acl.put(rows.getLong(1), rows.getInt(2));
        }
      }
    }
    return acl;
  }

  static void set(Connection connection, long ownerId, long folderId, long memberId, int rights) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM PERMISSIONS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND MEMBER_ID = ?")) {
      delete.setLong(1, ownerId);
      delete.setLong(2, folderId);
      delete.setLong(3, memberId);
      delete.executeUpdate();
    }
    if (rights != 0) {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO PERMISSIONS (ACCOUNT_ID, FOLDER_ID, MEMBER_ID, RIGHTS) VALUES (?, ?, ?, ?)")) {
        insert.setLong(1, ownerId);
        insert.setLong(2, folderId);
        insert.setLong(3, memberId);
        insert.setInt(4, rights);
        insert.executeUpdate();
      }
    }
  }
}

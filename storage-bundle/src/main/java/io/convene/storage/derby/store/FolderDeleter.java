package io.convene.storage.derby.store;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderDeletion;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.MessageId;
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

/**
 * Deletes a folder with its subtree inside one transaction (MS-OXCFOLD 3.2.5.3). Everything is
 * checked before anything is written, so a folder that cannot be deleted whole is left whole: the
 * spec's PartialCompletion without a half-deleted tree. Each deleted item and folder leaves a
 * tombstone under one change number, so sync reports the deletion as it does for items.
 */
final class FolderDeleter {

  /** A folder of the subtree: its id, parent, and live items with their creators. */
  private record Node(FolderId id, FolderId parent, List<long[]> items) {}

  private final Connection connection;
  private final long owner;
  private final Caller caller;
  /** The subtree {@link #plan} accepted, the folder first. */
  private List<Node> nodes = List.of();

  FolderDeleter(Connection connection, long owner, Caller caller) {
    this.connection = connection;
    this.owner = owner;
    this.caller = caller;
  }

  /**
   * The folders the deletion would remove, deepest first, or empty when it may not go ahead
   * (contents {@code what} does not cover, or contents the caller may not delete).
   */
  List<FolderId> plan(FolderId id, FolderDeletion what) throws SQLException, StoreException {
    String special;
    FolderId parent;
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT SPECIAL, PARENT_ID FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(StoreError.NOT_FOUND, "no folder " + id);
        }
        special = row.getString(1);
        parent = FolderId.fromLong(row.getLong(2));
      }
    }
    int rights = Permissions.rights(connection, owner, id.toLong(), caller);
    if (!FolderRights.has(rights, FolderRights.FOLDER_VISIBLE)) {
      throw new StoreException(StoreError.NOT_FOUND, "no folder " + id);
    }
    if (SpecialFolder.ROOT.name().equals(special)) {
      throw new StoreException(StoreError.NOT_SUPPORTED, "the root folder cannot be deleted");
    }
    if (special != null) {
      throw new StoreException(StoreError.ACCESS_DENIED, "the special folder " + special + " cannot be deleted");
    }
    if (!FolderRights.has(rights, FolderRights.FOLDER_OWNER)) {
      throw new StoreException(StoreError.ACCESS_DENIED, "deleting " + id + " needs FolderOwner");
    }
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node(id, parent, items(id)));
    for (int i = 0; i < nodes.size(); i++) {
      for (FolderId child : FolderChildren.of(connection, owner, nodes.get(i).id())) {
        if (!what.subfolders() || !FolderRights.has(Permissions.rights(connection, owner, child.toLong(), caller),
            FolderRights.FOLDER_OWNER)) {
          return List.of();
        }
        nodes.add(new Node(child, nodes.get(i).id(), items(child)));
      }
    }
    for (Node node : nodes) {
      if (!node.items().isEmpty() && (!what.messages() || !mayDeleteItems(node))) {
        return List.of();
      }
    }
    this.nodes = nodes;
    List<FolderId> order = new ArrayList<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      order.add(nodes.get(i).id());
    }
    return order;
  }

  /** Deletes what {@link #plan} found, deepest folder first, all under {@code changeNumber}. */
  void delete(boolean hard, long changeNumber, Instant now) throws SQLException {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node node = nodes.get(i);
      List<MessageId> live = node.items().stream().map(item -> MessageId.fromLong(item[0])).toList();
      DerbyMailbox.tombstones(connection, owner, node.id(), live, changeNumber, hard);
      if (hard) {
        for (MessageId item : allItems(node.id())) {
          ItemParts.deleteAll(connection, owner, item);
        }
        update("DELETE FROM MESSAGES WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?", node.id());
      } else {
        try (PreparedStatement soft = connection.prepareStatement(
            "UPDATE MESSAGES SET DELETED_AT = ? WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND DELETED_AT IS NULL")) {
          soft.setLong(1, now.toEpochMilli());
          soft.setLong(2, owner);
          soft.setLong(3, node.id().toLong());
          soft.executeUpdate();
        }
      }
      update("DELETE FROM PERMISSIONS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?", node.id());
      update("DELETE FROM SEARCH_CRITERIA WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?", node.id());
      update("DELETE FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?", node.id());
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO FOLDER_TOMBSTONES (ACCOUNT_ID, FOLDER_ID, PARENT_ID, CHANGE_NUMBER, HARD) VALUES (?, ?, ?, ?, ?)")) {
        insert.setLong(1, owner);
        insert.setLong(2, node.id().toLong());
        insert.setLong(3, node.parent().toLong());
        insert.setLong(4, changeNumber);
        insert.setShort(5, (short) (hard ? 1 : 0));
        insert.executeUpdate();
      }
    }
  }

  /** The folders deleted after {@code since}, oldest first. */
  static List<FolderId> deletedSince(Connection connection, long owner, long since) throws SQLException {
    List<FolderId> ids = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT FOLDER_ID FROM FOLDER_TOMBSTONES WHERE ACCOUNT_ID = ? AND CHANGE_NUMBER > ? ORDER BY CHANGE_NUMBER, FOLDER_ID")) {
      query.setLong(1, owner);
      query.setLong(2, since);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(FolderId.fromLong(rows.getLong(1)));
        }
      }
    }
    return ids;
  }

  private boolean mayDeleteItems(Node node) throws SQLException {
    int rights = Permissions.rights(connection, owner, node.id().toLong(), caller);
    if (FolderRights.has(rights, FolderRights.DELETE_ANY)) {
      return true;
    }
    long self = caller.system() ? owner : caller.accountId();
    return FolderRights.has(rights, FolderRights.DELETE_OWNED)
        && node.items().stream().allMatch(item -> item[1] == self);
  }

  /** Live (not soft-deleted) items: id and creator. */
  private List<long[]> items(FolderId folder) throws SQLException {
    List<long[]> items = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MESSAGE_ID, CREATOR_ID FROM MESSAGES WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND DELETED_AT IS NULL")) {
      query.setLong(1, owner);
      query.setLong(2, folder.toLong());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          items.add(new long[] {rows.getLong(1), rows.getLong(2)});
        }
      }
    }
    return items;
  }

  private List<MessageId> allItems(FolderId folder) throws SQLException {
    List<MessageId> ids = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MESSAGE_ID FROM MESSAGES WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, folder.toLong());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(MessageId.fromLong(rows.getLong(1)));
        }
      }
    }
    return ids;
  }

  private void update(String sql, FolderId folder) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, owner);
      statement.setLong(2, folder.toLong());
      statement.executeUpdate();
    }
  }
}

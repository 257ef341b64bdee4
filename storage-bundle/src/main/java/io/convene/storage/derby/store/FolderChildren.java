package io.convene.storage.derby.store;

import io.convene.api.store.FolderId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The direct subfolders of a folder, in id order, whatever the caller may see of them. */
final class FolderChildren {

  private FolderChildren() {}

  static List<FolderId> of(Connection connection, long account, FolderId parent) throws SQLException {
    List<FolderId> ids = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT FOLDER_ID FROM FOLDERS WHERE ACCOUNT_ID = ? AND PARENT_ID = ? ORDER BY FOLDER_ID")) {
      query.setLong(1, account);
      query.setLong(2, parent.toLong());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(FolderId.fromLong(rows.getLong(1)));
        }
      }
    }
    return ids;
  }
}

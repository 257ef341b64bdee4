package io.convene.storage.derby.store;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.SearchCriteria;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.query.Restriction;
import io.convene.storage.derby.codec.PropertyBagFormatException;
import io.convene.storage.derby.codec.RestrictionFormat;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Search folders (MS-OXCFOLD 2.2.1.2.1, 3.2.5.4): their criteria in SEARCH_CRITERIA, and the
 * folders a search reads. Nothing is materialized: a search folder's contents are evaluated when
 * they are read, so they always reflect the store.
 */
final class SearchFolders {

  /** FOLDERS.FOLDER_TYPE of a generic folder and of a search folder (PidTagFolderType). */
  static final int GENERIC = 1;
  static final int SEARCH = 2;

  /** Most folders a client may name as a search's scope. */
  static final int MAX_SCOPE = 1_000;
  /** Most folders one search reads once subfolders are added (RECURSIVE_SEARCH). */
  static final int MAX_SEARCHED_FOLDERS = 10_000;

  private SearchFolders() {}

  static Optional<SearchCriteria> read(Connection connection, long account, FolderId folder, RestrictionFormat format)
      throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT FLAGS, RESTRICTION, SCOPE FROM SEARCH_CRITERIA WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, account);
      query.setLong(2, folder.toLong());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(new SearchCriteria(format.decode(row.getBytes(2)), scope(row.getBytes(3)), row.getInt(1)));
        } catch (PropertyBagFormatException | IllegalArgumentException e) {
          throw new StoreException(StoreError.STORAGE_FAILURE, "the criteria of " + folder + " cannot be read", e);
        }
      }
    }
  }

  /**
   * The criteria a SetSearchCriteria leaves (MS-OXCFOLD 3.2.5.4): a missing restriction or scope is
   * the previous one; without RESTART_SEARCH or STOP_SEARCH the search keeps running or stopped,
   * without RECURSIVE_SEARCH or SHALLOW_SEARCH it keeps its depth (shallow at first).
   */
  static SearchCriteria merge(Optional<SearchCriteria> previous, Restriction restriction, Collection<FolderId> scope,
      int flags) throws StoreException {
    if ((flags & ~SearchCriteria.ALL_FLAGS) != 0) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "unknown SearchFlags 0x" + Integer.toHexString(flags));
    }
    both(flags, SearchCriteria.STOP_SEARCH, SearchCriteria.RESTART_SEARCH);
    both(flags, SearchCriteria.RECURSIVE_SEARCH, SearchCriteria.SHALLOW_SEARCH);
    both(flags, SearchCriteria.CONTENT_INDEXED_SEARCH, SearchCriteria.NON_CONTENT_INDEXED_SEARCH);
    if (restriction == null && previous.isEmpty() || scope.isEmpty() && previous.isEmpty()) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "the first search needs a restriction and folders");
    }
    if (scope.size() > MAX_SCOPE) {
      throw new StoreException(StoreError.TOO_BIG, "at most " + MAX_SCOPE + " folders per search, not " + scope.size());
    }
    int kept = previous.map(SearchCriteria::flags).orElse(SearchCriteria.SHALLOW_SEARCH);
    int stored = flags & ~(SearchCriteria.STOP_SEARCH | SearchCriteria.RESTART_SEARCH
        | SearchCriteria.RECURSIVE_SEARCH | SearchCriteria.SHALLOW_SEARCH);
    stored |= pick(flags, kept, SearchCriteria.STOP_SEARCH, SearchCriteria.RESTART_SEARCH, SearchCriteria.RESTART_SEARCH);
    stored |= pick(flags, kept, SearchCriteria.RECURSIVE_SEARCH, SearchCriteria.SHALLOW_SEARCH, SearchCriteria.SHALLOW_SEARCH);
    return new SearchCriteria(restriction != null ? restriction : previous.get().restriction(),
        scope.isEmpty() ? previous.get().scope() : List.copyOf(new LinkedHashSet<>(scope)), stored);
  }

  private static void both(int flags, int one, int other) throws StoreException {
    if ((flags & one) != 0 && (flags & other) != 0) {
      throw new StoreException(StoreError.INVALID_PARAMETER,
          "SearchFlags 0x" + Integer.toHexString(one) + " and 0x" + Integer.toHexString(other) + " together");
    }
  }

  /** Of two exclusive bits: the one given, else the one kept, else {@code fallback}. */
  private static int pick(int flags, int kept, int one, int other, int fallback) {
    if ((flags & (one | other)) != 0) {
      return flags & (one | other);
    }
    return (kept & (one | other)) != 0 ? kept & (one | other) : fallback;
  }

  static void write(Connection connection, long account, FolderId folder, SearchCriteria criteria, RestrictionFormat format)
      throws SQLException, StoreException {
    byte[] restriction;
    try {
      restriction = format.encode(criteria.restriction());
    } catch (PropertyBagFormatException e) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "the restriction cannot be stored: " + e.getMessage(), e);
    }
    ByteBuffer scope = ByteBuffer.allocate(8 * criteria.scope().size());
    criteria.scope().forEach(id -> scope.putLong(id.toLong()));
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM SEARCH_CRITERIA WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      delete.setLong(1, account);
      delete.setLong(2, folder.toLong());
      delete.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO SEARCH_CRITERIA (ACCOUNT_ID, FOLDER_ID, FLAGS, RESTRICTION, SCOPE) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, account);
      insert.setLong(2, folder.toLong());
      insert.setInt(3, criteria.flags());
      insert.setBytes(4, restriction);
      insert.setBytes(5, scope.array());
      insert.executeUpdate();
    }
  }

  private static List<FolderId> scope(byte[] stored) {
    if (stored.length % 8 != 0 || stored.length / 8 > MAX_SCOPE) {
      throw new IllegalArgumentException("a stored scope of " + stored.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(stored);
    List<FolderId> scope = new ArrayList<>(stored.length / 8);
    while (in.hasRemaining()) {
      scope.add(FolderId.fromLong(in.getLong()));
    }
    return scope;
  }

  /**
   * The folders a search reads: its scope, with every subfolder if it is recursive; search folders
   * (their items live elsewhere), folders gone since and folders the caller may not read are left out.
   */
  static List<FolderId> searched(Connection connection, long account, Caller caller, SearchCriteria criteria)
      throws SQLException, StoreException {
    Set<Long> seen = new LinkedHashSet<>();
    Deque<Long> pending = new ArrayDeque<>();
    criteria.scope().forEach(id -> pending.add(id.toLong()));
    List<FolderId> searched = new ArrayList<>();
    try (PreparedStatement type = connection.prepareStatement(
            "SELECT FOLDER_TYPE FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?");
        PreparedStatement children = connection.prepareStatement(
            "SELECT FOLDER_ID FROM FOLDERS WHERE ACCOUNT_ID = ? AND PARENT_ID = ? ORDER BY FOLDER_ID")) {
      while (!pending.isEmpty()) {
        long id = pending.poll();
        if (!seen.add(id)) {
          continue;
        }
        if (seen.size() > MAX_SEARCHED_FOLDERS) {
          throw new StoreException(StoreError.TOO_BIG, "a search reads at most " + MAX_SEARCHED_FOLDERS + " folders");
        }
        type.setLong(1, account);
        type.setLong(2, id);
        try (ResultSet row = type.executeQuery()) {
          if (!row.next() || row.getInt(1) == SEARCH) {
            continue;
          }
        }
        if (FolderRights.has(Permissions.rights(connection, account, id, caller), FolderRights.READ_ANY)) {
          searched.add(FolderId.fromLong(id));
        }
        if (criteria.recursive()) {
          children.setLong(1, account);
          children.setLong(2, id);
          try (ResultSet rows = children.executeQuery()) {
            while (rows.next()) {
              pending.add(rows.getLong(1));
            }
          }
        }
      }
    }
    return searched;
  }
}

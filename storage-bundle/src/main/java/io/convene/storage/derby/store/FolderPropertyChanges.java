package io.convene.storage.derby.store;

import io.convene.api.store.FolderId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's SetProperties / DeleteProperties on a folder (MS-OXCPRPT 3.2.5.5, 3.2.5.7): what the
 * store maintains or the protocol computes is refused per property, the rest is written as one
 * change of the folder. A new display name is a rename, unique among the siblings (MS-OXCFOLD
 * 3.2.5.2 ecDuplicateName).
 */
final class FolderPropertyChanges {

  /**
   * Ids a client may not set or remove on a folder: the store's own (ids, change tracking, times)
   * and the ones computed at each read (counts, entry ids, rights, type).
   */
  static final Set<Integer> READ_ONLY_IDS;

  static {
    Set<Integer> ids = new HashSet<>(Tags.MAINTAINED_IDS);
    ids.add(Tags.CREATION_TIME.id());
    for (int id : new int[] {
      0x0FFF, // PidTagEntryId
      0x0FF9, // PidTagRecordKey
      0x0FF4, // PidTagAccess
      0x0FF6, // PidTagInstanceKey
      0x0FFE, // PidTagObjectType
      0x0FFB, // PidTagStoreEntryId
      0x0FFA, // PidTagStoreRecordKey
      0x0E08, // PidTagMessageSize
      0x3601, // PidTagFolderType
      0x3602, // PidTagContentCount
      0x3603, // PidTagContentUnreadCount
      0x360A, // PidTagSubfolders
      0x3617, // PidTagAssociatedContentCount
      0x6638, // PidTagFolderChildCount
      0x6639, // PidTagRights
      0x663E, // PidTagHierarchyChangeNumber
      0x670A, // PidTagLocalCommitTimeMax
      0x670B, // PidTagDeletedCountTotal
    }) {
      ids.add(id);
    }
    READ_ONLY_IDS = Set.copyOf(ids);
  }

  private static final int MAX_NAME = 256;

  private FolderPropertyChanges() {}

  /**
   * Applies the change; problems are returned, not thrown.
   *
   * @return the refused properties and why, in request order
   */
  static Map<PropTag, StoreError> apply(Connection connection, long owner, FolderWriter writer, FolderId id,
      Collection<PropValue> set, Collection<PropTag> remove) throws SQLException, StoreException {
    Map<PropTag, StoreError> problems = new LinkedHashMap<>();
    List<PropValue> accepted = new ArrayList<>();
    for (PropValue value : set) {
      if (READ_ONLY_IDS.contains(value.tag().id())) {
        problems.put(value.tag(), StoreError.COMPUTED);
      } else {
        accepted.add(normalised(value));
      }
    }
    List<PropTag> removed = new ArrayList<>();
    for (PropTag tag : remove) {
      if (READ_ONLY_IDS.contains(tag.id())) {
        problems.put(tag, StoreError.COMPUTED);
      } else if (tag.id() == Tags.DISPLAY_NAME.id()) {
        problems.put(tag, StoreError.ACCESS_DENIED); // a folder always has a name
      } else {
        removed.add(tag);
      }
    }
    for (PropValue value : accepted) {
      if (value.tag().equals(Tags.DISPLAY_NAME)) {
        checkName(connection, owner, id, value.asString());
      }
    }
    if (!accepted.isEmpty() || !removed.isEmpty()) {
      writer.setProperties(id, accepted, removed);
    }
    return problems;
  }

  /** The store keeps the names it promotes to columns as PT_UNICODE whatever type a client sent. */
  private static PropValue normalised(PropValue value) {
    boolean promoted = value.tag().id() == Tags.DISPLAY_NAME.id() || value.tag().id() == Tags.CONTAINER_CLASS.id();
    if (promoted && value.tag().type() == PropType.PT_STRING8) {
      return PropValue.ofString(PropTag.of(value.tag().id(), PropType.PT_UNICODE), value.asString());
    }
    if (promoted && value.tag().type() != PropType.PT_UNICODE) {
      throw new IllegalArgumentException(value.tag() + " is a string property");
    }
    return value;
  }

  private static void checkName(Connection connection, long owner, FolderId id, String name)
      throws SQLException, StoreException {
    if (name.isBlank() || name.length() > MAX_NAME) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "a folder name has 1 to " + MAX_NAME + " characters");
    }
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT 1 FROM FOLDERS F WHERE F.ACCOUNT_ID = ? AND F.DISPLAY_NAME = ? AND F.FOLDER_ID <> ? AND F.PARENT_ID ="
            + " (SELECT P.PARENT_ID FROM FOLDERS P WHERE P.ACCOUNT_ID = ? AND P.FOLDER_ID = ?)")) {
      query.setLong(1, owner);
      query.setString(2, name);
      query.setLong(3, id.toLong());
      query.setLong(4, owner);
      query.setLong(5, id.toLong());
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          throw new StoreException(StoreError.DUPLICATE_NAME, "a folder '" + name + "' exists there already");
        }
      }
    }
  }
}

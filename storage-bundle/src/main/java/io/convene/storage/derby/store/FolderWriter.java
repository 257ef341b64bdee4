package io.convene.storage.derby.store;

import io.convene.api.store.FolderId;
import io.convene.api.store.GlobalCounter;
import io.convene.api.store.PredecessorChangeList;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.api.store.Xid;
import io.convene.storage.derby.codec.PropertyBagCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Inserts folder rows with the properties Outlook reads from a folder (MS-OXCFOLD 2.2.2.2). */
final class FolderWriter {

  private final Connection connection;
  private final long accountId;
  private final Counters.Counter counter;
  private final UUID replica;
  private final PropertyBagCodec codec;
  private final Clock clock;

  FolderWriter(Connection connection, long accountId, Counters.Counter counter, UUID replica, PropertyBagCodec codec,
      Clock clock) {
    this.connection = connection;
    this.accountId = accountId;
    this.counter = counter;
    this.replica = replica;
    this.codec = codec;
    this.clock = clock;
  }

  FolderId create(FolderId parent, String displayName, String containerClass, SpecialFolder special)
      throws SQLException, StoreException {
    long first = counter.allocate(connection, 2);
    FolderId id = FolderId.of(DerbyStore.REPLICA_ID, first);
    long changeNumber = first + 1;
    Xid change = Xid.ofGid(replica, GlobalCounter.of(changeNumber));
    var now = clock.instant();
    List<PropValue> properties = new ArrayList<>();
    properties.add(PropValue.ofString(Tags.DISPLAY_NAME, displayName));
    if (containerClass != null) {
      properties.add(PropValue.ofString(Tags.CONTAINER_CLASS, containerClass));
    }
    properties.add(PropValue.ofLong(Tags.FOLDER_ID, id.toLong()));
    if (parent != null) {
      properties.add(PropValue.ofLong(Tags.PARENT_FOLDER_ID, parent.toLong()));
      properties.add(PropValue.ofBytes(Tags.PARENT_SOURCE_KEY, Xid.ofGid(replica, parent.counter()).toBytes()));
    }
    properties.add(PropValue.ofBytes(Tags.SOURCE_KEY, Xid.ofGid(replica, id.counter()).toBytes()));
    properties.add(PropValue.ofBytes(Tags.CHANGE_KEY, change.toBytes()));
    properties.add(PropValue.ofBytes(Tags.PREDECESSOR_CHANGE_LIST, PredecessorChangeList.of(List.of(change)).toBytes()));
    properties.add(PropValue.ofLong(Tags.CHANGE_NUMBER, changeNumber));
    properties.add(PropValue.ofTime(Tags.CREATION_TIME, now));
    properties.add(PropValue.ofTime(Tags.LAST_MODIFICATION_TIME, now));
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO FOLDERS (ACCOUNT_ID, FOLDER_ID, PARENT_ID, DISPLAY_NAME, CONTAINER_CLASS, SPECIAL, CHANGE_NUMBER, PROPS)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, accountId);
      insert.setLong(2, id.toLong());
      if (parent == null) {
        insert.setNull(3, java.sql.Types.BIGINT);
      } else {
        insert.setLong(3, parent.toLong());
      }
      insert.setString(4, displayName);
      insert.setString(5, containerClass);
      insert.setString(6, special == null ? null : special.name());
      insert.setLong(7, changeNumber);
      insert.setBytes(8, codec.encode(properties));
      insert.executeUpdate();
    }
    return id;
  }

  /**
   * Sets properties of a folder as one change of it: a new change number, change key, predecessor
   * change list and modification time (MS-OXCFXICS 2.2.2.3), so hierarchy sync sends it again.
   */
  void setProperties(FolderId id, java.util.Collection<PropValue> values) throws SQLException, StoreException {
    setProperties(id, values, List.of());
  }

  /**
   * Sets and removes properties as one change; a value replaces any of the same property id, and
   * new PidTagDisplayName / PidTagContainerClass values update their columns too.
   *
   * @return the folder's new change number
   */
  long setProperties(FolderId id, java.util.Collection<PropValue> values,
      java.util.Collection<io.convene.api.store.PropTag> remove) throws SQLException, StoreException {
    java.util.Map<io.convene.api.store.PropTag, PropValue> bag = new java.util.LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PROPS FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, accountId);
      query.setLong(2, id.toLong());
      try (java.sql.ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(io.convene.api.store.StoreError.NOT_FOUND, "no folder " + id);
        }
        for (PropValue value : codec.decode(row.getBytes(1))) {
          bag.put(value.tag(), value);
        }
      }
    }
    long changeNumber = counter.allocate(connection, 1);
    Xid change = Xid.ofGid(replica, GlobalCounter.of(changeNumber));
    PredecessorChangeList previous = bag.containsKey(Tags.PREDECESSOR_CHANGE_LIST)
        ? PredecessorChangeList.parse(bag.get(Tags.PREDECESSOR_CHANGE_LIST).asBytes())
        : PredecessorChangeList.EMPTY;
    List<PropValue> changed = new ArrayList<>(values);
    changed.add(PropValue.ofBytes(Tags.CHANGE_KEY, change.toBytes()));
    changed.add(PropValue.ofBytes(Tags.PREDECESSOR_CHANGE_LIST, previous.with(change).toBytes()));
    changed.add(PropValue.ofLong(Tags.CHANGE_NUMBER, changeNumber));
    changed.add(PropValue.ofTime(Tags.LAST_MODIFICATION_TIME, clock.instant()));
    for (io.convene.api.store.PropTag tag : remove) {
      bag.keySet().removeIf(present -> present.id() == tag.id());
    }
    for (PropValue value : changed) {
      bag.keySet().removeIf(present -> present.id() == value.tag().id());
      bag.put(value.tag(), value);
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE FOLDERS SET CHANGE_NUMBER = ?, PROPS = ?, DISPLAY_NAME = ?, CONTAINER_CLASS = ?"
            + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      update.setLong(1, changeNumber);
      update.setBytes(2, codec.encode(bag.values()));
      update.setString(3, bag.get(Tags.DISPLAY_NAME).asString());
      PropValue containerClass = bag.get(Tags.CONTAINER_CLASS);
      update.setString(4, containerClass == null ? null : containerClass.asString());
      update.setLong(5, accountId);
      update.setLong(6, id.toLong());
      update.executeUpdate();
    }
    return changeNumber;
  }
}

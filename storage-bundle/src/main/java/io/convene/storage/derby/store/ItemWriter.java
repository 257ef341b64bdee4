package io.convene.storage.derby.store;

import io.convene.api.store.FolderId;
import io.convene.api.store.GlobalCounter;
import io.convene.api.store.MessageId;
import io.convene.api.store.PredecessorChangeList;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.Xid;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a save to a property bag: the client's values, minus the ones the store maintains, plus
 * the new change's PidTagChangeKey, PidTagPredecessorChangeList (MS-OXCFXICS 2.2.2.3: the
 * previous list with this change added), PidTagChangeNumber, PidTagMid, PidTagSourceKey and
 * PidTagLastModificationTime.
 */
final class ItemWriter {

  private ItemWriter() {}

  static Map<PropTag, PropValue> apply(
      Map<PropTag, PropValue> current,
      Collection<PropValue> set,
      Collection<PropTag> remove,
      UUID replica,
      MessageId id,
      FolderId folder,
      long changeNumber,
      Instant now) {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>(current);
    for (PropTag tag : remove) {
      if (!Tags.MAINTAINED_IDS.contains(tag.id())) {
        bag.remove(tag);
      }
    }
    for (PropValue value : set) {
      if (!Tags.MAINTAINED_IDS.contains(value.tag().id())) {
        // one value per property id: a new type replaces the old one
        bag.keySet().removeIf(tag -> tag.id() == value.tag().id());
        bag.put(value.tag(), value);
      }
    }
    Xid change = Xid.ofGid(replica, GlobalCounter.of(changeNumber));
    PredecessorChangeList previous =
        current.containsKey(Tags.PREDECESSOR_CHANGE_LIST)
            ? PredecessorChangeList.parse(current.get(Tags.PREDECESSOR_CHANGE_LIST).asBytes())
            : PredecessorChangeList.EMPTY;
    put(bag, PropValue.ofLong(Tags.MID, id.toLong()));
    put(bag, PropValue.ofLong(Tags.FOLDER_ID, folder.toLong()));
    put(bag, PropValue.ofLong(Tags.CHANGE_NUMBER, changeNumber));
    put(bag, PropValue.ofBytes(Tags.SOURCE_KEY, Xid.ofGid(replica, id.counter()).toBytes()));
    put(bag, PropValue.ofBytes(Tags.PARENT_SOURCE_KEY, Xid.ofGid(replica, folder.counter()).toBytes()));
    put(bag, PropValue.ofBytes(Tags.CHANGE_KEY, change.toBytes()));
    put(bag, PropValue.ofBytes(Tags.PREDECESSOR_CHANGE_LIST, previous.with(change).toBytes()));
    put(bag, PropValue.ofTime(Tags.LAST_MODIFICATION_TIME, now));
    if (!bag.containsKey(Tags.CREATION_TIME)) {
      put(bag, PropValue.ofTime(Tags.CREATION_TIME, now));
    }
    return bag;
  }

  static SavedItem saved(Map<PropTag, PropValue> bag, MessageId id, long changeNumber) {
    return new SavedItem(id, DerbyStore.changeNumber(changeNumber), bag.get(Tags.CHANGE_KEY).asBytes());
  }

  private static void put(Map<PropTag, PropValue> bag, PropValue value) {
    bag.put(value.tag(), value);
  }
}

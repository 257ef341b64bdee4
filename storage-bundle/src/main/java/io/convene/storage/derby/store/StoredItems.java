package io.convene.storage.derby.store;

import io.convene.api.store.Contents;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoredItem;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Builds the {@link StoredItem} of a MESSAGES row from its decoded bag and its columns: read state
 * and the folder-associated flag live in columns, so PidTagMessageFlags (and PidTagAssociated) are
 * set from them here. The map is built once, immutable, so {@code StoredItem}'s own
 * {@code Map.copyOf} keeps it instead of copying it again (range queries build ~1,000 items a call).
 */
final class StoredItems {

  private StoredItems() {}

  static StoredItem of(MessageId id, FolderId folder, long changeNumber, boolean read, boolean associated,
      Collection<PropValue> bag) {
    return of(id, folder, changeNumber, read, associated, bag, ALL);
  }

  private static final IntPredicate ALL = propertyId -> true;

  /**
   * The item of a bag decoded for the property ids {@code wanted} accepts (a projection): the
   * properties set from columns, PidTagMessageFlags and PidTagAssociated, are added only if wanted.
   */
  static StoredItem of(MessageId id, FolderId folder, long changeNumber, boolean read, boolean associated,
      Collection<PropValue> bag, IntPredicate wanted) {
    @SuppressWarnings("unchecked")
    Map.Entry<PropTag, PropValue>[] entries = new Map.Entry[bag.size() + 2];
    int count = 0;
    int flags = 0;
    for (PropValue value : bag) {
      PropTag tag = value.tag();
      if (tag.equals(Tags.MESSAGE_FLAGS)) {
        flags = value.asInt();
      } else if (!(associated && tag.equals(Contents.ASSOCIATED_TAG))) {
        entries[count++] = Map.entry(tag, value);
      }
    }
    flags = read ? flags | Tags.MSGFLAG_READ : flags & ~Tags.MSGFLAG_READ;
    if (associated) {
      // kept in a column, not the bag: set once at creation, never by a save
      flags |= Contents.MSGFLAG_ASSOCIATED;
      if (wanted.test(Contents.ASSOCIATED_TAG.id())) {
        entries[count++] = Map.entry(Contents.ASSOCIATED_TAG, PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true));
      }
    }
    if (wanted.test(Tags.MESSAGE_FLAGS.id())) {
      entries[count++] = Map.entry(Tags.MESSAGE_FLAGS, PropValue.ofInt(Tags.MESSAGE_FLAGS, flags));
    }
    return new StoredItem(id, folder, DerbyStore.changeNumber(changeNumber), read,
        Map.ofEntries(java.util.Arrays.copyOf(entries, count)));
  }
}

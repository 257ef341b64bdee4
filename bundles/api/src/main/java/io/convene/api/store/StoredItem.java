package io.convene.api.store;

import java.util.Map;
import java.util.Optional;

/**
 * An item (message, appointment, contact, task...) with its whole property bag, including the
 * properties the store maintains: PidTagMid, PidTagChangeKey, PidTagPredecessorChangeList,
 * PidTagSourceKey, PidTagLastModificationTime, PidTagMessageFlags (read state).
 *
 * @param id the message id
 * @param folderId the folder holding it
 * @param changeNumber its last change
 * @param read whether it is read (tracked apart from other changes, as ICS needs)
 * @param properties every property, by tag
 */
public record StoredItem(
    MessageId id, FolderId folderId, ChangeNumber changeNumber, boolean read, Map<PropTag, PropValue> properties) {

  public StoredItem {
    properties = Map.copyOf(properties);
  }

  public Optional<PropValue> property(PropTag tag) {
    return Optional.ofNullable(properties.get(tag));
  }
}

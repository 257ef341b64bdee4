package io.convene.api.store;

import java.util.List;
import java.util.Optional;

/**
 * A committed change of a mailbox, as published to {@link StoreListener}s.
 *
 * @param accountId the mailbox owner
 * @param kind what happened
 * @param folderId the folder concerned (for moves: the destination); empty for mailbox events
 * @param items the items concerned, empty for folder and mailbox events
 * @param changeNumber the change counter of this change; {@link Mailbox#changesSince} after a
 *     lower value includes it, which is how a listener catches up after missing events
 */
public record StoreChange(long accountId, Kind kind, Optional<FolderId> folderId, List<MessageId> items, long changeNumber) {

  /** What happened. */
  public enum Kind {
    MAILBOX_PROVISIONED,
    MAILBOX_REMOVED,
    FOLDER_CREATED,
    /** A folder and everything in it was deleted ({@code folderId}). @since 1.2 */
    FOLDER_DELETED,
    /** Properties of a folder changed, e.g. it was renamed. @since 1.2 */
    FOLDER_MODIFIED,
    ITEMS_CREATED,
    ITEM_MODIFIED,
    ITEMS_DELETED,
    /** Items arrived in {@code folderId} from another folder of the mailbox. */
    ITEMS_MOVED,
    ITEMS_READ_STATE
  }

  public StoreChange {
    items = List.copyOf(items);
  }
}

package io.convene.api.store;

import java.util.List;

/**
 * What changed in a folder after a given change number: the basis of incremental sync (ICS,
 * MS-OXCFXICS) and CalDAV/CardDAV sync-collection (RFC 6578).
 *
 * @param changed items created or modified since, oldest change first
 * @param deleted ids of items hard- or soft-deleted (or moved away) since
 * @param readChanged items whose read state changed since, with their state now
 * @param highestChangeNumber the counter to ask from next time
 */
public record FolderChanges(
    List<MessageId> changed, List<MessageId> deleted, List<ReadState> readChanged, long highestChangeNumber) {

  /** The read state of one item. */
  public record ReadState(MessageId id, boolean read) {}

  public FolderChanges {
    changed = List.copyOf(changed);
    deleted = List.copyOf(deleted);
    readChanged = List.copyOf(readChanged);
  }
}

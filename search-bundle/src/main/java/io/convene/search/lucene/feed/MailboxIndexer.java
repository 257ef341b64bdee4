package io.convene.search.lucene.feed;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderChanges;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.Store;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.IndexEntry;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings one mailbox's contacts in the index up to date from its watermark: asks every contacts
 * folder what changed since ({@link Mailbox#changesSince}), removes what went away, re-reads what
 * changed, then advances the watermark. Idempotent, so running it after a dropped event, twice, or
 * from 0 after a rebuild is always right.
 */
final class MailboxIndexer {

  /** Above this many changed items of a folder, reading the folder page by page beats one read per item. */
  private static final int BULK_THRESHOLD = 64;
  private static final int PAGE = 1_000;

  private final ContactIndex index;
  private final Store store;

  MailboxIndexer(ContactIndex index, Store store) {
    this.index = index;
    this.store = store;
  }

  /**
   * Catches up the mailbox of {@code ownerId}.
   *
   * @return the contacts folders found (empty if the mailbox is gone) and the entries written
   */
  Result catchUp(long ownerId) throws StoreException, IOException {
    Mailbox mailbox;
    try {
      mailbox = store.mailbox(ownerId, Caller.server());
    } catch (StoreException e) {
      if (e.error() == StoreError.NO_MAILBOX) {
        index.deleteMailbox(ownerId);
        return new Result(List.of(), 0);
      }
      throw e;
    }
    long since = index.watermark(ownerId);
    List<FolderId> folders = ContactFolders.of(mailbox);
    // Gathered over all folders before writing: an item moved between two contacts folders is
    // "deleted" in one and "changed" in the other, and must end up present.
    Map<FolderId, Set<MessageId>> changed = new LinkedHashMap<>();
    Set<MessageId> deleted = new LinkedHashSet<>();
    long highest = Long.MAX_VALUE;
    for (FolderId folder : folders) {
      FolderChanges changes = mailbox.changesSince(folder, since);
      changed.put(folder, new LinkedHashSet<>(changes.changed()));
      deleted.addAll(changes.deleted());
      // each answer covers its folder up to its own highest; all of them together up to the least
      highest = Math.min(highest, changes.highestChangeNumber());
    }
    changed.values().forEach(deleted::removeAll);
    for (MessageId id : deleted) {
      index.delete(IndexEntry.personalKey(ownerId, id.toLong()));
    }
    ContactProperties properties = ContactProperties.forMailbox(mailbox);
    int written = 0;
    for (Map.Entry<FolderId, Set<MessageId>> folder : changed.entrySet()) {
      written += index(ownerId, mailbox, properties, folder.getKey(), folder.getValue());
    }
    if (!folders.isEmpty() && highest > since) {
      index.watermark(ownerId, highest);
    }
    return new Result(folders, written);
  }

  private int index(long ownerId, Mailbox mailbox, ContactProperties properties, FolderId folder, Set<MessageId> ids)
      throws StoreException, IOException {
    Set<MessageId> missing = new HashSet<>(ids);
    int written = 0;
    if (ids.size() > BULK_THRESHOLD) {
      long after = 0;
      List<StoredItem> page;
      do {
        page = mailbox.items(folder, after, PAGE);
        for (StoredItem item : page) {
          if (missing.remove(item.id())) {
            written += write(ownerId, properties, item);
          }
        }
        after = page.isEmpty() ? after : page.get(page.size() - 1).id().toLong();
      } while (page.size() == PAGE && !missing.isEmpty());
    } else {
      for (MessageId id : ids) {
        try {
          written += write(ownerId, properties, mailbox.item(id));
          missing.remove(id);
        } catch (StoreException e) {
          if (e.error() != StoreError.NOT_FOUND) {
            throw e;
          }
        }
      }
    }
    // gone (or moved on) since changesSince answered: the next catch-up sees where it went
    for (MessageId id : missing) {
      index.delete(IndexEntry.personalKey(ownerId, id.toLong()));
    }
    return written;
  }

  private int write(long ownerId, ContactProperties properties, StoredItem item) throws IOException {
    Optional<IndexEntry> entry = properties.entry(ownerId, item);
    if (entry.isPresent()) {
      index.upsert(entry.get());
      return 1;
    }
    index.delete(IndexEntry.personalKey(ownerId, item.id().toLong()));
    return 0;
  }

  /** What a catch-up found and wrote. */
  record Result(List<FolderId> contactFolders, int written) {}
}

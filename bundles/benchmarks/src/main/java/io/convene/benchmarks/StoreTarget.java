package io.convene.benchmarks;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.Store;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Convene store side: one provisioned mailbox opened by its owner, every call through the
 * public {@link Mailbox} API exactly as a protocol handler makes it.
 */
final class StoreTarget implements ItemTarget {

  private final Mailbox mailbox;
  private final Map<Folder, FolderId> folders;

  private StoreTarget(Mailbox mailbox, Map<Folder, FolderId> folders) {
    this.mailbox = mailbox;
    this.folders = folders;
  }

  /** Provisions {@code accountId}'s mailbox and creates the warm-up and import folders. */
  static StoreTarget provision(Store store, long accountId) throws StoreException {
    store.provision(accountId);
    Mailbox mailbox = store.mailbox(accountId, Caller.account(accountId));
    FolderId top = mailbox.folder(SpecialFolder.IPM_SUBTREE).id();
    Map<Folder, FolderId> folders = new EnumMap<>(Folder.class);
    folders.put(Folder.WARMUP, mailbox.createFolder(top, "Benchmark warm-up", "IPF.Note").id());
    folders.put(Folder.INBOX, mailbox.folder(SpecialFolder.INBOX).id());
    folders.put(Folder.IMPORT, mailbox.createFolder(top, "Benchmark import", "IPF.Note").id());
    folders.put(Folder.CALENDAR, mailbox.folder(SpecialFolder.CALENDAR).id());
    return new StoreTarget(mailbox, folders);
  }

  Mailbox mailbox() {
    return mailbox;
  }

  @Override
  public String name() {
    return "store";
  }

  @Override
  public long create(Folder folder, List<PropValue> item) throws StoreException {
    return mailbox.createItem(folders.get(folder), item).id().toLong();
  }

  @Override
  public long[] createAll(Folder folder, List<List<PropValue>> items) throws StoreException {
    List<SavedItem> saved = mailbox.createItems(folders.get(folder), items);
    long[] ids = new long[saved.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = saved.get(i).id().toLong();
    }
    return ids;
  }

  @Override
  public List<Long> range(Folder folder, Instant start, Instant end, Set<PropTag> columns) throws StoreException {
    FolderId calendar = folders.get(folder);
    return ids(columns == null ? mailbox.calendarItems(calendar, start, end) : mailbox.calendarItems(calendar, start, end, columns));
  }

  @Override
  public List<Long> page(Folder folder, long afterId, int limit) throws StoreException {
    return ids(mailbox.items(folders.get(folder), afterId, limit));
  }

  @Override
  public int count(Folder folder) throws StoreException {
    return mailbox.folder(folders.get(folder)).itemCount();
  }

  @Override
  public Map<PropTag, PropValue> read(Folder folder, long id) throws StoreException {
    return mailbox.item(MessageId.fromLong(id)).properties();
  }

  private static List<Long> ids(List<StoredItem> items) {
    List<Long> ids = new ArrayList<>(items.size());
    for (StoredItem item : items) {
      ids.add(item.id().toLong());
    }
    return ids;
  }
}

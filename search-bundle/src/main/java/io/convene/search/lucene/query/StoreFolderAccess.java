package io.convene.search.lucene.query;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Store;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the store, as the caller, to read one item of the folder: the store's own ACL check
 * (READ_ANY, MS-OXCPERM) decides, nothing is re-implemented here. Answers are kept for a short,
 * configurable time, because one search may meet the contacts of many mailboxes and the same
 * caller searches again as they type; a grant or revocation takes effect in search at most that
 * much later.
 */
public final class StoreFolderAccess implements FolderAccess {

  private static final Logger LOG = LoggerFactory.getLogger(StoreFolderAccess.class);

  /** Answers kept at most; beyond it the cache starts over (it is a cache, not a table). */
  private static final int MAX_ENTRIES = 50_000;

  private final Store store;
  private final Clock clock;
  private volatile Duration ttl;
  private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

  private record Key(long caller, long owner, long folder) {}

  private record Answer(boolean mayRead, long expiresMillis) {}

  public StoreFolderAccess(Store store, Clock clock, Duration ttl) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Changes how long answers are kept; {@link Duration#ZERO} asks the store every time. */
  public void ttl(Duration newTtl) {
    ttl = newTtl;
    answers.clear();
  }

  @Override
  public boolean mayRead(Caller caller, long ownerId, FolderId folder) {
    if (caller.system() || caller.accountId() == ownerId) {
      return true;
    }
    Key key = new Key(caller.accountId(), ownerId, folder.toLong());
    long now = clock.millis();
    Answer cached = answers.get(key);
    if (cached != null && cached.expiresMillis() > now) {
      return cached.mayRead();
    }
    boolean mayRead = ask(caller, ownerId, folder);
    if (!ttl.isZero()) {
      if (answers.size() >= MAX_ENTRIES) {
        answers.clear();
      }
      answers.put(key, new Answer(mayRead, now + ttl.toMillis()));
    }
    return mayRead;
  }

  private boolean ask(Caller caller, long ownerId, FolderId folder) {
    try {
      store.mailbox(ownerId, caller).items(folder, 0, 1);
      return true;
    } catch (StoreException e) {
      if (e.error() != StoreError.ACCESS_DENIED && e.error() != StoreError.NOT_FOUND && e.error() != StoreError.NO_MAILBOX) {
        LOG.warn("Could not check whether account {} may read folder {} of account {}: {}",
            caller.accountId(), folder, ownerId, e.getMessage());
      }
      return false;
    }
  }
}

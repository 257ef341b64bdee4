package io.convene.search.lucene.feed;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.Directory;
import io.convene.api.directory.DirectoryException;
import io.convene.api.store.FolderId;
import io.convene.api.store.Store;
import io.convene.api.store.StoreChange;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoreListener;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.IndexEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the index from directory and store events. Every write happens on one thread of its own,
 * so listeners return at once (the store's delivery thread must not wait on Lucene) and the index
 * sees one writer. Store events only mark a mailbox dirty; the mailbox is then caught up from its
 * change number ({@link MailboxIndexer}), so a burst of saves costs one catch-up and a dropped
 * event costs nothing but a later one.
 *
 * <p>{@link #start()} reconciles with the directory (accounts created or removed while the index
 * was away, or all of them after a rebuild) and catches up every mailbox. Commits happen every
 * {@code commitInterval} when something changed, and on {@link #close()}.
 */
public final class IndexFeeder implements StoreListener, AccountListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);

  /** A catch-up that failed (the store briefly unavailable, say) is tried again after this. */
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final ContactIndex index;
  private final Store store;
  private final Directory directory;
  private final MailboxIndexer mailboxes;
  private final ScheduledExecutorService worker;
  private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
  /** Known contacts folders per mailbox, so events about other folders (mail arriving) cost nothing. */
  private final Map<Long, Set<FolderId>> contactFolders = new ConcurrentHashMap<>();
  private final AtomicLong written = new AtomicLong();

  public IndexFeeder(ContactIndex index, Store store, Directory directory, Duration commitInterval) {
    this.index = index;
    this.store = store;
    this.directory = directory;
    this.mailboxes = new MailboxIndexer(index, store);
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "convene-search-feeder");
      thread.setDaemon(true);
      return thread;
    });
    // on close, queued work finishes but pending retries and the periodic commit are dropped
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.worker = executor;
    long millis = commitInterval.toMillis();
    worker.scheduleWithFixedDelay(() -> guarded("commit", index::commit), millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Reconciles with the directory and catches up every mailbox, in the background. */
  public CompletableFuture<Void> start() {
    return submit("reconcile", () -> reconcile(index.createdFresh()));
  }

  /** Empties the index and builds it again from the directory and the store, in the background. */
  public CompletableFuture<Void> reindex() {
    return submit("reindex", () -> {
      index.clear();
      contactFolders.clear();
      reconcile(true);
    });
  }

  /** Completes when every task queued before it has run and its writes are searchable. */
  public CompletableFuture<Void> flush() {
    return submit("flush", index::refresh);
  }

  /** Contact entries written since this feeder started (catch-up work, for the admin and the tests). */
  public long contactsWritten() {
    return written.get();
  }

  @Override
  public void changed(StoreChange change) {
    long owner = change.accountId();
    switch (change.kind()) {
      case ITEMS_READ_STATE -> { }
      case MAILBOX_REMOVED -> execute("remove mailbox", () -> {
        dirty.remove(owner);
        contactFolders.remove(owner);
        index.deleteMailbox(owner);
      });
      case ITEMS_CREATED, ITEM_MODIFIED, ITEMS_DELETED -> {
        Set<FolderId> known = contactFolders.get(owner);
        if (known == null || change.folderId().map(known::contains).orElse(true)) {
          markDirty(owner);
        }
      }
      // moves: the event names the destination, but the source may be a contacts folder
      default -> markDirty(owner);
    }
  }

  @Override
  public void accountCreated(Account account) {
    execute("index account", () -> indexAccount(account));
  }

  /** Also disabling and enabling: a disabled account leaves the GAL and comes back when enabled. */
  @Override
  public void accountChanged(Account account) {
    execute("index account", () -> indexAccount(account));
  }

  private void indexAccount(Account account) throws IOException {
    Optional<IndexEntry> entry = GalEntries.listed(account, profile(account.id()));
    if (entry.isPresent()) {
      index.upsert(entry.get());
    } else {
      index.delete(IndexEntry.galKey(account.id()));
    }
  }

  /** The account's profile; empty when the account went away meanwhile (its removal follows). */
  private AccountProfile profile(long accountId) {
    try {
      return directory.profile(accountId);
    } catch (DirectoryException e) {
      return AccountProfile.EMPTY;
    }
  }

  @Override
  public void accountRemoved(Account account) {
    execute("remove account", () -> {
      index.delete(IndexEntry.galKey(account.id()));
      index.deleteMailbox(account.id());
      contactFolders.remove(account.id());
    });
  }

  private void markDirty(long owner) {
    if (dirty.add(owner)) {
      execute("catch up", () -> {
        dirty.remove(owner);
        catchUp(owner);
      });
    }
  }

  private void catchUp(long owner) throws IOException {
    try {
      MailboxIndexer.Result result = mailboxes.catchUp(owner);
      contactFolders.put(owner, Set.copyOf(result.contactFolders()));
      written.addAndGet(result.written());
    } catch (StoreException e) {
      if (e.error() == StoreError.NO_MAILBOX && directory.find(owner).isEmpty()) {
        LOG.info("Account {} and its mailbox are gone; its contacts are no longer indexed", owner);
        return;
      }
      if (e.error() == StoreError.NOT_FOUND || e.error() == StoreError.NO_MAILBOX) {
        // a folder or the mailbox went away under the catch-up (a removal's own event follows);
        // the next try reads the folders as they are then
        LOG.info("Contacts of account {} changed under indexing ({}); trying again in {} s", owner, e.getMessage(),
            RETRY.toSeconds());
      } else {
        LOG.warn("Could not index the contacts of account {} ({}); trying again in {} s", owner, e.getMessage(),
            RETRY.toSeconds());
      }
      try {
        worker.schedule(() -> markDirty(owner), RETRY.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        // stopping: the next start catches up
      }
    }
  }

  /** @param rebuilding whether the index is empty, so everything is written as one bulk load */
  private void reconcile(boolean rebuilding) throws IOException {
    long started = System.nanoTime();
    try (ContactIndex.BulkLoad bulk = rebuilding ? index.bulkLoad() : null) {
      reconcileAccounts();
    }
    index.commit();
    index.refresh();
    LOG.info("Contact index in {} reconciled with the directory in {} ms", index.path(), (System.nanoTime() - started) / 1_000_000);
  }

  private void reconcileAccounts() throws IOException {
    List<Account> accounts = directory.list();
    Map<Long, AccountProfile> profiles = directory.profiles();
    Set<Long> ids = new HashSet<>();
    Set<Long> listed = new HashSet<>();
    for (Account account : accounts) {
      ids.add(account.id());
      Optional<IndexEntry> entry = GalEntries.listed(account, profiles.getOrDefault(account.id(), AccountProfile.EMPTY));
      if (entry.isPresent()) {
        listed.add(account.id());
        index.upsert(entry.get());
      }
    }
    // removed or disabled while we were away
    for (Long stale : index.galAccounts()) {
      if (!listed.contains(stale)) {
        index.delete(IndexEntry.galKey(stale));
      }
    }
    // a disabled account keeps its mailbox, and so its contacts
    index.retainMailboxes(ids);
    for (Account account : accounts) {
      catchUp(account.id());
    }
  }

  private interface Task {
    void run() throws IOException;
  }

  private void execute(String what, Task task) {
    try {
      worker.execute(() -> guarded(what, task));
    } catch (RejectedExecutionException e) {
      LOG.debug("Contact index closed; {} skipped (caught up at the next start)", what);
    }
  }

  private CompletableFuture<Void> submit(String what, Task task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      worker.execute(() -> {
        try {
          task.run();
          done.complete(null);
        } catch (IOException | RuntimeException e) {
          LOG.error("Contact index: {} failed", what, e);
          done.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  private void guarded(String what, Task task) {
    try {
      task.run();
    } catch (IOException | RuntimeException e) {
      LOG.error("Contact index: {} failed", what, e);
    }
  }

  /** Stops taking events, finishes the queued ones and commits. The index stays open (its owner closes it). */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("Contact indexing did not finish within 30 s; the rest is caught up at the next start");
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    guarded("final commit", index::commit);
  }
}

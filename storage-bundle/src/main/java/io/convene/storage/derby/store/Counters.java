package io.convene.storage.derby.store;

import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Allocates mailboxes' global counter values: folder ids, message ids and change numbers come
 * from one 48-bit counter per mailbox (MS-OXCFXICS 2.2.2.1), so they order all its changes.
 *
 * <p>Values are handed out in memory from a range reserved durably in {@code
 * MAILBOXES.NEXT_COUNTER}: the reservation is written in the transaction that first needs it, so
 * no value is used before the reservation covering it commits with it. A crash loses at most the
 * unused rest of a range: a gap, which change numbers may have.
 *
 * <p>Order: {@code changesSince} must never miss a committed change, so a change number may never
 * commit after a larger one was visible. Each mailbox's {@link Counter#lock() writer lock} is held
 * from before a write transaction's first statement until after its commit, so a mailbox's
 * writers commit one at a time, in change-number order, and {@link Counter#highest} only reports
 * values whose transactions have ended. Taking it before any database lock means a writer never
 * waits for it while holding row locks another writer needs. One {@code Counters} per database.
 */
final class Counters {

  /** Values reserved at once: one reservation per some 500 single saves. */
  static final int RESERVATION = 1024;

  private final ConcurrentMap<Long, Counter> counters = new ConcurrentHashMap<>();
  /** Kept when a mailbox's counter is forgotten: a new counter of the account goes on with its epoch. */
  private final ConcurrentMap<Long, FolderStateCache> folderStates = new ConcurrentHashMap<>();

  /** The counter of {@code accountId}'s mailbox (loaded from the database on first use). */
  Counter of(long accountId) {
    return counters.computeIfAbsent(accountId,
        id -> new Counter(id, folderStates.computeIfAbsent(id, key -> new FolderStateCache())));
  }

  /** Drops a removed mailbox's counter; call while holding its lock. */
  void forget(Counter counter) {
    counter.invalidate();
    counters.remove(counter.accountId, counter);
  }

  /** One mailbox's counter. */
  static final class Counter {

    private final long accountId;
    private final ReentrantLock writer = new ReentrantLock();
    private final FolderStateCache folderStates;
    // guarded by writer
    private boolean loaded;
    private boolean writeCommitted;
    private long next;
    private long reservedEnd;
    /** The next value after the last committed write; -1 while unknown (not loaded, or after a failure). */
    private volatile long committedNext = -1;

    private Counter(long accountId, FolderStateCache folderStates) {
      this.accountId = accountId;
      this.folderStates = folderStates;
    }

    /** The mailbox's folder facts of its current commit epoch. */
    FolderStateCache folderStates() {
      return folderStates;
    }

    /** Whether the calling thread is inside a write transaction of this mailbox. */
    boolean writing() {
      return writer.isHeldByCurrentThread();
    }

    /** Taken before a write transaction starts. */
    void lock() {
      writer.lock();
      writeCommitted = false;
    }

    /** After the transaction committed: its values, and its reservation, are durable. */
    void committed() {
      writeCommitted = true;
      if (loaded) {
        committedNext = next;
      }
    }

    /**
     * After a rollback or an unknown outcome: the database's {@code NEXT_COUNTER} is the truth
     * again (it covers every committed value), read on next use.
     */
    void invalidate() {
      loaded = false;
      committedNext = -1;
    }

    /** After every write transaction, whatever its outcome, before {@link #unlock}: a new commit epoch. */
    void ended() {
      folderStates.writeEnded(writeCommitted);
    }

    void unlock() {
      writer.unlock();
    }

    /** Reserves {@code count} consecutive values and returns the first; only inside a write. */
    long allocate(Connection connection, int count) throws SQLException, StoreException {
      if (!writer.isHeldByCurrentThread()) {
        throw new IllegalStateException("counter values are only allocated inside Transactions.write");
      }
      if (!loaded) {
        load(connection);
      }
      if (next + count > reservedEnd) {
        long end = next + Math.max(count, RESERVATION);
        try (PreparedStatement update = connection.prepareStatement("UPDATE MAILBOXES SET NEXT_COUNTER = ? WHERE ACCOUNT_ID = ?")) {
          update.setLong(1, end);
          update.setLong(2, accountId);
          if (update.executeUpdate() != 1) {
            throw new StoreException(StoreError.NO_MAILBOX, "no mailbox for account " + accountId);
          }
        }
        reservedEnd = end;
      }
      long first = next;
      next += count;
      return first;
    }

    /**
     * The highest value of a committed change: every change with a number up to it is visible
     * now, and none will commit later.
     */
    long highest(Connection connection) throws SQLException, StoreException {
      long known = committedNext;
      if (known >= 0) {
        return known - 1;
      }
      writer.lock(); // no write of this mailbox is under way while it loads
      try {
        if (!loaded) {
          load(connection);
        }
        committedNext = next;
        return next - 1;
      } finally {
        writer.unlock();
      }
    }

    private void load(Connection connection) throws SQLException, StoreException {
      try (PreparedStatement query = connection.prepareStatement("SELECT NEXT_COUNTER FROM MAILBOXES WHERE ACCOUNT_ID = ?")) {
        query.setLong(1, accountId);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            throw new StoreException(StoreError.NO_MAILBOX, "no mailbox for account " + accountId);
          }
          next = row.getLong(1);
          reservedEnd = next;
          loaded = true;
        }
      }
    }
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.StoreException;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One mailbox's folder facts that calls ask for again and again: whether a folder exists and its
 * type, and its item counts. A contents table costs three counts of the folder (open, row count,
 * page), each a pass over the folder's index entries, and every call naming a folder, saves
 * included, checks it exists.
 *
 * <p>Counts belong to a commit epoch, bumped after every write transaction of the mailbox ends,
 * committed or not, before its writer lock is released ({@link #writeEnded}). Embedded Derby has
 * one JVM writing, so the epoch is exact. A reader takes the epoch before it queries, so what it
 * stores was read after the commits that epoch stands for; a value read after a later commit lands
 * in an epoch that is already over and is never read again. Counts inside a write are always
 * counted: the write may have changed them.
 *
 * <p>Existence and type change only when folders are deleted (a folder's type is fixed when it is
 * created, and a new folder has an id never used before), so they belong to a folder epoch that
 * only a write that {@linkplain #foldersDropped() dropped folders} ends. Inside a write the kept
 * entries are the state committed before it began: the write reads them (writes check their folders
 * before changing them), and what it reads itself is kept only once it committed, since a folder
 * it created may not.
 */
final class FolderStateCache {

  /** Folders kept per epoch: more (a mailbox with this many folders read between two commits) are read each time. */
  static final int MAX_FOLDERS = 1024;

  /** Reads a folder's type; throws NOT_FOUND for a folder that does not exist. */
  @FunctionalInterface
  interface TypeLoader {
    int load() throws SQLException, StoreException;
  }

  /** Counts a folder's items. */
  @FunctionalInterface
  interface CountLoader {
    int[] load() throws SQLException;
  }

  private final AtomicLong epoch = new AtomicLong();
  private final AtomicReference<Generation<int[]>> counts = new AtomicReference<>(new Generation<>(0));
  private final AtomicLong folderEpoch = new AtomicLong();
  private final AtomicReference<Generation<Integer>> types = new AtomicReference<>(new Generation<>(0));
  // written by the thread holding the mailbox's writer lock only
  private final ConcurrentMap<Long, Integer> readInWrite = new ConcurrentHashMap<>();
  private volatile boolean dropped;

  /** Inside a write transaction that deletes folders, before it commits. */
  void foldersDropped() {
    dropped = true;
  }

  /**
   * After a write transaction of the mailbox ended, before its writer lock is released: a new
   * commit epoch; a new folder epoch if it dropped folders, whatever its outcome.
   */
  void writeEnded(boolean committed) {
    next(epoch, counts);
    if (dropped) {
      next(folderEpoch, types);
    } else if (committed) {
      Generation<Integer> current = current(folderEpoch, types);
      readInWrite.forEach((folder, type) -> current.keep(folder, type));
    }
    readInWrite.clear();
    dropped = false;
  }

  long epoch() {
    return epoch.get();
  }

  long folderEpoch() {
    return folderEpoch.get();
  }

  /**
   * The folder's type ({@link SearchFolders#GENERIC} or {@link SearchFolders#SEARCH}) from {@code
   * load}, which throws NOT_FOUND for a folder that does not exist (nothing is kept then).
   */
  int type(long folder, boolean inWrite, TypeLoader load) throws SQLException, StoreException {
    Generation<Integer> current = current(folderEpoch, types);
    Integer known = current.entries.get(folder);
    if (known != null) {
      return known;
    }
    int type = load.load();
    if (inWrite) {
      readInWrite.put(folder, type);
    } else {
      current.keep(folder, type);
    }
    return type;
  }

  /** The folder's counts from {@code load}: normal items, unread normal items, folder-associated items. */
  int[] counts(long folder, boolean inWrite, CountLoader load) throws SQLException {
    if (inWrite) {
      return load.load();
    }
    Generation<int[]> current = current(epoch, counts);
    int[] known = current.entries.get(folder);
    if (known == null) {
      known = load.load().clone();
      current.keep(folder, known);
    }
    return known.clone();
  }

  private static <V> void next(AtomicLong epoch, AtomicReference<Generation<V>> generation) {
    Generation<V> next = new Generation<>(epoch.incrementAndGet()); // drops the old entries at once
    generation.accumulateAndGet(next, (installed, fresh) -> fresh.epoch > installed.epoch ? fresh : installed);
  }

  /** The entries of the epoch now; a detached, empty one when a write ended while looking. */
  private static <V> Generation<V> current(AtomicLong epoch, AtomicReference<Generation<V>> generation) {
    long now = epoch.get();
    Generation<V> current = generation.get();
    // next() increments, then installs: a reader between the two sees the old generation
    return current.epoch == now ? current : new Generation<>(now);
  }

  private static final class Generation<V> {
    final long epoch;
    final ConcurrentMap<Long, V> entries = new ConcurrentHashMap<>();

    Generation(long epoch) {
      this.epoch = epoch;
    }

    void keep(long folder, V value) {
      if (entries.size() < MAX_FOLDERS) {
        entries.putIfAbsent(folder, value);
      }
    }
  }
}

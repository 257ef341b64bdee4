package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.Contents;
import io.convene.api.store.FolderDeletion;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers that fill the folder cache while a writer changes the folders never see an answer older
 * than the last write that had returned when they started to read: a seeded random sequence of
 * writes (creates, FAI creates, read state, moves, soft deletes, folders created and deleted), each
 * checked by the writer against its model at once, with reader threads checking every answer
 * against the model's versions. The seed is printed on failure; {@code -Dconvene.seed=N} repeats
 * a run.
 */
class FolderStateConcurrencyTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final int WRITES = 120;
  private static final int READERS = 2;

  @TempDir Path data;

  /** One folder's items as the writer knows them. */
  private record Model(List<MessageId> normal, List<MessageId> read, int associated) {
    int[] counts() {
      return new int[] {normal.size(), normal.size() - read.size(), associated};
    }
  }

  @Test
  void readersNeverSeeCountsOlderThanTheWritesThatReturned() throws Exception {
    long seed = Long.getLong("convene.seed", System.nanoTime());
    try {
      run(seed);
    } catch (AssertionError | Exception e) {
      throw new AssertionError("FolderStateConcurrencyTest failed with seed " + seed + " (-Dconvene.seed=" + seed + ")", e);
    }
  }

  private void run(long seed) throws Exception {
    Random random = new Random(seed);
    Database database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    try {
      DerbyStore store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
      store.provision(1);
      Mailbox writer = store.mailbox(1, Caller.account(1));
      FolderId inbox = writer.folder(SpecialFolder.INBOX).id();
      List<FolderId> folders = List.of(inbox, writer.createFolder(inbox, "A", null).id(), writer.createFolder(inbox, "B", null).id());
      List<Model> model = new ArrayList<>();
      for (int i = 0; i < folders.size(); i++) {
        model.add(new Model(new ArrayList<>(), new ArrayList<>(), 0));
      }
      // version -> the counts of every folder after that many writes returned
      ConcurrentMap<Integer, int[][]> versions = new ConcurrentHashMap<>();
      AtomicInteger published = new AtomicInteger();
      versions.put(0, snapshot(model));
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger reads = new AtomicInteger();

      List<Future<?>> running = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        long readerSeed = random.nextLong();
        running.add(readers.submit(() -> {
          Mailbox reader = store.mailbox(1, Caller.account(1));
          Random own = new Random(readerSeed);
          while (!done.get()) {
            int folder = own.nextInt(folders.size());
            int from = published.get();
            FolderInfo info = reader.folder(folders.get(folder));
            int total = reader.query(folders.get(folder), null, SortOrderSet.NONE, 0, 1).totalMatches();
            int to = published.get() + 1; // a write may have committed and not yet returned
            while (!versions.containsKey(to) && !done.get()) {
              Thread.sleep(1); // its version is known once it returned
            }
            int[] seen = {info.itemCount(), info.unreadCount(), info.associatedCount()};
            assertThat(matchesAVersion(versions, folder, seen, from, to))
                .as("folder %d read %s between versions %d and %d", folder, Arrays.toString(seen), from, to).isTrue();
            assertThat(matchesAVersion(versions, folder, new int[] {total}, from, to))
                .as("folder %d page total %d between versions %d and %d", folder, total, from, to).isTrue();
            reads.incrementAndGet();
          }
          return null;
        }));
      }

      try {
        writeAndCheck(random, writer, folders, model, versions, published);
      } finally {
        done.set(true);
      }
      for (Future<?> reader : running) {
        reader.get(2, TimeUnit.MINUTES);
      }
      assertThat(reads.get()).as("reads made while writing").isPositive();
    } finally {
      readers.shutdownNow();
      database.close();
    }
  }

  private static void writeAndCheck(Random random, Mailbox writer, List<FolderId> folders, List<Model> model,
      ConcurrentMap<Integer, int[][]> versions, AtomicInteger published) throws StoreException {
    for (int write = 1; write <= WRITES; write++) {
      int f = random.nextInt(folders.size());
      FolderId folder = folders.get(f);
      Model at = model.get(f);
      switch (random.nextInt(7)) {
        case 0, 1 -> {
          MessageId id = writer.createItem(folder, List.of(PropValue.ofString(SUBJECT, "item " + write))).id();
          at.normal().add(id);
        }
        case 2 -> {
          writer.createItem(folder, List.of(PropValue.ofString(SUBJECT, "view " + write), PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)));
          model.set(f, at = new Model(at.normal(), at.read(), at.associated() + 1));
        }
        case 3 -> {
          if (!at.normal().isEmpty()) {
            MessageId id = at.normal().get(random.nextInt(at.normal().size()));
            boolean read = !at.read().contains(id);
            writer.setRead(folder, List.of(id), read);
            if (read) {
              at.read().add(id);
            } else {
              at.read().remove(id);
            }
          }
        }
        case 4 -> {
          if (!at.normal().isEmpty()) {
            MessageId id = at.normal().remove(random.nextInt(at.normal().size()));
            boolean wasRead = at.read().remove(id);
            int t = (f + 1 + random.nextInt(folders.size() - 1)) % folders.size();
            writer.move(folder, List.of(id), folders.get(t));
            // a move keeps the item's id and read state (MS-OXCFOLD RopMoveCopyMessages)
            model.get(t).normal().add(id);
            if (wasRead) {
              model.get(t).read().add(id);
            }
          }
        }
        case 5 -> {
          if (!at.normal().isEmpty()) {
            MessageId id = at.normal().remove(random.nextInt(at.normal().size()));
            at.read().remove(id);
            writer.delete(folder, List.of(id), false);
          }
        }
        default -> {
          FolderId scratch = writer.createFolder(folder, "scratch " + write, null).id();
          writer.createItem(scratch, List.of(PropValue.ofString(SUBJECT, "scratch")));
          assertThat(writer.folder(scratch).itemCount()).isEqualTo(1);
          writer.deleteFolder(scratch, FolderDeletion.EVERYTHING);
          assertThatThrownBy(() -> writer.items(scratch, 0, 10)).isInstanceOfSatisfying(StoreException.class,
              e -> assertThat(e.error()).isEqualTo(StoreError.NOT_FOUND));
        }
      }
      versions.put(write, snapshot(model));
      published.set(write);
      for (int i = 0; i < folders.size(); i++) {
        FolderInfo info = writer.folder(folders.get(i));
        assertThat(new int[] {info.itemCount(), info.unreadCount(), info.associatedCount()})
            .as("folder %d after write %d", i, write).containsExactly(model.get(i).counts());
      }
    }
  }

  private static int[][] snapshot(List<Model> model) {
    return model.stream().map(Model::counts).toArray(int[][]::new);
  }

  /** Whether {@code seen} (all three counts, or the normal count alone) is the folder's in a version from..to. */
  private static boolean matchesAVersion(ConcurrentMap<Integer, int[][]> versions, int folder, int[] seen, int from, int to) {
    for (int v = from; v <= to; v++) {
      int[][] version = versions.get(v);
      if (version != null && Arrays.equals(Arrays.copyOf(version[folder], seen.length), seen)) {
        return true;
      }
    }
    return false;
  }
}

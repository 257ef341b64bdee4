package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderChanges;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
import io.convene.storage.derby.codec.CodecLimits;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counter values are allocated in memory from durably reserved ranges (see {@link Counters}); these
 * tests hold that to what sync needs: no committed change is ever missed by {@code changesSince},
 * values are never reused across restarts or failures, and saves promote named properties
 * mapped after the mailbox's first saves.
 */
class ChangeNumberOrderTest {

  private static final long OWNER = 1;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  private static final PropertyBagCodec CODEC = new PropertyBagCodec(new CodecLimits(1000, 1 << 20, 1000));

  @TempDir Path data;
  private Database database;
  private DerbyStore store;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, CODEC, Clock.systemUTC());
    store.provision(OWNER);
  }

  @AfterEach
  void close() {
    database.close();
  }

  /**
   * Writers save, update and mark items read in one folder while a reader polls it the way ICS
   * does (each answer's highest change number is the next call's state). If a change number
   * could commit after a larger one was visible, the reader would skip that item for good.
   */
  @Test
  void changesSinceNeverMissesACommittedChangeUnderConcurrentWriters() throws Exception {
    Mailbox mailbox = store.mailbox(OWNER, Caller.account(OWNER));
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    int writers = 4;
    int perWriter = 150;
    Set<MessageId> created = ConcurrentHashMap.newKeySet();
    Set<MessageId> seen = new HashSet<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        work.add(pool.submit(() -> {
          // each writer its own Mailbox object, as separate protocol sessions have
          Mailbox own = store.mailbox(OWNER, Caller.account(OWNER));
          start.await();
          for (int i = 0; i < perWriter; i++) {
            MessageId id = own.createItem(inbox, List.of(PropValue.ofString(SUBJECT, writer + "/" + i))).id();
            created.add(id);
            if (i % 3 == 0) {
              own.updateItem(id, List.of(PropValue.ofString(SUBJECT, writer + "/" + i + "'")), List.of());
            } else if (i % 3 == 1) {
              own.setRead(inbox, List.of(id), true);
            }
          }
          return null;
        }));
      }
      Future<Long> reader = pool.submit(() -> {
        long state = 0;
        start.await();
        while (writing.get()) {
          FolderChanges changes = mailbox.changesSince(inbox, state);
          seen.addAll(changes.changed());
          assertThat(changes.highestChangeNumber()).isGreaterThanOrEqualTo(state);
          state = changes.highestChangeNumber();
        }
        return state;
      });
      start.countDown();
      for (Future<?> writer : work) {
        writer.get(2, TimeUnit.MINUTES);
      }
      writing.set(false);
      long state = reader.get(1, TimeUnit.MINUTES);
      seen.addAll(mailbox.changesSince(inbox, state).changed());
    } finally {
      pool.shutdownNow();
    }
    assertThat(created).hasSize(writers * perWriter);
    assertThat(seen).as("items the incremental reader never saw").containsAll(created);
  }

  @Test
  void valuesAreNeverReusedAfterARestartOrAFailedSave() throws Exception {
    Mailbox mailbox = store.mailbox(OWNER, Caller.account(OWNER));
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    SavedItem before = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "before")));
    // a failed bulk save (its second item too big) allocated values, then rolled back
    List<List<PropValue>> bad = List.of(List.of(PropValue.ofString(SUBJECT, "ok")),
        List.of(PropValue.ofBytes(PropTag.of(0x1000, PropType.PT_BINARY), new byte[2 << 20])));
    assertThatThrownBy(() -> mailbox.createItems(inbox, bad)).isInstanceOf(StoreException.class);
    SavedItem afterFailure = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "after failure")));
    long state = mailbox.changesSince(inbox, 0).highestChangeNumber();
    database.close();

    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, CODEC, Clock.systemUTC());
    Mailbox reopened = store.mailbox(OWNER, Caller.account(OWNER));
    SavedItem afterRestart = reopened.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "after restart")));

    long first = before.changeNumber().counter().value();
    long second = afterFailure.changeNumber().counter().value();
    long third = afterRestart.changeNumber().counter().value();
    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second).isGreaterThan(state);
    assertThat(afterRestart.id().counter().value()).isGreaterThan(afterFailure.id().counter().value());
    assertThat(reopened.changesSince(inbox, state).changed()).containsExactly(afterRestart.id());
    assertThat(reopened.item(afterFailure.id()).property(SUBJECT).orElseThrow().asString()).isEqualTo("after failure");
  }

  @Test
  void aNamedPropertyMappedAfterEarlierSavesIsPromotedByTheNextSave() throws StoreException {
    Mailbox mailbox = store.mailbox(OWNER, Caller.account(OWNER));
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    PropTag start = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D), true), PropType.PT_SYSTIME);
    PropTag end = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820E), true), PropType.PT_SYSTIME);
    // saved while PidLidRecurring and PidLidClipEnd are unmapped: the store learns they are missing
    mailbox.createItem(calendar, List.of(PropValue.ofTime(start, Instant.parse("2026-01-05T08:00:00Z")),
        PropValue.ofTime(end, Instant.parse("2026-01-05T09:00:00Z"))));
    // another session maps them, then saves a series through its own Mailbox
    Mailbox other = store.mailbox(OWNER, Caller.account(OWNER));
    PropTag recurring = PropTag.of(other.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x8223), true), PropType.PT_BOOLEAN);
    PropTag clipEnd = PropTag.of(other.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x8236), true), PropType.PT_SYSTIME);
    MessageId series = mailbox.createItem(calendar, List.of(PropValue.ofTime(start, Instant.parse("2026-01-05T10:00:00Z")),
        PropValue.ofTime(end, Instant.parse("2026-01-05T10:30:00Z")), PropValue.ofBoolean(recurring, true),
        PropValue.ofTime(clipEnd, Instant.parse("2027-01-01T00:00:00Z")))).id();
    // a week long after the first occurrence: only the promoted series end finds it
    assertThat(mailbox.calendarItems(calendar, Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-08T00:00:00Z")))
        .extracting(StoredItem::id).containsExactly(series);
  }
}

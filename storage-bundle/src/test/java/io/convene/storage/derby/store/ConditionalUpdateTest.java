package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.ChangeNumber;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Mailbox.updateItem(id, expected, ...)}: the check and the write are one transaction. */
class ConditionalUpdateTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  @TempDir static Path data;
  static Database database;
  static DerbyStore store;

  @BeforeAll
  static void open() {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC(), new ChangePublisher(100), StoreLimits.DEFAULT);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static Mailbox provisioned(long account) throws StoreException {
    store.provision(account);
    return store.mailbox(account, Caller.account(account));
  }

  private static List<PropValue> subject(String text) {
    return List.of(PropValue.ofString(SUBJECT, text));
  }

  @Test
  void anUpdateAtTheExpectedChangeIsMadeAndOneAfterAnotherChangeIsRefusedWithNothingWritten() throws Exception {
    Mailbox mailbox = provisioned(1);
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    MessageId id = mailbox.createItem(inbox, subject("first")).id();
    ChangeNumber opened = mailbox.item(id).changeNumber();

    ChangeNumber saved = mailbox.updateItem(id, opened, subject("second"), List.of()).changeNumber();
    assertThat(mailbox.item(id).properties().get(SUBJECT).value()).isEqualTo("second");

    assertThatThrownBy(() -> mailbox.updateItem(id, opened, subject("stale"), List.of()))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.OBJECT_MODIFIED));
    assertThat(mailbox.item(id).properties().get(SUBJECT).value()).isEqualTo("second");
    assertThat(mailbox.item(id).changeNumber()).isEqualTo(saved);
  }

  @Test
  void ofManyWritersThatReadTheSameChangeExactlyOneSaves() throws Exception {
    Mailbox mailbox = provisioned(2);
    MessageId id = mailbox.createItem(mailbox.folder(SpecialFolder.INBOX).id(), subject("shared")).id();
    ChangeNumber opened = mailbox.item(id).changeNumber();
    int writers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String text = "writer " + i;
        Callable<Boolean> save = () -> {
          start.await();
          try {
            mailbox.updateItem(id, opened, subject(text), List.of());
            return true;
          } catch (StoreException e) {
            assertThat(e.error()).isEqualTo(StoreError.OBJECT_MODIFIED);
            return false;
          }
        };
        results.add(pool.submit(save));
      }
      start.countDown();
      int saved = 0;
      for (Future<Boolean> result : results) {
        saved += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(saved).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}

package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each limit refuses what is beyond it, writes nothing, and a new set of limits applies at once. */
class StoreLimitsTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag SMTP = PropTag.of(0x39FE, PropType.PT_UNICODE);

  @TempDir Path data;
  private Database database;
  private DerbyStore store;
  private Mailbox mailbox;
  private FolderId inbox;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
    store.provision(1);
    mailbox = store.mailbox(1, Caller.account(1));
    inbox = mailbox.folder(SpecialFolder.INBOX).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static StoreLimits limits(int valueBytes, int properties, int recipients, int attachments, int depth) {
    return new StoreLimits(1 << 20, 1 << 20, valueBytes, properties, recipients, attachments, depth, 1000, 8);
  }

  @Test
  void aValueAboveTheSizeLimitIsRefusedCountingUtf16Bytes() throws StoreException {
    store.limits(limits(100, 5000, 10, 10, 32));
    assertTooBig(() -> mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "x".repeat(51)))));
    assertTooBig(() -> mailbox.createItem(inbox, List.of(PropValue.ofList(PropTag.of(0x6600, PropType.PT_MV_BINARY),
        List.of(new byte[60], new byte[41])))));
    assertThat(mailbox.folder(inbox).itemCount()).isZero();
    MessageId id = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "x".repeat(50)))).id();
    assertTooBig(() -> mailbox.updateItem(id, List.of(PropValue.ofBytes(PropTag.of(0x6601, PropType.PT_BINARY), new byte[101])), List.of()));
    assertThat(mailbox.item(id).property(PropTag.of(0x6601, PropType.PT_BINARY))).isEmpty();
  }

  @Test
  void propertiesPerItemCountTheOnesTheStoreAddsAndGuardUpdates() throws StoreException {
    store.limits(limits(1 << 20, 30, 10, 10, 32));
    assertTooBig(() -> mailbox.createItem(inbox, properties(30)));
    MessageId id = mailbox.createItem(inbox, properties(10)).id();
    int stored = mailbox.item(id).properties().size();
    assertThat(stored).isLessThanOrEqualTo(30);
    assertTooBig(() -> mailbox.updateItem(id, properties(30).subList(10, 30), List.of()));
    assertThat(mailbox.item(id).properties()).hasSize(stored);
  }

  @Test
  void recipientsAndAttachmentsPerItemAreBounded() throws StoreException {
    store.limits(limits(1 << 20, 5000, 2, 1, 32));
    MessageId id = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "parts"))).id();
    List<List<PropValue>> three = Collections.nCopies(3, List.of(PropValue.ofString(SMTP, "a@example.com")));
    assertTooBig(() -> mailbox.setRecipients(id, three));
    assertThat(mailbox.recipients(id)).isEmpty();
    mailbox.setRecipients(id, three.subList(0, 2));
    assertTooBig(() -> mailbox.setRecipients(id, List.of(List.of(PropValue.ofString(SMTP, "a".repeat(600_000))))));
    assertThat(mailbox.recipients(id)).hasSize(2);

    mailbox.addAttachment(id, List.of(), new ByteArrayInputStream(new byte[10]));
    assertTooBig(() -> mailbox.addAttachment(id, List.of(), new ByteArrayInputStream(new byte[10])));
    assertThat(mailbox.attachments(id)).hasSize(1);
  }

  @Test
  void restrictionDepthFollowsTheLimitsInForce() throws StoreException {
    mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "find me")));
    Restriction leaf = new Restriction.Property(Relop.EQ, SUBJECT, PropValue.ofString(SUBJECT, "find me"));
    Restriction deep = new Restriction.Not(new Restriction.Not(new Restriction.Not(leaf)));
    assertThat(mailbox.query(inbox, deep, SortOrderSet.NONE, 0, 10).totalMatches()).isZero();

    store.limits(limits(1 << 20, 5000, 10, 10, 3));
    assertThatThrownBy(() -> mailbox.query(inbox, deep, SortOrderSet.NONE, 0, 10))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.TOO_COMPLEX);
    assertThat(mailbox.query(inbox, new Restriction.Not(new Restriction.Not(leaf)), SortOrderSet.NONE, 0, 10).totalMatches())
        .isEqualTo(1);
  }

  @Test
  void aNewSetOfLimitsAppliesToMailboxesAlreadyOpen() throws StoreException {
    List<PropValue> subject = List.of(PropValue.ofString(SUBJECT, "x".repeat(100)));
    mailbox.createItem(inbox, subject);
    store.limits(limits(199, 5000, 10, 10, 32));
    assertTooBig(() -> mailbox.createItem(inbox, subject));
    store.limits(StoreLimits.DEFAULT);
    mailbox.createItem(inbox, subject);
    assertThat(mailbox.folder(inbox).itemCount()).isEqualTo(2);
  }

  @Test
  void limitsOutOfRangeNameTheProperty() {
    assertThatThrownBy(() -> limits(0, 10, 10, 10, 10)).hasMessageContaining("max.value.bytes");
    assertThatThrownBy(() -> limits(10, StoreLimits.PROPERTIES_CEILING + 1, 10, 10, 10))
        .hasMessageContaining("max.properties.per.item");
    assertThatThrownBy(() -> limits(10, 10, -1, 10, 10)).hasMessageContaining("max.recipients.per.item");
    assertThatThrownBy(() -> limits(10, 10, 10, 10, 0)).hasMessageContaining("max.restriction.depth");
  }

  private static List<PropValue> properties(int count) {
    List<PropValue> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(PropValue.ofInt(PropTag.of(0x6700 + i, PropType.PT_LONG), i));
    }
    return values;
  }

  private static void assertTooBig(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.TOO_BIG);
  }
}

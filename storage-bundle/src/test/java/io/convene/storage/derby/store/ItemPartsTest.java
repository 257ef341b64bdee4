package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.AttachmentInfo;
import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipients, attachments and streamed values of an item. */
class ItemPartsTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  private static final PropTag SMTP = PropTag.of(0x39FE, PropType.PT_UNICODE);
  private static final PropTag FILE_NAME = PropTag.of(0x3707, PropType.PT_UNICODE);
  private static final PropTag BODY = PropTag.of(0x1000, PropType.PT_UNICODE);

  @TempDir Path data;
  private Database database;
  private Mailbox mailbox;
  private MessageId item;
  private FolderId inbox;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    DerbyStore store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC(), new ChangePublisher(1),
        new StoreLimits(8 << 20, 1 << 20));
    store.provision(1);
    mailbox = store.mailbox(1, Caller.account(1));
    inbox = mailbox.folder(SpecialFolder.INBOX).id();
    item = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "with parts"))).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void recipientRowsAreReplacedAsAWholeAndNumbered() throws StoreException {
    SavedItem before = mailbox.updateItem(item, List.of(), List.of());
    SavedItem after = mailbox.setRecipients(item, List.of(
        List.of(PropValue.ofString(DISPLAY_NAME, "Bob Berg"), PropValue.ofString(SMTP, "bob@example.com")),
        List.of(PropValue.ofString(DISPLAY_NAME, "Room Berlin"), PropValue.ofString(SMTP, "room.berlin@example.com"))));
    assertThat(after.changeNumber().counter().value()).isGreaterThan(before.changeNumber().counter().value());
    List<Map<PropTag, PropValue>> rows = mailbox.recipients(item);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(SMTP).asString()).isEqualTo("room.berlin@example.com");
    assertThat(rows.get(1).get(ItemParts.ROW_ID).asInt()).isEqualTo(1);

    mailbox.setRecipients(item, List.of(List.of(PropValue.ofString(SMTP, "carol@example.com"))));
    assertThat(mailbox.recipients(item)).hasSize(1);
  }

  @Test
  void attachmentsStreamInAndOutUnchanged() throws Exception {
    byte[] payload = new byte[5 << 20];
    new Random(42).nextBytes(payload);
    int number = mailbox.addAttachment(item, List.of(PropValue.ofString(FILE_NAME, "report.pdf")), new java.io.ByteArrayInputStream(payload));
    AttachmentInfo info = mailbox.attachments(item).get(0);
    assertThat(info.number()).isEqualTo(number);
    assertThat(info.size()).isEqualTo(payload.length);
    assertThat(info.properties().get(FILE_NAME).asString()).isEqualTo("report.pdf");
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    mailbox.readAttachment(item, number, copy);
    assertThat(MessageDigest.getInstance("SHA-256").digest(copy.toByteArray()))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));

    mailbox.deleteAttachment(item, number);
    assertThat(mailbox.attachments(item)).isEmpty();
    assertThatThrownBy(() -> mailbox.deleteAttachment(item, number)).extracting(e -> ((StoreException) e).error())
        .isEqualTo(StoreError.NOT_FOUND);
  }

  @Test
  void anAttachmentOverTheLimitIsRefusedAndNothingIsWritten() throws StoreException {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };
    assertThatThrownBy(() -> mailbox.addAttachment(item, List.of(), endless))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.TOO_BIG);
    assertThat(mailbox.attachments(item)).isEmpty();
  }

  @Test
  void largeValuesAreStreamedAndLeaveTheBag() throws StoreException {
    mailbox.updateItem(item, List.of(PropValue.ofString(BODY, "short body in the bag")), List.of());
    String body = "Lorem ipsum ".repeat(50_000);
    mailbox.writeStream(item, BODY, new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(mailbox.item(item).property(BODY)).as("one place per property").isEmpty();
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    mailbox.readStream(item, BODY, copy);
    assertThat(copy.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
    assertThatThrownBy(() -> mailbox.readStream(item, PropTag.of(0x1009, PropType.PT_BINARY), new ByteArrayOutputStream()))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.NOT_FOUND);
    assertThatThrownBy(() -> mailbox.writeStream(item, PropTag.of(0x6600, PropType.PT_LONG), InputStream.nullInputStream()))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.INVALID_PARAMETER);
  }

  @Test
  void hardDeleteTakesThePartsAlong() throws StoreException {
    mailbox.addAttachment(item, List.of(), new java.io.ByteArrayInputStream(new byte[10]));
    mailbox.delete(inbox, List.of(item), true);
    assertThatThrownBy(() -> mailbox.attachments(item)).extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.NOT_FOUND);
  }
}

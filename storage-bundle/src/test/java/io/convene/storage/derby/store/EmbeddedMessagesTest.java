package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.AttachmentPath;
import io.convene.api.store.Caller;
import io.convene.api.store.EmbeddedMessage;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages embedded in attachments, as Outlook stores meeting exceptions and forwarded mail. */
class EmbeddedMessagesTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag MESSAGE_CLASS = PropTag.of(0x001A, PropType.PT_UNICODE);
  private static final PropTag SMTP = PropTag.of(0x39FE, PropType.PT_UNICODE);
  private static final PropTag FILE_NAME = PropTag.of(0x3707, PropType.PT_UNICODE);

  @TempDir Path data;
  private Database database;
  private DerbyStore store;
  private Mailbox mailbox;
  private FolderId calendar;
  private MessageId series;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
    store.provision(ALICE);
    store.provision(BOB);
    mailbox = store.mailbox(ALICE, Caller.account(ALICE));
    calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    series = mailbox.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "weekly"))).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** An attachment of {@code item} holding an exception with the given subject; returns its path. */
  private AttachmentPath exception(MessageId item, String subject) throws StoreException {
    int number = mailbox.addAttachment(item, List.of(), new ByteArrayInputStream(new byte[0]));
    AttachmentPath path = AttachmentPath.of(item, number);
    mailbox.createEmbeddedMessage(path, List.of(PropValue.ofString(MESSAGE_CLASS, "IPM.OLE.CLASS.{00061055-0000-0000-C000-000000000046}"),
        PropValue.ofString(SUBJECT, subject)));
    return path;
  }

  @Test
  void anEmbeddedMessageIsCreatedInAnAttachmentAsAChangeOfTheItem() throws StoreException {
    SavedItem before = mailbox.updateItem(series, List.of(), List.of());
    int number = mailbox.addAttachment(series, List.of(PropValue.ofString(FILE_NAME, "exception")), new ByteArrayInputStream(new byte[0]));
    EmbeddedMessage created = mailbox.createEmbeddedMessage(AttachmentPath.of(series, number),
        List.of(PropValue.ofString(SUBJECT, "weekly, moved to Friday")));

    assertThat(created.properties().get(SUBJECT).asString()).isEqualTo("weekly, moved to Friday");
    assertThat(created.recipients()).isEmpty();
    assertThat(mailbox.attachments(series).get(0).properties().get(EmbeddedMessages.ATTACH_METHOD).asInt())
        .as("PidTagAttachMethod afEmbeddedMessage").isEqualTo(5);
    assertThat(mailbox.attachments(series).get(0).properties().get(FILE_NAME).asString()).isEqualTo("exception");
    assertThat(mailbox.item(series).changeNumber().counter().value()).isGreaterThan(before.changeNumber().counter().value());
    assertThat(mailbox.changesSince(calendar, before.changeNumber().counter().value()).changed()).containsExactly(series);
    assertThat(mailbox.embeddedMessage(AttachmentPath.of(series, number))).isEqualTo(created);
  }

  @Test
  void anEmbeddedMessageHasRecipientsAttachmentsAndEmbeddedMessagesOfItsOwn() throws Exception {
    AttachmentPath forwarded = exception(series, "outer");
    mailbox.saveEmbeddedMessage(forwarded, List.of(PropValue.ofString(SUBJECT, "outer, edited")), List.of(MESSAGE_CLASS));
    mailbox.setEmbeddedRecipients(forwarded, List.of(List.of(PropValue.ofString(SMTP, "bob@example.com")),
        List.of(PropValue.ofString(SMTP, "room@example.com"))));
    AttachmentPath file = mailbox.addEmbeddedAttachment(forwarded, List.of(PropValue.ofString(FILE_NAME, "agenda.txt")),
        new ByteArrayInputStream("agenda".getBytes(StandardCharsets.UTF_8)));
    AttachmentPath inner = mailbox.addEmbeddedAttachment(forwarded, List.of(), new ByteArrayInputStream(new byte[0]));
    mailbox.createEmbeddedMessage(inner, List.of(PropValue.ofString(SUBJECT, "inner")));
    AttachmentPath innerFile = mailbox.addEmbeddedAttachment(inner, List.of(), new ByteArrayInputStream(new byte[] {1, 2, 3}));

    EmbeddedMessage outer = mailbox.embeddedMessage(forwarded);
    assertThat(outer.properties().get(SUBJECT).asString()).isEqualTo("outer, edited");
    assertThat(outer.properties()).doesNotContainKey(MESSAGE_CLASS);
    assertThat(outer.recipients()).extracting(row -> row.get(SMTP).asString()).containsExactly("bob@example.com", "room@example.com");
    assertThat(outer.attachments()).hasSize(2);
    assertThat(outer.attachments().get(0).properties().get(FILE_NAME).asString()).isEqualTo("agenda.txt");
    assertThat(file.numbers()).containsExactly(forwarded.numbers().get(0), 0);
    assertThat(innerFile.depth()).isEqualTo(3);
    assertThat(mailbox.embeddedMessage(inner).properties().get(SUBJECT).asString()).isEqualTo("inner");
    assertThat(read(file)).isEqualTo("agenda".getBytes(StandardCharsets.UTF_8));
    assertThat(read(innerFile)).containsExactly(1, 2, 3);
    // the item's own parts are not the embedded message's
    assertThat(mailbox.recipients(series)).isEmpty();
    assertThat(mailbox.attachments(series)).hasSize(1);
  }

  @Test
  void nestingStopsAtTheConfiguredDepthAndNothingIsWritten() throws StoreException {
    store.limits(new StoreLimits(1 << 20, 1 << 20, 1 << 20, 1000, 100, 100, 32, 1000, 2));
    AttachmentPath one = exception(series, "1");
    AttachmentPath two = mailbox.addEmbeddedAttachment(one, List.of(), new ByteArrayInputStream(new byte[0]));
    mailbox.createEmbeddedMessage(two, List.of(PropValue.ofString(SUBJECT, "2")));
    AttachmentPath three = mailbox.addEmbeddedAttachment(two, List.of(), new ByteArrayInputStream(new byte[0]));
    long changeBefore = mailbox.item(series).changeNumber().counter().value();

    assertError(() -> mailbox.createEmbeddedMessage(three, List.of()), StoreError.TOO_BIG);
    assertError(() -> mailbox.embeddedMessage(three), StoreError.NOT_FOUND);
    assertThat(mailbox.item(series).changeNumber().counter().value()).isEqualTo(changeBefore);
  }

  @Test
  void pathsThatLeadNowhereAreNotFoundAndAnAttachmentEmbedsOneMessage() throws StoreException {
    int plain = mailbox.addAttachment(series, List.of(), new ByteArrayInputStream(new byte[] {9}));
    AttachmentPath embedded = exception(series, "x");
    assertError(() -> mailbox.createEmbeddedMessage(AttachmentPath.of(series, 77), List.of()), StoreError.NOT_FOUND);
    assertError(() -> mailbox.embeddedMessage(AttachmentPath.of(series, plain)), StoreError.NOT_FOUND);
    assertError(() -> mailbox.embeddedMessage(AttachmentPath.of(series, plain, 0)), StoreError.NOT_FOUND);
    assertError(() -> mailbox.createEmbeddedMessage(embedded, List.of()), StoreError.INVALID_PARAMETER);
    assertError(() -> mailbox.embeddedMessage(AttachmentPath.of(MessageId.of(1, 999_999), 0)), StoreError.NOT_FOUND);
    assertThatThrownBy(() -> new AttachmentPath(series, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttachmentPath.of(series, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deletingTheAttachmentOrTheItemDeletesTheEmbeddedTreeWithIt() throws Exception {
    AttachmentPath first = exception(series, "first");
    mailbox.setEmbeddedRecipients(first, List.of(List.of(PropValue.ofString(SMTP, "bob@example.com"))));
    AttachmentPath nested = mailbox.addEmbeddedAttachment(first, List.of(), new ByteArrayInputStream(new byte[0]));
    mailbox.createEmbeddedMessage(nested, List.of(PropValue.ofString(SUBJECT, "nested")));
    mailbox.addEmbeddedAttachment(nested, List.of(), new ByteArrayInputStream(new byte[] {1}));
    AttachmentPath second = exception(series, "second");
    mailbox.setEmbeddedRecipients(second, List.of(List.of(PropValue.ofString(SMTP, "carol@example.com"))));
    assertThat(rows("EMBEDDED_MESSAGES")).isEqualTo(3);

    mailbox.deleteAttachment(first);
    assertThat(rows("EMBEDDED_MESSAGES")).isEqualTo(1);
    assertThat(partsOfEmbeddedMessagesGone()).isTrue();
    assertThat(mailbox.embeddedMessage(second).recipients()).hasSize(1);
    assertError(() -> mailbox.embeddedMessage(first), StoreError.NOT_FOUND);

    // a soft delete keeps it recoverable, a hard delete takes everything
    mailbox.delete(calendar, List.of(series), false);
    assertThat(rows("EMBEDDED_MESSAGES")).isEqualTo(1);
    MessageId third = mailbox.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "third"))).id();
    AttachmentPath gone = exception(third, "gone");
    mailbox.addEmbeddedAttachment(gone, List.of(), new ByteArrayInputStream(new byte[] {1}));
    assertThat(rows("EMBEDDED_MESSAGES")).isEqualTo(2);
    mailbox.delete(calendar, List.of(third), true);
    assertThat(rows("EMBEDDED_MESSAGES")).isEqualTo(1);
    assertThat(partsOfEmbeddedMessagesGone()).isTrue();

    store.remove(ALICE);
    assertThat(rows("EMBEDDED_MESSAGES")).isZero();
  }

  @Test
  void aMovedItemTakesItsEmbeddedMessagesAlong() throws StoreException {
    AttachmentPath exception = exception(series, "exception");
    FolderId team = mailbox.createFolder(mailbox.folder(SpecialFolder.IPM_SUBTREE).id(), "Team", "IPF.Appointment").id();
    mailbox.move(calendar, List.of(series), team);
    assertThat(mailbox.item(series).folderId()).isEqualTo(team);
    assertThat(mailbox.embeddedMessage(exception).properties().get(SUBJECT).asString()).isEqualTo("exception");
  }

  @Test
  void aCopiedItemIsANewItemWithCopiesOfEverythingItHolds() throws Exception {
    PropTag body = PropTag.of(0x1000, PropType.PT_UNICODE);
    mailbox.setRecipients(series, List.of(List.of(PropValue.ofString(SMTP, "team@example.com"))));
    mailbox.writeStream(series, body, new ByteArrayInputStream("long body".getBytes(StandardCharsets.UTF_16LE)));
    AttachmentPath exception = exception(series, "exception");
    mailbox.setEmbeddedRecipients(exception, List.of(List.of(PropValue.ofString(SMTP, "bob@example.com"))));
    AttachmentPath nested = mailbox.addEmbeddedAttachment(exception, List.of(), new ByteArrayInputStream(new byte[0]));
    mailbox.createEmbeddedMessage(nested, List.of(PropValue.ofString(SUBJECT, "nested")));
    AttachmentPath file = mailbox.addEmbeddedAttachment(nested, List.of(), new ByteArrayInputStream(new byte[] {4, 5}));
    FolderId team = mailbox.createFolder(mailbox.folder(SpecialFolder.IPM_SUBTREE).id(), "Team", "IPF.Appointment").id();

    MessageId copy = mailbox.copy(calendar, List.of(series), team).get(0);

    assertThat(copy).isNotEqualTo(series);
    assertThat(mailbox.item(copy).folderId()).isEqualTo(team);
    assertThat(mailbox.item(copy).property(SUBJECT).orElseThrow().asString()).isEqualTo("weekly");
    assertThat(mailbox.item(copy).property(Tags.SOURCE_KEY).orElseThrow())
        .isNotEqualTo(mailbox.item(series).property(Tags.SOURCE_KEY).orElseThrow());
    assertThat(mailbox.recipients(copy)).extracting(row -> row.get(SMTP).asString()).containsExactly("team@example.com");
    ByteArrayOutputStream copiedBody = new ByteArrayOutputStream();
    mailbox.readStream(copy, body, copiedBody);
    assertThat(copiedBody.toString(StandardCharsets.UTF_16LE)).isEqualTo("long body");
    AttachmentPath copiedException = new AttachmentPath(copy, exception.numbers());
    AttachmentPath copiedNested = new AttachmentPath(copy, nested.numbers());
    assertThat(mailbox.embeddedMessage(copiedException).recipients()).extracting(row -> row.get(SMTP).asString())
        .containsExactly("bob@example.com");
    assertThat(mailbox.embeddedMessage(copiedNested).properties().get(SUBJECT).asString()).isEqualTo("nested");
    assertThat(read(new AttachmentPath(copy, file.numbers()))).containsExactly(4, 5);

    // independent of the original from now on
    mailbox.saveEmbeddedMessage(copiedNested, List.of(PropValue.ofString(SUBJECT, "changed in the copy")), List.of());
    assertThat(mailbox.embeddedMessage(nested).properties().get(SUBJECT).asString()).isEqualTo("nested");
    mailbox.delete(calendar, List.of(series), true);
    assertThat(mailbox.embeddedMessage(copiedNested).properties().get(SUBJECT).asString()).isEqualTo("changed in the copy");
    assertThat(read(new AttachmentPath(copy, file.numbers()))).containsExactly(4, 5);
    assertThat(partsOfEmbeddedMessagesGone()).isTrue();
  }

  @Test
  void copyingNeedsReadingTheSourceAndCreatingInTheTarget() throws StoreException {
    Mailbox bob = store.mailbox(ALICE, Caller.account(BOB));
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    mailbox.setPermission(calendar, BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE);
    assertError(() -> bob.copy(calendar, List.of(series), inbox), StoreError.ACCESS_DENIED);
    mailbox.setPermission(inbox, BOB, FolderRights.CREATE);
    assertThat(bob.copy(calendar, List.of(series), inbox)).hasSize(1);
    assertThat(mailbox.folder(inbox).itemCount()).isEqualTo(1);
  }

  @Test
  void embeddedMessagesAreCheckedAgainstTheRightsOnTheItemsFolder() throws StoreException {
    AttachmentPath exception = exception(series, "private");
    Mailbox bob = store.mailbox(ALICE, Caller.account(BOB));
    assertError(() -> bob.embeddedMessage(exception), StoreError.ACCESS_DENIED);
    mailbox.setPermission(calendar, BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE);
    assertThat(bob.embeddedMessage(exception).properties().get(SUBJECT).asString()).isEqualTo("private");
    assertError(() -> bob.saveEmbeddedMessage(exception, List.of(PropValue.ofString(SUBJECT, "x")), List.of()),
        StoreError.ACCESS_DENIED);
    assertError(() -> bob.deleteAttachment(exception), StoreError.ACCESS_DENIED);
    assertError(() -> bob.addEmbeddedAttachment(exception, List.of(), new ByteArrayInputStream(new byte[0])),
        StoreError.ACCESS_DENIED);
    assertThat(mailbox.embeddedMessage(exception).attachments()).isEmpty();
  }

  @Test
  void subObjectRestrictionsLookIntoEmbeddedMessages() throws StoreException {
    AttachmentPath withBob = exception(series, "with bob");
    mailbox.setEmbeddedRecipients(withBob, List.of(List.of(PropValue.ofString(SMTP, "bob@example.com"))));
    MessageId plain = mailbox.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "plain"))).id();
    mailbox.addAttachment(plain, List.of(), new ByteArrayInputStream(new byte[] {1}));
    MessageId withCarol = mailbox.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "carol"))).id();
    AttachmentPath carol = exception(withCarol, "with carol");
    mailbox.setEmbeddedRecipients(carol, List.of(List.of(PropValue.ofString(SMTP, "carol@example.com"))));

    Restriction embedsAMessage = new Restriction.SubObject(Restriction.MESSAGE_ATTACHMENTS,
        new Restriction.Property(Relop.EQ, EmbeddedMessages.ATTACH_METHOD, PropValue.ofInt(EmbeddedMessages.ATTACH_METHOD, 5)));
    assertThat(ids(embedsAMessage)).containsExactlyInAnyOrder(series, withCarol);

    Restriction bobInAnException = new Restriction.SubObject(Restriction.MESSAGE_ATTACHMENTS,
        new Restriction.SubObject(Restriction.MESSAGE_RECIPIENTS,
            new Restriction.Property(Relop.EQ, SMTP, PropValue.ofString(SMTP, "bob@example.com"))));
    assertThat(ids(bobInAnException)).containsExactly(series);
    // the item's own recipients are not the exception's
    assertThat(ids(new Restriction.SubObject(Restriction.MESSAGE_RECIPIENTS,
        new Restriction.Property(Relop.EQ, SMTP, PropValue.ofString(SMTP, "bob@example.com"))))).isEmpty();
  }

  private List<MessageId> ids(Restriction restriction) throws StoreException {
    return mailbox.query(calendar, restriction, SortOrderSet.NONE, 0, 100).rows().stream().map(item -> item.id()).toList();
  }

  private byte[] read(AttachmentPath attachment) throws StoreException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    mailbox.readAttachment(attachment, sink);
    return sink.toByteArray();
  }

  private int rows(String table) throws Exception {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      row.next();
      int count = row.getInt(1);
      connection.commit();
      return count;
    }
  }

  /** No recipient, attachment or large value is left whose owner is neither an item nor an embedded message. */
  private boolean partsOfEmbeddedMessagesGone() throws Exception {
    for (String table : List.of("RECIPIENTS", "ATTACHMENTS", "LARGE_VALUES")) {
      try (Connection connection = database.connection();
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table + " P WHERE"
              + " NOT EXISTS (SELECT 1 FROM MESSAGES M WHERE M.ACCOUNT_ID = P.ACCOUNT_ID AND M.MESSAGE_ID = P.MESSAGE_ID)"
              + " AND NOT EXISTS (SELECT 1 FROM EMBEDDED_MESSAGES E WHERE E.ACCOUNT_ID = P.ACCOUNT_ID AND E.EMBEDDED_ID = P.MESSAGE_ID)")) {
        row.next();
        int orphans = row.getInt(1);
        connection.commit();
        if (orphans != 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static void assertError(ThrowingCallable call, StoreError error) {
    assertThatThrownBy(call).isInstanceOf(StoreException.class).extracting(e -> ((StoreException) e).error()).isEqualTo(error);
  }
}

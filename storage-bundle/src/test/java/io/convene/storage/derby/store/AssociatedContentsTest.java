package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.Contents;
import io.convene.api.store.FolderChanges;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.QueryPage;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoredItem;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.CodecLimits;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder-associated (FAI) items on Derby: kept apart from the normal items in counts, queries and pages. */
class AssociatedContentsTest {

  private static final long ALICE = 1;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag MESSAGE_CLASS = PropTag.of(0x001A, PropType.PT_UNICODE);
  private static final PropTag MESSAGE_FLAGS = PropTag.of(0x0E07, PropType.PT_LONG);

  @TempDir Path data;
  private Database database;
  private Mailbox mailbox;
  private FolderId inbox;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    DerbyStore store = new DerbyStore(database, new PropertyBagCodec(new CodecLimits(1000, 1 << 20, 1000)), Clock.systemUTC());
    store.provision(ALICE);
    mailbox = store.mailbox(ALICE, Caller.account(ALICE));
    inbox = mailbox.folder(SpecialFolder.INBOX).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  private SavedItem note(String subject) throws Exception {
    return mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, subject)));
  }

  private SavedItem view(String name) throws Exception {
    return mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, name),
        PropValue.ofString(MESSAGE_CLASS, "IPM.Microsoft.FolderDesign.NamedView"),
        PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)));
  }

  @Test
  void associatedItemsAreCountedAndListedApart() throws Exception {
    SavedItem first = note("first");
    note("second");
    SavedItem design = view("Compact");
    view("Single");

    FolderInfo folder = mailbox.folder(inbox);
    assertThat(folder.itemCount()).isEqualTo(2);
    assertThat(folder.unreadCount()).isEqualTo(2);
    assertThat(folder.associatedCount()).isEqualTo(2);

    SortOrderSet byId = SortOrderSet.of(new SortOrder(PropTag.of(0x674A, PropType.PT_I8), SortOrder.Direction.ASCENDING));
    QueryPage normal = mailbox.query(inbox, null, byId, 0, 10);
    QueryPage associated = mailbox.query(inbox, Contents.ASSOCIATED, null, byId, 0, 10);
    assertThat(normal.totalMatches()).isEqualTo(2);
    assertThat(normal.rows()).extracting(item -> item.property(SUBJECT).orElseThrow().asString())
        .containsExactlyInAnyOrder("first", "second");
    assertThat(associated.totalMatches()).isEqualTo(2);
    assertThat(associated.rows()).extracting(item -> item.property(SUBJECT).orElseThrow().asString())
        .containsExactlyInAnyOrder("Compact", "Single");
    // the in-memory path (restricted, sorted by subject) separates them the same way
    Restriction any = Restriction.exist(SUBJECT);
    SortOrderSet bySubject = SortOrderSet.of(new SortOrder(SUBJECT, SortOrder.Direction.DESCENDING));
    assertThat(mailbox.query(inbox, Contents.ASSOCIATED, any, bySubject, 0, 10).rows())
        .extracting(item -> item.property(SUBJECT).orElseThrow().asString()).containsExactly("Single", "Compact");
    assertThat(mailbox.query(inbox, Contents.NORMAL, any, bySubject, 0, 10).rows())
        .extracting(item -> item.property(SUBJECT).orElseThrow().asString()).containsExactly("second", "first");
    assertThat(mailbox.items(inbox, 0, 10)).extracting(StoredItem::id).doesNotContain(design.id());

    StoredItem stored = mailbox.item(design.id());
    assertThat(stored.property(Contents.ASSOCIATED_TAG)).contains(PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true));
    assertThat(stored.property(MESSAGE_FLAGS).orElseThrow().asInt() & Contents.MSGFLAG_ASSOCIATED).isNotZero();
    assertThat(mailbox.item(first.id()).property(Contents.ASSOCIATED_TAG)).isEmpty();
    assertThat(mailbox.item(first.id()).property(MESSAGE_FLAGS).orElseThrow().asInt() & Contents.MSGFLAG_ASSOCIATED).isZero();
  }

  @Test
  void aSaveCannotTurnAnItemIntoAnotherKind() throws Exception {
    SavedItem design = view("Compact");
    SavedItem plain = note("plain");
    mailbox.updateItem(design.id(), List.of(PropValue.ofBoolean(Contents.ASSOCIATED_TAG, false)), List.of());
    mailbox.updateItem(plain.id(), List.of(PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)), List.of());
    assertThat(mailbox.item(design.id()).property(Contents.ASSOCIATED_TAG).orElseThrow().asBoolean()).isTrue();
    assertThat(mailbox.item(plain.id()).property(Contents.ASSOCIATED_TAG)).isEmpty();
    assertThat(mailbox.folder(inbox).associatedCount()).isEqualTo(1);
  }

  @Test
  void associatedChangesAreTrackedForSyncAndCopiesStayAssociated() throws Exception {
    long start = mailbox.changesSince(inbox, 0).highestChangeNumber();
    SavedItem design = view("Compact");
    mailbox.updateItem(design.id(), List.of(PropValue.ofString(SUBJECT, "Compact 2")), List.of());
    FolderChanges changes = mailbox.changesSince(inbox, start);
    assertThat(changes.changed()).containsExactly(design.id());

    FolderId drafts = mailbox.folder(SpecialFolder.DRAFTS).id();
    List<MessageId> copies = mailbox.copy(inbox, List.of(design.id()), drafts);
    assertThat(mailbox.folder(drafts).associatedCount()).isEqualTo(1);
    assertThat(mailbox.folder(drafts).itemCount()).isZero();
    assertThat(mailbox.item(copies.get(0)).property(Contents.ASSOCIATED_TAG)).isPresent();

    long beforeDelete = mailbox.changesSince(inbox, 0).highestChangeNumber();
    mailbox.delete(inbox, List.of(design.id()), true);
    assertThat(mailbox.changesSince(inbox, beforeDelete).deleted()).containsExactly(design.id());
    assertThat(mailbox.folder(inbox).associatedCount()).isZero();
    assertThat(mailbox.query(inbox, Contents.ASSOCIATED, Restriction.property(Relop.EQ,
        PropValue.ofString(SUBJECT, "Compact 2")), SortOrderSet.NONE, 0, 10).totalMatches()).isZero();
  }
}

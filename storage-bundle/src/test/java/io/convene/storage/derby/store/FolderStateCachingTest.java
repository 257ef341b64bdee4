package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.Contents;
import io.convene.api.store.FolderDeletion;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.FolderRights;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folder counts and existence, kept per commit epoch ({@link FolderStateCache}), on the real
 * store: each test has its own mailbox and reads a folder first, so that what it reads after a write would be the kept
 * answer if the write had not ended the epoch.
 */
class FolderStateCachingTest {

  private static final long BOB = 1_000;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final AtomicLong ACCOUNTS = new AtomicLong();

  @TempDir static Path data;
  static Database database;
  static DerbyStore store;
  /** Each test's own mailbox. */
  private long alice;
  private Mailbox mailbox;
  private FolderId inbox;
  private FolderId other;

  @BeforeAll
  static void openDatabase() {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void provision() throws Exception {
    alice = ACCOUNTS.incrementAndGet();
    store.provision(alice);
    mailbox = store.mailbox(alice, Caller.account(alice));
    inbox = mailbox.folder(SpecialFolder.INBOX).id();
    other = mailbox.createFolder(inbox, "Other", null).id();
  }

  private MessageId note(FolderId folder, String subject) throws StoreException {
    return mailbox.createItem(folder, List.of(PropValue.ofString(SUBJECT, subject))).id();
  }

  /** Normal, unread and associated counts as {@code folder(id)} and a page's total report them. */
  private int[] counts(FolderId folder) throws StoreException {
    FolderInfo info = mailbox.folder(folder);
    assertThat(mailbox.query(folder, null, SortOrderSet.NONE, 0, 1).totalMatches()).isEqualTo(info.itemCount());
    assertThat(mailbox.query(folder, Contents.ASSOCIATED, null, SortOrderSet.NONE, 0, 1).totalMatches())
        .isEqualTo(info.associatedCount());
    return new int[] {info.itemCount(), info.unreadCount(), info.associatedCount()};
  }

  @Test
  void countsFollowEveryKindOfItemWrite() throws Exception {
    assertThat(counts(inbox)).containsExactly(0, 0, 0);
    MessageId first = note(inbox, "first");
    assertThat(counts(inbox)).containsExactly(1, 1, 0);
    MessageId second = note(inbox, "second");
    assertThat(counts(inbox)).containsExactly(2, 2, 0);

    mailbox.setRead(inbox, List.of(first), true);
    assertThat(counts(inbox)).containsExactly(2, 1, 0);

    mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "view"), PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)));
    assertThat(counts(inbox)).containsExactly(2, 1, 1);

    assertThat(counts(other)).containsExactly(0, 0, 0);
    mailbox.move(inbox, List.of(second), other);
    assertThat(counts(inbox)).containsExactly(1, 0, 1);
    assertThat(counts(other)).containsExactly(1, 1, 0);

    mailbox.copy(inbox, List.of(first), other);
    assertThat(counts(other)).containsExactly(2, 1, 0);

    mailbox.delete(inbox, List.of(first), false);
    assertThat(counts(inbox)).containsExactly(0, 0, 1);
    mailbox.delete(other, mailbox.items(other, 0, 10).stream().map(item -> item.id()).toList(), true);
    assertThat(counts(other)).containsExactly(0, 0, 0);

    mailbox.createItems(other, List.of(List.of(PropValue.ofString(SUBJECT, "a")), List.of(PropValue.ofString(SUBJECT, "b"))));
    assertThat(counts(other)).containsExactly(2, 2, 0);
    assertThat(mailbox.subfolders(inbox)).singleElement().extracting(FolderInfo::itemCount).isEqualTo(2);
  }

  @Test
  void savesCheckTheirFolderOnceUntilAFolderIsDeleted() throws Exception {
    FolderStateCache states = store.counters().of(alice).folderStates();
    FolderStateCache.TypeLoader readAgain = () -> {
      throw new AssertionError("the folder's existence was read again");
    };
    note(other, "first"); // checks the folder inside its write; kept once it committed
    assertThat(states.type(other.toLong(), false, readAgain)).isEqualTo(SearchFolders.GENERIC);
    note(other, "second");
    mailbox.setRead(other, List.of(note(other, "third")), true);
    assertThat(states.type(other.toLong(), false, readAgain)).isEqualTo(SearchFolders.GENERIC);

    FolderId doomed = mailbox.createFolder(inbox, "Doomed", null).id();
    mailbox.deleteFolder(doomed, FolderDeletion.EVERYTHING);
    assertThatThrownBy(() -> states.type(other.toLong(), false, readAgain)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aDeletedFolderIsGoneForReadsAndWrites() throws Exception {
    FolderId doomed = mailbox.createFolder(inbox, "Doomed", null).id();
    note(doomed, "inside");
    assertThat(mailbox.items(doomed, 0, 10)).hasSize(1);
    assertThat(counts(doomed)).containsExactly(1, 1, 0);

    assertThat(mailbox.deleteFolder(doomed, FolderDeletion.EVERYTHING)).isTrue();

    assertNotFound(() -> mailbox.items(doomed, 0, 10));
    assertNotFound(() -> mailbox.query(doomed, null, SortOrderSet.NONE, 0, 10));
    assertNotFound(() -> mailbox.folder(doomed));
    assertNotFound(() -> mailbox.folderProperties(doomed));
    assertNotFound(() -> mailbox.changesSince(doomed, 0));
    // the writes' own existence check reads through the cache too
    assertNotFound(() -> note(doomed, "too late"));
    assertNotFound(() -> mailbox.setReceiveFolder("IPM.Doomed", doomed));
  }

  @Test
  void anotherMailboxObjectOfTheSameAccountSeesTheWrites() throws Exception {
    Mailbox second = store.mailbox(alice, Caller.account(alice));
    assertThat(second.folder(other).itemCount()).isZero();
    note(other, "from the first");
    assertThat(second.folder(other).itemCount()).isEqualTo(1);
    FolderId doomed = second.createFolder(inbox, "Doomed", null).id();
    assertThat(mailbox.items(doomed, 0, 10)).isEmpty();
    second.deleteFolder(doomed, FolderDeletion.EVERYTHING);
    assertNotFound(() -> mailbox.items(doomed, 0, 10));
  }

  @Test
  void aFailedWriteEndsTheEpochToo() throws Exception {
    assertThat(counts(other)).containsExactly(0, 0, 0);
    FolderId search = mailbox.createSearchFolder(inbox, "Search").id();
    long before = store.counters().of(alice).folderStates().epoch();
    // refused inside the write transaction, which rolls back
    assertThatThrownBy(() -> note(search, "nothing of its own"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_SUPPORTED));
    assertThat(store.counters().of(alice).folderStates().epoch()).isGreaterThan(before);
    assertThat(counts(other)).containsExactly(0, 0, 0);
  }

  @Test
  void permissionReceiveFolderAndMailboxPropertyWritesAreCommitsOfTheMailbox() throws Exception {
    Counters.Counter counter = store.counters().of(alice);
    long epoch = counter.folderStates().epoch();
    mailbox.setPermission(other, BOB, FolderRights.READ_ANY);
    assertThat(counter.folderStates().epoch()).isEqualTo(epoch + 1);
    mailbox.setReceiveFolder("IPM.Other", other);
    assertThat(counter.folderStates().epoch()).isEqualTo(epoch + 2);
    mailbox.setMailboxProperties(List.of(PropValue.ofString(PropTag.of(0x6700, PropType.PT_UNICODE), "x")), List.of());
    assertThat(counter.folderStates().epoch()).isEqualTo(epoch + 3);
  }

  @Test
  void aRemovedAndProvisionedAgainMailboxStartsOver() throws Exception {
    note(other, "old");
    assertThat(counts(inbox)).containsExactly(0, 0, 0);
    store.remove(alice);
    store.provision(alice);
    Mailbox fresh = store.mailbox(alice, Caller.account(alice));
    FolderId newInbox = fresh.folder(SpecialFolder.INBOX).id();
    assertNotFound(() -> fresh.items(other, 0, 10));
    fresh.createItem(newInbox, List.of(PropValue.ofString(SUBJECT, "new")));
    assertThat(fresh.folder(newInbox).itemCount()).isEqualTo(1);
  }

  private static void assertNotFound(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.error()).isEqualTo(StoreError.NOT_FOUND));
  }
}

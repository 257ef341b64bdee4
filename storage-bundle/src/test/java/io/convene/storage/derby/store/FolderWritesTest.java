package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderDeletion;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreChange;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.Xid;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folder deletion (MS-OXCFOLD 3.2.5.3), folder and mailbox property writes and the list of named
 * properties on the real Derby store; each test has its own mailbox.
 */
class FolderWritesTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag COMMENT = PropTag.of(0x3004, PropType.PT_UNICODE);
  private static final PropTag CONTENT_COUNT = PropTag.of(0x3602, PropType.PT_LONG);

  @TempDir static Path data;
  static Database database;
  static DerbyStore store;
  static final BlockingQueue<StoreChange> events = new LinkedBlockingQueue<>();

  @BeforeAll
  static void open() {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    ChangePublisher publisher = new ChangePublisher(100);
    publisher.add(events::add);
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC(), publisher, StoreLimits.DEFAULT);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static Mailbox provisioned(long account) throws StoreException {
    store.provision(account);
    return store.mailbox(account, Caller.account(account));
  }

  /** Waits (with a deadline) for the publisher's thread to deliver the folder's deletion. */
  private static boolean deletionEvent(FolderId folder) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (StoreChange event; (event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
      if (event.kind() == StoreChange.Kind.FOLDER_DELETED && event.folderId().equals(java.util.Optional.of(folder))) {
        return true;
      }
    }
    return false;
  }

  private static List<PropValue> item(String subject) {
    return List.of(PropValue.ofString(SUBJECT, subject));
  }

  @Test
  void aFolderWithContentsIsDeletedOnlyWithTheFlagsAndLeavesTombstones() throws Exception {
    Mailbox mailbox = provisioned(1);
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId project = mailbox.createFolder(inbox, "Project", null).id();
    FolderId sub = mailbox.createFolder(project, "Sub", null).id();
    MessageId top = mailbox.createItem(project, item("top")).id();
    MessageId deep = mailbox.createItem(sub, item("deep")).id();
    long before = mailbox.changesSince(project, 0).highestChangeNumber();

    // Without DEL_MESSAGES / DEL_FOLDERS nothing goes (PartialCompletion).
    assertThat(mailbox.deleteFolder(project, new FolderDeletion(false, true, false))).isFalse();
    assertThat(mailbox.deleteFolder(project, new FolderDeletion(true, false, false))).isFalse();
    assertThat(mailbox.folder(sub).displayName()).isEqualTo("Sub");
    assertThat(mailbox.item(top).id()).isEqualTo(top);

    assertThat(mailbox.deleteFolder(project, new FolderDeletion(true, true, true))).isTrue();

    for (FolderId gone : List.of(project, sub)) {
      assertThatThrownBy(() -> mailbox.folder(gone))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_FOUND));
    }
    assertThatThrownBy(() -> mailbox.item(deep))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_FOUND));
    assertThat(mailbox.subfolders(inbox)).extracting(FolderInfo::id).doesNotContain(project);
    assertThat(mailbox.deletedFoldersSince(before)).containsExactlyInAnyOrder(sub, project);
    assertThat(deletionEvent(project)).as("FOLDER_DELETED event").isTrue();
    try (var connection = database.connection();
        var query = connection.prepareStatement(
            "SELECT COUNT(*) FROM TOMBSTONES WHERE ACCOUNT_ID = 1 AND MESSAGE_ID IN (?, ?) AND CHANGE_NUMBER > ?")) {
      query.setLong(1, top.toLong());
      query.setLong(2, deep.toLong());
      query.setLong(3, before);
      try (var row = query.executeQuery()) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(2);
      }
    }
  }

  @Test
  void specialFoldersCannotBeDeletedAndDelegatesNeedFolderOwner() throws Exception {
    Mailbox mailbox = provisioned(2);
    assertThatThrownBy(() -> mailbox.deleteFolder(mailbox.folder(SpecialFolder.ROOT).id(), FolderDeletion.EVERYTHING))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_SUPPORTED));
    assertThatThrownBy(() -> mailbox.deleteFolder(mailbox.folder(SpecialFolder.CALENDAR).id(), FolderDeletion.EVERYTHING))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.ACCESS_DENIED));

    store.provision(3);
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId shared = mailbox.createFolder(inbox, "Shared", null).id();
    mailbox.createItem(shared, item("owner's"));
    Mailbox delegate = store.mailbox(2, Caller.account(3));
    mailbox.setPermission(shared, 3, FolderRights.FOLDER_VISIBLE | FolderRights.READ_ANY | FolderRights.DELETE_OWNED);
    assertThatThrownBy(() -> delegate.deleteFolder(shared, FolderDeletion.EVERYTHING))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.ACCESS_DENIED));
    // FolderOwner without DeleteAny: the owner's item may not go, so nothing goes.
    mailbox.setPermission(shared, 3, FolderRights.FOLDER_VISIBLE | FolderRights.FOLDER_OWNER | FolderRights.DELETE_OWNED);
    assertThat(delegate.deleteFolder(shared, FolderDeletion.EVERYTHING)).isFalse();
    mailbox.setPermission(shared, 3, FolderRights.FOLDER_VISIBLE | FolderRights.FOLDER_OWNER | FolderRights.DELETE_ANY);
    assertThat(delegate.deleteFolder(shared, FolderDeletion.EVERYTHING)).isTrue();
    assertThat(mailbox.subfolders(inbox)).isEmpty();
  }

  @Test
  void folderPropertiesAreWrittenAsOneChangeAndMaintainedOnesRefused() throws Exception {
    Mailbox mailbox = provisioned(4);
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId a = mailbox.createFolder(inbox, "A", null).id();
    mailbox.createFolder(inbox, "B", null);
    FolderInfo before = mailbox.folder(a);
    Map<PropTag, PropValue> bagBefore = mailbox.folderProperties(a);

    Map<PropTag, StoreError> problems = mailbox.setFolderProperties(a,
        List.of(PropValue.ofString(COMMENT, "hello"), PropValue.ofInt(CONTENT_COUNT, 7),
            PropValue.ofString(PropTag.of(0x3001, PropType.PT_STRING8), "Renamed")),
        List.of());

    assertThat(problems).containsExactly(Map.entry(CONTENT_COUNT, StoreError.COMPUTED));
    FolderInfo after = mailbox.folder(a);
    assertThat(after.displayName()).isEqualTo("Renamed");
    assertThat(after.changeNumber().counter().value()).isGreaterThan(before.changeNumber().counter().value());
    Map<PropTag, PropValue> bag = mailbox.folderProperties(a);
    assertThat(bag.get(COMMENT).asString()).isEqualTo("hello");
    assertThat(bag).doesNotContainKey(CONTENT_COUNT).doesNotContainKey(PropTag.of(0x3001, PropType.PT_STRING8));
    assertThat(bag.get(Tags.CHANGE_KEY).asBytes()).isNotEqualTo(bagBefore.get(Tags.CHANGE_KEY).asBytes())
        .isEqualTo(Xid.ofGid(mailbox.replicaGuid(), after.changeNumber().counter()).toBytes());

    assertThat(mailbox.setFolderProperties(a, List.of(), List.of(COMMENT, Tags.DISPLAY_NAME)))
        .containsExactly(Map.entry(Tags.DISPLAY_NAME, StoreError.ACCESS_DENIED));
    assertThat(mailbox.folderProperties(a)).doesNotContainKey(COMMENT);

    assertThatThrownBy(() -> mailbox.setFolderProperties(a, List.of(PropValue.ofString(Tags.DISPLAY_NAME, "B")), List.of()))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.DUPLICATE_NAME));
    assertThat(mailbox.folder(a).displayName()).isEqualTo("Renamed");

    store.provision(5);
    Mailbox reader = store.mailbox(4, Caller.account(5));
    mailbox.setPermission(a, 5, FolderRights.FOLDER_VISIBLE | FolderRights.READ_ANY);
    assertThatThrownBy(() -> reader.setFolderProperties(a, List.of(PropValue.ofString(COMMENT, "x")), List.of()))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.ACCESS_DENIED));
  }

  @Test
  void mailboxPropertiesAndNamedPropertiesAreDurable() throws Exception {
    Mailbox mailbox = provisioned(6);
    PropTag setting = PropTag.of(0x6700, PropType.PT_UNICODE);
    assertThat(mailbox.mailboxProperties()).isEmpty();
    mailbox.setMailboxProperties(List.of(PropValue.ofString(setting, "on")), List.of());
    assertThat(store.mailbox(6, Caller.account(6)).mailboxProperties().get(setting).asString()).isEqualTo("on");
    mailbox.setMailboxProperties(List.of(), List.of(setting));
    assertThat(mailbox.mailboxProperties()).isEmpty();
    store.provision(7);
    assertThatThrownBy(() -> store.mailbox(6, Caller.account(7)).setMailboxProperties(
        List.of(PropValue.ofString(setting, "x")), List.of()))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.ACCESS_DENIED));

    NamedProperty keywords = NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "Keywords");
    NamedProperty start = NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D);
    int first = mailbox.namedPropertyId(keywords, true);
    int second = mailbox.namedPropertyId(start, true);
    assertThat(mailbox.namedProperties()).containsExactly(Map.entry(first, keywords), Map.entry(second, start));
  }
}

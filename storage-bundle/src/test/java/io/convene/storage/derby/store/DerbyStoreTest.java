package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderChanges;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PredecessorChangeList;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
import io.convene.api.store.Xid;
import io.convene.storage.derby.codec.CodecLimits;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyStoreTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  @TempDir Path data;
  private Database database;
  private DerbyStore store;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(new CodecLimits(1000, 1 << 20, 1000)), Clock.systemUTC());
    store.provision(ALICE);
    store.provision(BOB);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Mailbox alice() throws StoreException {
    return store.mailbox(ALICE, Caller.account(ALICE));
  }

  @Test
  void provisioningCreatesTheStandardFolderTreeOnce() throws StoreException {
    store.provision(ALICE);
    Mailbox mailbox = alice();
    FolderInfo root = mailbox.folder(SpecialFolder.ROOT);
    assertThat(root.parentId()).isEmpty();
    for (SpecialFolder special : SpecialFolder.values()) {
      FolderInfo folder = mailbox.folder(special);
      assertThat(folder.displayName()).isEqualTo(special.displayName());
      assertThat(folder.containerClass()).isEqualTo(special.containerClass());
      special.parent().ifPresent(parent -> assertThat(folder.parentId()).contains(idOf(mailbox, parent)));
    }
    FolderInfo ipm = mailbox.folder(SpecialFolder.IPM_SUBTREE);
    assertThat(mailbox.subfolders(ipm.id())).extracting(FolderInfo::displayName)
        .contains("Inbox", "Calendar", "Contacts", "Tasks", "Notes", "Journal", "Junk E-mail", "Sync Issues");
  }

  @Test
  void usersCreateMoreCalendarsButNotTwoOfTheSameNameInOneParent() throws StoreException {
    Mailbox mailbox = alice();
    FolderId ipm = mailbox.folder(SpecialFolder.IPM_SUBTREE).id();
    FolderInfo team = mailbox.createFolder(ipm, "Team calendar", "IPF.Appointment");
    assertThat(team.containerClass()).contains("IPF.Appointment");
    assertThat(mailbox.subfolders(ipm)).extracting(FolderInfo::id).contains(team.id());
    assertThatThrownBy(() -> mailbox.createFolder(ipm, "Team calendar", "IPF.Appointment"))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.DUPLICATE_NAME);
  }

  @Test
  void everyPropertyTypeRoundTripsThroughAnItem() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    List<PropValue> values = List.of(
        PropValue.ofShort(PropTag.of(0x6601, PropType.PT_I2), (short) -7),
        PropValue.ofInt(PropTag.of(0x6602, PropType.PT_LONG), Integer.MIN_VALUE),
        PropValue.ofFloat(PropTag.of(0x6603, PropType.PT_FLOAT), 1.5f),
        PropValue.ofDouble(PropTag.of(0x6604, PropType.PT_DOUBLE), Math.PI),
        PropValue.ofLong(PropTag.of(0x6605, PropType.PT_CURRENCY), 12_345_678L),
        PropValue.ofDouble(PropTag.of(0x6606, PropType.PT_APPTIME), 45000.25),
        PropValue.ofInt(PropTag.of(0x6607, PropType.PT_ERROR), 0x8004010F),
        PropValue.ofBoolean(PropTag.of(0x6608, PropType.PT_BOOLEAN), true),
        PropValue.ofLong(PropTag.of(0x6609, PropType.PT_I8), Long.MAX_VALUE),
        PropValue.ofString(PropTag.of(0x660A, PropType.PT_STRING8), "ascii"),
        PropValue.ofString(SUBJECT, "Grüße 😀"),
        PropValue.ofTime(PropTag.of(0x660C, PropType.PT_SYSTIME), Instant.parse("2026-11-27T08:00:00.1234567Z")),
        PropValue.ofGuid(PropTag.of(0x660D, PropType.PT_CLSID), UUID.fromString("00062002-0000-0000-c000-000000000046")),
        PropValue.ofBytes(PropTag.of(0x660E, PropType.PT_BINARY), new byte[] {0, 1, (byte) 0xff}),
        PropValue.ofList(PropTag.of(0x660F, PropType.PT_MV_UNICODE), List.of("a", "ß")),
        PropValue.ofList(PropTag.of(0x6610, PropType.PT_MV_LONG), List.of(1, 2, 3)),
        PropValue.ofList(PropTag.of(0x6611, PropType.PT_MV_BINARY), List.of(new byte[] {1}, new byte[0])));
    SavedItem saved = mailbox.createItem(inbox, values);
    StoredItem item = mailbox.item(saved.id());
    for (PropValue value : values) {
      assertThat(item.property(value.tag())).as(value.tag().toString()).contains(value);
    }
    assertThat(item.property(Tags.MID).orElseThrow().asLong()).isEqualTo(saved.id().toLong());
    assertThat(item.property(Tags.CHANGE_KEY).orElseThrow().asBytes()).isEqualTo(saved.changeKey());
  }

  @Test
  void updatesAdvanceTheChangeKeyAndKeepPredecessorsWhileClientsCannotForgeThem() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    SavedItem first = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "one"),
        PropValue.ofBytes(Tags.CHANGE_KEY, new byte[] {9, 9, 9})));
    SavedItem second = mailbox.updateItem(first.id(), List.of(PropValue.ofString(SUBJECT, "two")), List.of());
    assertThat(second.changeNumber().counter().value()).isGreaterThan(first.changeNumber().counter().value());
    StoredItem item = mailbox.item(first.id());
    assertThat(item.property(SUBJECT).orElseThrow().asString()).isEqualTo("two");
    Xid change = Xid.parse(item.property(Tags.CHANGE_KEY).orElseThrow().asBytes());
    assertThat(change.namespaceGuid()).isEqualTo(mailbox.replicaGuid());
    assertThat(change.counter().value()).isEqualTo(second.changeNumber().counter().value());
    PredecessorChangeList predecessors =
        PredecessorChangeList.parse(item.property(Tags.PREDECESSOR_CHANGE_LIST).orElseThrow().asBytes());
    assertThat(predecessors.includes(Xid.parse(first.changeKey()))).isTrue();
    assertThat(predecessors.includes(change)).isTrue();

    mailbox.updateItem(first.id(), List.of(), List.of(SUBJECT));
    assertThat(mailbox.item(first.id()).property(SUBJECT)).isEmpty();
  }

  @Test
  void namedPropertyIdsAreStableAcrossRestarts() throws StoreException {
    NamedProperty start = NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D);
    NamedProperty custom = NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "x-vendor-flag");
    int startId = alice().namedPropertyId(start, true);
    int customId = alice().namedPropertyId(custom, true);
    assertThat(startId).isBetween(0x8000, 0xFFFE).isNotEqualTo(customId);
    database.close();
    open();
    assertThat(alice().namedPropertyId(start, false)).isEqualTo(startId);
    assertThat(alice().namedProperty(customId)).isEqualTo(custom);
    assertThatThrownBy(() -> alice().namedPropertyId(NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "never"), false))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.NOT_FOUND);
  }

  @Test
  void changesSinceReportsCreatesUpdatesReadStateMovesAndDeletes() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId archive = mailbox.createFolder(mailbox.folder(SpecialFolder.IPM_SUBTREE).id(), "Archive", "IPF.Note").id();
    MessageId a = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "a"))).id();
    MessageId b = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "b"))).id();
    MessageId c = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "c"))).id();
    MessageId d = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "d"))).id();
    FolderChanges initial = mailbox.changesSince(inbox, 0);
    assertThat(initial.changed()).containsExactly(a, b, c, d);
    long state = initial.highestChangeNumber();

    mailbox.updateItem(a, List.of(PropValue.ofString(SUBJECT, "a2")), List.of());
    mailbox.setRead(inbox, List.of(b), true);
    mailbox.delete(inbox, List.of(c), true);
    mailbox.move(inbox, List.of(d), archive);

    FolderChanges changes = mailbox.changesSince(inbox, state);
    assertThat(changes.changed()).containsExactly(a);
    assertThat(changes.readChanged()).containsExactly(new FolderChanges.ReadState(b, true));
    assertThat(changes.deleted()).containsExactlyInAnyOrder(c, d);
    assertThat(mailbox.changesSince(archive, state).changed()).containsExactly(d);
    assertThat(mailbox.item(d).folderId()).isEqualTo(archive);
    assertThat(mailbox.changesSince(inbox, changes.highestChangeNumber()).changed()).isEmpty();
    assertThat(mailbox.folder(inbox).itemCount()).isEqualTo(2);
    assertThat(mailbox.folder(inbox).unreadCount()).isEqualTo(1);
  }

  @Test
  void softDeletedItemsAreGoneForClientsAndLeaveTombstones() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    MessageId id = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "x"))).id();
    long state = mailbox.changesSince(inbox, 0).highestChangeNumber();
    mailbox.delete(inbox, List.of(id), false);
    assertThatThrownBy(() -> mailbox.item(id)).extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.NOT_FOUND);
    assertThat(mailbox.changesSince(inbox, state).deleted()).containsExactly(id);
  }

  @Test
  void twoThousandItemsAreMarkedReadInOneChange() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    List<List<PropValue>> messages = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      messages.add(List.of(PropValue.ofString(SUBJECT, "m" + i)));
    }
    List<MessageId> ids = mailbox.createItems(inbox, messages).stream().map(SavedItem::id).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(2000);
    long before = mailbox.changesSince(inbox, 0).highestChangeNumber();
    mailbox.setRead(inbox, ids, true);
    FolderChanges after = mailbox.changesSince(inbox, before);
    assertThat(after.readChanged()).hasSize(2000);
    assertThat(after.highestChangeNumber()).isEqualTo(before + 1);
    assertThat(mailbox.folder(inbox).unreadCount()).isZero();
  }

  @Test
  void otherAccountsNeedRightsAndDenialsWriteNothing() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    MessageId mail = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "private"))).id();
    Mailbox asBob = store.mailbox(ALICE, Caller.account(BOB));

    assertDenied(() -> asBob.item(mail));
    assertDenied(() -> asBob.folder(inbox));
    assertDenied(() -> asBob.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "spam"))));
    assertDenied(() -> asBob.setPermission(inbox, BOB, FolderRights.ALL));
    assertThat(mailbox.folder(inbox).itemCount()).isEqualTo(1);

    // the calendar shows free/busy to everybody by default, but not its items
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    assertThat(mailbox.permissions(calendar)).containsEntry(FolderRights.DEFAULT_MEMBER, FolderRights.FREE_BUSY_SIMPLE);
    assertDenied(() -> asBob.items(calendar, 0, 10));

    mailbox.setPermission(inbox, BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE | FolderRights.CREATE | FolderRights.EDIT_OWNED);
    assertThat(asBob.item(mail).property(SUBJECT).orElseThrow().asString()).isEqualTo("private");
    MessageId bobs = asBob.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "from bob"))).id();
    asBob.updateItem(bobs, List.of(PropValue.ofString(SUBJECT, "edited by bob")), List.of());
    assertDenied(() -> asBob.updateItem(mail, List.of(PropValue.ofString(SUBJECT, "hijacked")), List.of()));
    assertDenied(() -> asBob.delete(inbox, List.of(mail), true));
    assertThat(mailbox.item(mail).property(SUBJECT).orElseThrow().asString()).isEqualTo("private");
  }

  @Test
  void idsOfAnotherMailboxAreNotFound() throws StoreException {
    Mailbox bobs = store.mailbox(BOB, Caller.account(BOB));
    MessageId bobMail = bobs.createItem(bobs.folder(SpecialFolder.INBOX).id(), List.of(PropValue.ofString(SUBJECT, "bob"))).id();
    assertThatThrownBy(() -> alice().item(bobMail)).extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.NOT_FOUND);
    assertThatThrownBy(() -> alice().item(MessageId.of(7, 1))).extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.NOT_FOUND);
  }

  @Test
  void oversizeValuesAreRefusedAndNothingIsWritten() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    assertThatThrownBy(() -> mailbox.createItem(inbox, List.of(PropValue.ofBytes(PropTag.of(0x1000, PropType.PT_BINARY), new byte[2 << 20]))))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.TOO_BIG);
    assertThat(mailbox.folder(inbox).itemCount()).isZero();
  }

  @Test
  void calendarRangeQueriesFindOverlappingSingleAndRecurringAppointments() throws StoreException {
    Mailbox mailbox = alice();
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    PropTag start = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D), true), PropType.PT_SYSTIME);
    PropTag end = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820E), true), PropType.PT_SYSTIME);
    PropTag recurring = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x8223), true), PropType.PT_BOOLEAN);
    PropTag clipEnd = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x8236), true), PropType.PT_SYSTIME);
    MessageId monday = mailbox.createItem(calendar, appointment(start, end, "2026-11-30T09:00:00Z", "2026-11-30T10:00:00Z")).id();
    MessageId nextWeek = mailbox.createItem(calendar, appointment(start, end, "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z")).id();
    MessageId touching = mailbox.createItem(calendar, appointment(start, end, "2026-11-29T23:00:00Z", "2026-11-30T00:00:00Z")).id();
    // began days before the range: found through the folder's longest span, not a full scan
    MessageId conference = mailbox.createItem(calendar, appointment(start, end, "2026-11-25T08:00:00Z", "2026-12-02T17:00:00Z")).id();
    List<PropValue> weekly = new ArrayList<>(appointment(start, end, "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z"));
    weekly.add(PropValue.ofBoolean(recurring, true));
    weekly.add(PropValue.ofTime(clipEnd, Instant.parse("2027-01-01T00:00:00Z")));
    MessageId series = mailbox.createItem(calendar, weekly).id();
    List<PropValue> ended = new ArrayList<>(appointment(start, end, "2025-01-06T08:00:00Z", "2025-01-06T08:30:00Z"));
    ended.add(PropValue.ofBoolean(recurring, true));
    ended.add(PropValue.ofTime(clipEnd, Instant.parse("2025-06-30T00:00:00Z")));
    mailbox.createItem(calendar, ended);

    List<StoredItem> week = mailbox.calendarItems(calendar, Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(week).extracting(StoredItem::id).containsExactly(series, conference, monday).doesNotContain(nextWeek, touching);

    mailbox.updateItem(nextWeek, appointment(start, end, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"), List.of());
    assertThat(mailbox.calendarItems(calendar, Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z")))
        .extracting(StoredItem::id).contains(nextWeek);
  }

  private static List<PropValue> appointment(PropTag start, PropTag end, String from, String to) {
    return List.of(PropValue.ofString(Tags.MESSAGE_CLASS, "IPM.Appointment"),
        PropValue.ofTime(start, Instant.parse(from)), PropValue.ofTime(end, Instant.parse(to)));
  }

  @Test
  void aFailingItemInABulkCreateSavesNone() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    List<List<PropValue>> items = List.of(
        List.of(PropValue.ofString(SUBJECT, "fine")),
        List.of(PropValue.ofBytes(PropTag.of(0x1000, PropType.PT_BINARY), new byte[2 << 20])));
    assertThatThrownBy(() -> mailbox.createItems(inbox, items)).isInstanceOf(StoreException.class);
    assertThat(mailbox.folder(inbox).itemCount()).isZero();
  }

  @Test
  void committedChangesReachListenersInOrderAndFailedOnesDoNot() throws Exception {
    ChangePublisher events = new ChangePublisher(100);
    java.util.concurrent.BlockingQueue<io.convene.api.store.StoreChange> seen = new java.util.concurrent.LinkedBlockingQueue<>();
    events.add(seen::add);
    DerbyStore observed = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC(), events, StoreLimits.DEFAULT);
    Mailbox mailbox = observed.mailbox(ALICE, Caller.account(ALICE));
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    MessageId id = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "x"))).id();
    mailbox.setRead(inbox, List.of(id), true);
    assertThatThrownBy(() -> store.mailbox(ALICE, Caller.account(BOB)).delete(inbox, List.of(id), true));
    mailbox.delete(inbox, List.of(id), false);
    List<io.convene.api.store.StoreChange.Kind> kinds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var change = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(change).isNotNull();
      assertThat(change.accountId()).isEqualTo(ALICE);
      assertThat(change.items()).containsExactly(id);
      kinds.add(change.kind());
    }
    assertThat(kinds).containsExactly(io.convene.api.store.StoreChange.Kind.ITEMS_CREATED,
        io.convene.api.store.StoreChange.Kind.ITEMS_READ_STATE, io.convene.api.store.StoreChange.Kind.ITEMS_DELETED);
    assertThat(seen.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS)).as("nothing for the denied delete").isNull();
    events.close();
  }

  @Test
  void queriesFilterSortAndPageAFolder() throws StoreException {
    Mailbox mailbox = alice();
    FolderId contacts = mailbox.folder(SpecialFolder.CONTACTS).id();
    PropTag company = PropTag.of(0x3A16, PropType.PT_UNICODE);
    String[][] people = {{"Zoe", "ACME"}, {"adam", "ACME"}, {"Bert", "Initech"}, {"carl", "acme corp"}, {"Dora", "ACME"}};
    for (String[] person : people) {
      mailbox.createItem(contacts, List.of(PropValue.ofString(Tags.DISPLAY_NAME, person[0]), PropValue.ofString(company, person[1])));
    }
    var acme = new io.convene.api.store.query.Restriction.Content(io.convene.api.store.query.FuzzyLevelLow.PREFIX,
        java.util.Set.of(io.convene.api.store.query.FuzzyLevelHigh.IGNORECASE), company, PropValue.ofString(company, "acme"));
    var byName = io.convene.api.store.query.SortOrderSet.of(
        new io.convene.api.store.query.SortOrder(Tags.DISPLAY_NAME, io.convene.api.store.query.SortOrder.Direction.ASCENDING));

    io.convene.api.store.QueryPage first = mailbox.query(contacts, acme, byName, 0, 2);
    assertThat(first.totalMatches()).isEqualTo(4);
    assertThat(first.rows()).extracting(item -> item.property(Tags.DISPLAY_NAME).orElseThrow().asString()).containsExactly("adam", "carl");
    assertThat(mailbox.query(contacts, acme, byName, 2, 2).rows())
        .extracting(item -> item.property(Tags.DISPLAY_NAME).orElseThrow().asString()).containsExactly("Dora", "Zoe");
    assertThat(mailbox.query(contacts, null, byName, 0, 10).totalMatches()).isEqualTo(5);

    io.convene.api.store.query.Restriction deep = io.convene.api.store.query.Restriction.exist(company);
    for (int i = 0; i < 40; i++) {
      deep = new io.convene.api.store.query.Restriction.Not(deep);
    }
    io.convene.api.store.query.Restriction tooDeep = deep;
    assertThatThrownBy(() -> mailbox.query(contacts, tooDeep, byName, 0, 10))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.TOO_COMPLEX);
  }

  @Test
  void pagingThroughAFolderVisitsEveryItemOnce() throws StoreException {
    Mailbox mailbox = alice();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    List<List<PropValue>> messages = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      messages.add(List.of(PropValue.ofString(SUBJECT, "m" + i)));
    }
    // 600 counter values: ids whose stored form is negative are among them
    List<MessageId> created = mailbox.createItems(inbox, messages).stream().map(SavedItem::id).toList();
    List<MessageId> seen = new ArrayList<>();
    long cursor = 0;
    for (List<StoredItem> page = mailbox.items(inbox, cursor, 50); !page.isEmpty(); page = mailbox.items(inbox, cursor, 50)) {
      page.forEach(item -> seen.add(item.id()));
      cursor = page.get(page.size() - 1).id().toLong();
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void unprovisionedMailboxesAreReported() {
    assertThatThrownBy(() -> store.mailbox(99, Caller.account(99)))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.NO_MAILBOX);
  }

  private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.ACCESS_DENIED);
  }

  private static FolderId idOf(Mailbox mailbox, SpecialFolder special) {
    try {
      return mailbox.folder(special).id();
    } catch (StoreException e) {
      throw new AssertionError(e);
    }
  }
}

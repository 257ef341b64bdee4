package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.Contents;
import io.convene.api.store.FolderEntryId;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.HierarchyPage;
import io.convene.api.store.HierarchyRow;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.query.FuzzyLevelHigh;
import io.convene.api.store.query.FuzzyLevelLow;
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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hierarchy tables from the store: computed columns, restriction and sort over folder properties. */
class HierarchyQueryTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  private static final PropTag CONTAINER_CLASS = PropTag.of(0x3613, PropType.PT_UNICODE);
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  @TempDir Path data;
  private Database database;
  private DerbyStore store;
  private Mailbox mailbox;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(new CodecLimits(1000, 1 << 20, 1000)), Clock.systemUTC());
    store.provision(ALICE);
    store.provision(BOB);
    mailbox = store.mailbox(ALICE, Caller.account(ALICE));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static List<String> names(HierarchyPage page) {
    return page.rows().stream().map(row -> row.folder().displayName()).toList();
  }

  private static PropValue value(HierarchyRow row, PropTag tag) {
    return row.properties().get(tag);
  }

  @Test
  void rowsCarryTheComputedColumnsAndEntryIds() throws Exception {
    FolderId root = mailbox.folder(SpecialFolder.ROOT).id();
    FolderId ipm = mailbox.folder(SpecialFolder.IPM_SUBTREE).id();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "hello")));
    mailbox.createItem(inbox, List.of(PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)));
    FolderId search = mailbox.createSearchFolder(mailbox.folder(SpecialFolder.FINDER).id(), "Unread").id();

    HierarchyPage all = mailbox.hierarchy(root, true, null, SortOrderSet.NONE, 0, 1000);
    assertThat(all.totalMatches()).isEqualTo(SpecialFolder.values().length);
    HierarchyRow inboxRow = all.rows().stream().filter(row -> row.folder().id().equals(inbox)).findFirst().orElseThrow();
    assertThat(inboxRow.depth()).isEqualTo(2);
    assertThat(value(inboxRow, HierarchyBags.DEPTH).asInt()).isEqualTo(2);
    assertThat(value(inboxRow, HierarchyBags.CONTENT_COUNT).asInt()).isEqualTo(1);
    assertThat(value(inboxRow, HierarchyBags.CONTENT_UNREAD_COUNT).asInt()).isEqualTo(1);
    assertThat(value(inboxRow, HierarchyBags.ASSOCIATED_CONTENT_COUNT).asInt()).isEqualTo(1);
    assertThat(value(inboxRow, HierarchyBags.SUBFOLDERS).asBoolean()).isFalse();
    assertThat(value(inboxRow, HierarchyBags.FOLDER_TYPE).asInt()).isEqualTo(1);
    assertThat(FolderEntryId.parse(value(inboxRow, HierarchyBags.ENTRY_ID).asBytes()))
        .isEqualTo(FolderEntryId.ofPrivateFolder(mailbox.replicaGuid(), mailbox.replicaGuid(), inbox));
    assertThat(FolderEntryId.parse(value(inboxRow, HierarchyBags.PARENT_ENTRY_ID).asBytes()).counter()).isEqualTo(ipm.counter());
    assertThat(value(inboxRow, DISPLAY_NAME).asString()).isEqualTo("Inbox");
    // a parent comes before its children
    List<FolderId> order = all.rows().stream().map(row -> row.folder().id()).toList();
    assertThat(order.indexOf(ipm)).isLessThan(order.indexOf(inbox));

    HierarchyPage finder = mailbox.hierarchy(mailbox.folder(SpecialFolder.FINDER).id(), false, null, SortOrderSet.NONE, 0, 10);
    assertThat(finder.rows()).singleElement().satisfies(row -> {
      assertThat(row.folder().id()).isEqualTo(search);
      assertThat(value(row, HierarchyBags.FOLDER_TYPE).asInt()).isEqualTo(2);
    });
  }

  @Test
  void restrictionAndSortWorkOnFolderProperties() throws Exception {
    FolderId ipm = mailbox.folder(SpecialFolder.IPM_SUBTREE).id();
    mailbox.createFolder(ipm, "Team calendar", "IPF.Appointment");
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    mailbox.createFolder(calendar, "Holidays", "IPF.Appointment");

    Restriction calendars = Restriction.property(Relop.EQ, PropValue.ofString(CONTAINER_CLASS, "IPF.Appointment"));
    SortOrderSet byNameDown = SortOrderSet.of(SortOrder.descending(DISPLAY_NAME));
    HierarchyPage page = mailbox.hierarchy(ipm, true, calendars, byNameDown, 0, 100);
    assertThat(names(page)).containsExactly("Team calendar", "Holidays", "Calendar");
    assertThat(page.totalMatches()).isEqualTo(3);
    assertThat(names(mailbox.hierarchy(ipm, true, calendars, byNameDown, 1, 1))).containsExactly("Holidays");
    assertThat(names(mailbox.hierarchy(ipm, false, calendars, byNameDown, 0, 100))).containsExactly("Team calendar", "Calendar");

    Restriction named = new Restriction.Content(FuzzyLevelLow.PREFIX, Set.of(FuzzyLevelHigh.IGNORECASE),
        PropValue.ofString(DISPLAY_NAME, "s"));
    assertThat(names(mailbox.hierarchy(ipm, true, named, SortOrderSet.of(SortOrder.ascending(DISPLAY_NAME)), 0, 100)))
        .containsExactly("Sent Items", "Server Failures", "Suggested Contacts", "Sync Issues");

    Restriction withItems = Restriction.property(Relop.GT, PropValue.ofInt(HierarchyBags.CONTENT_COUNT, 0));
    assertThat(mailbox.hierarchy(ipm, true, withItems, SortOrderSet.NONE, 0, 100).totalMatches()).isZero();

    Restriction tooDeep = calendars;
    for (int i = 0; i < 40; i++) {
      tooDeep = Restriction.not(tooDeep);
    }
    Restriction refused = tooDeep;
    assertThatThrownBy(() -> mailbox.hierarchy(ipm, true, refused, SortOrderSet.NONE, 0, 100))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.TOO_COMPLEX));
  }

  @Test
  void onlyVisibleFoldersAreListed() throws Exception {
    FolderId ipm = mailbox.folder(SpecialFolder.IPM_SUBTREE).id();
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    mailbox.setPermission(ipm, BOB, FolderRights.FOLDER_VISIBLE);
    mailbox.setPermission(calendar, BOB, FolderRights.FOLDER_VISIBLE | FolderRights.READ_ANY);
    Mailbox asBob = store.mailbox(ALICE, Caller.account(BOB));
    assertThat(names(asBob.hierarchy(ipm, true, null, SortOrderSet.NONE, 0, 100))).containsExactly("Calendar");
  }
}

package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.Contents;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.QueryPage;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SearchCriteria;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search folders on Derby (MS-OXCFOLD 3.2.5.4, 3.2.5.5): durable criteria, contents evaluated at each read. */
class SearchFolderTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  private static final Restriction HIGH = Restriction.property(Relop.EQ, PropValue.ofInt(IMPORTANCE, 2));
  private static final SortOrderSet BY_SUBJECT = SortOrderSet.of(SortOrder.ascending(SUBJECT));

  @TempDir Path data;
  private Database database;
  private DerbyStore store;
  private Mailbox mailbox;
  private FolderId inbox;
  private FolderId finder;

  @BeforeEach
  void open() throws Exception {
    reopen();
    store.provision(ALICE);
    store.provision(BOB);
    mailbox = store.mailbox(ALICE, Caller.account(ALICE));
    inbox = mailbox.folder(SpecialFolder.INBOX).id();
    finder = mailbox.folder(SpecialFolder.FINDER).id();
  }

  private void reopen() throws StoreException {
    if (database != null) {
      database.close();
    }
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(new CodecLimits(1000, 1 << 20, 1000)), Clock.systemUTC());
    if (mailbox != null) {
      mailbox = store.mailbox(ALICE, Caller.account(ALICE));
    }
  }

  @AfterEach
  void close() {
    database.close();
  }

  private SavedItem item(FolderId folder, String subject, int importance) throws StoreException {
    return mailbox.createItem(folder, List.of(PropValue.ofString(SUBJECT, subject), PropValue.ofInt(IMPORTANCE, importance)));
  }

  private static List<String> subjects(QueryPage page) {
    return page.rows().stream().map(item -> item.property(SUBJECT).orElseThrow().asString()).toList();
  }

  @Test
  void aSearchFolderShowsTheMatchingItemsOfItsScopeAsTheStoreIsAtEachRead() throws Exception {
    FolderId projects = mailbox.createFolder(inbox, "Projects", "IPF.Note").id();
    item(inbox, "b urgent", 2);
    item(inbox, "plain", 1);
    SavedItem deep = item(projects, "a urgent deep", 2);
    mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "c urgent view"), PropValue.ofInt(IMPORTANCE, 2),
        PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)));

    FolderInfo search = mailbox.createSearchFolder(finder, "Important");
    assertThat(search.search()).isTrue();
    assertThat(search.parentId()).contains(finder);
    mailbox.setSearchCriteria(search.id(), HIGH, List.of(inbox),
        SearchCriteria.RESTART_SEARCH | SearchCriteria.RECURSIVE_SEARCH);

    QueryPage page = mailbox.query(search.id(), null, BY_SUBJECT, 0, 10);
    assertThat(subjects(page)).containsExactly("a urgent deep", "b urgent");
    // each row carries the folder it really is in
    assertThat(page.rows()).extracting(StoredItem::folderId).containsExactly(projects, inbox);
    assertThat(mailbox.folder(search.id()).itemCount()).isEqualTo(2);
    assertThat(mailbox.folder(search.id()).unreadCount()).isEqualTo(2);

    // the table's own restriction narrows the search's
    Restriction deepOnly = Restriction.property(Relop.EQ, PropValue.ofString(SUBJECT, "a urgent deep"));
    assertThat(subjects(mailbox.query(search.id(), deepOnly, BY_SUBJECT, 0, 10))).containsExactly("a urgent deep");

    item(inbox, "d urgent later", 2);
    mailbox.delete(projects, List.of(deep.id()), false);
    assertThat(subjects(mailbox.query(search.id(), null, BY_SUBJECT, 0, 10))).containsExactly("b urgent", "d urgent later");

    // shallow: the scope folders only
    mailbox.setSearchCriteria(search.id(), null, List.of(), SearchCriteria.SHALLOW_SEARCH);
    item(projects, "e urgent deep", 2);
    assertThat(subjects(mailbox.query(search.id(), null, BY_SUBJECT, 0, 10))).containsExactly("b urgent", "d urgent later");

    // its folder-associated items are its own, apart from the search
    mailbox.createItem(search.id(), List.of(PropValue.ofString(SUBJECT, "view"), PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)));
    assertThat(subjects(mailbox.query(search.id(), Contents.ASSOCIATED, null, BY_SUBJECT, 0, 10))).containsExactly("view");
    assertThat(mailbox.folder(search.id()).associatedCount()).isEqualTo(1);
    assertThat(subjects(mailbox.query(search.id(), null, BY_SUBJECT, 0, 10))).containsExactly("b urgent", "d urgent later");
  }

  @Test
  void criteriaAreDurableAndKeptWhereANewCallLeavesThemOut() throws Exception {
    FolderId search = mailbox.createSearchFolder(finder, "Reminders view").id();
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    mailbox.setSearchCriteria(search, HIGH, List.of(inbox, calendar), SearchCriteria.RESTART_SEARCH);
    reopen();

    SearchCriteria criteria = mailbox.searchCriteria(search);
    assertThat(criteria.restriction()).isEqualTo(HIGH);
    assertThat(criteria.scope()).containsExactly(inbox, calendar);
    assertThat(criteria.running()).isTrue();
    assertThat(criteria.recursive()).isFalse();
    assertThat(criteria.state()).isEqualTo(SearchCriteria.SEARCH_RUNNING | SearchCriteria.SEARCH_COMPLETE);

    mailbox.setSearchCriteria(search, null, List.of(), SearchCriteria.STOP_SEARCH | SearchCriteria.RECURSIVE_SEARCH);
    criteria = mailbox.searchCriteria(search);
    assertThat(criteria.restriction()).isEqualTo(HIGH);
    assertThat(criteria.scope()).containsExactly(inbox, calendar);
    assertThat(criteria.running()).isFalse();
    assertThat(criteria.state()).isEqualTo(SearchCriteria.SEARCH_RECURSIVE | SearchCriteria.SEARCH_COMPLETE);

    Restriction exists = Restriction.exist(SUBJECT);
    mailbox.setSearchCriteria(search, exists, List.of(calendar), SearchCriteria.RESTART_SEARCH);
    criteria = mailbox.searchCriteria(search);
    assertThat(criteria.restriction()).isEqualTo(exists);
    assertThat(criteria.scope()).containsExactly(calendar);
    assertThat(criteria.running()).isTrue();
    assertThat(criteria.recursive()).isTrue();
  }

  @Test
  void badCriteriaAreRefusedAndNothingIsWritten() throws Exception {
    FolderId search = mailbox.createSearchFolder(finder, "Bad").id();
    expect(StoreError.NOT_FOUND, () -> mailbox.searchCriteria(search));
    expect(StoreError.INVALID_PARAMETER, () -> mailbox.setSearchCriteria(search, null, List.of(inbox), 0));
    expect(StoreError.INVALID_PARAMETER, () -> mailbox.setSearchCriteria(search, HIGH, List.of(), 0));
    expect(StoreError.INVALID_PARAMETER, () -> mailbox.setSearchCriteria(search, HIGH, List.of(search), 0));
    expect(StoreError.INVALID_PARAMETER, () -> mailbox.setSearchCriteria(inbox, HIGH, List.of(inbox), 0));
    expect(StoreError.INVALID_PARAMETER, () -> mailbox.setSearchCriteria(search, HIGH, List.of(inbox),
        SearchCriteria.STOP_SEARCH | SearchCriteria.RESTART_SEARCH));
    expect(StoreError.INVALID_PARAMETER, () -> mailbox.setSearchCriteria(search, HIGH, List.of(inbox),
        SearchCriteria.RECURSIVE_SEARCH | SearchCriteria.SHALLOW_SEARCH));
    expect(StoreError.INVALID_PARAMETER, () -> mailbox.setSearchCriteria(search, HIGH, List.of(inbox), 0x100));
    expect(StoreError.NOT_FOUND, () -> mailbox.setSearchCriteria(search, HIGH, List.of(FolderId.of(1, 0xFFFFFFL)), 0));
    List<FolderId> tooMany = new ArrayList<>();
    for (int i = 0; i <= SearchFolders.MAX_SCOPE; i++) {
      tooMany.add(FolderId.of(1, 0x100000L + i));
    }
    expect(StoreError.TOO_BIG, () -> mailbox.setSearchCriteria(search, HIGH, tooMany, 0));
    Restriction deep = HIGH;
    for (int i = 0; i < 40; i++) {
      deep = Restriction.not(deep);
    }
    Restriction tooDeep = deep;
    expect(StoreError.TOO_COMPLEX, () -> mailbox.setSearchCriteria(search, tooDeep, List.of(inbox), 0));
    expect(StoreError.NOT_FOUND, () -> mailbox.searchCriteria(search));

    // a search folder holds nothing of its own
    expect(StoreError.NOT_SUPPORTED, () -> mailbox.createItem(search, List.of(PropValue.ofString(SUBJECT, "x"))));
    expect(StoreError.NOT_SUPPORTED, () -> mailbox.createFolder(search, "child", null));
    expect(StoreError.DUPLICATE_NAME, () -> mailbox.createSearchFolder(finder, "Bad"));
    // a search never set shows nothing
    assertThat(mailbox.query(search, null, BY_SUBJECT, 0, 10).totalMatches()).isZero();
  }

  @Test
  void aSearchReadsOnlyWhatTheCallerMayRead() throws Exception {
    item(inbox, "urgent", 2);
    FolderId shared = mailbox.createFolder(mailbox.folder(SpecialFolder.IPM_SUBTREE).id(), "Shared", "IPF.Note").id();
    item(shared, "shared urgent", 2);
    FolderId search = mailbox.createSearchFolder(finder, "All urgent").id();
    mailbox.setSearchCriteria(search, HIGH, List.of(inbox, shared), SearchCriteria.RESTART_SEARCH);
    mailbox.setPermission(search, BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE);
    mailbox.setPermission(shared, BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE);

    Mailbox asBob = store.mailbox(ALICE, Caller.account(BOB));
    assertThat(subjects(asBob.query(search, null, BY_SUBJECT, 0, 10))).containsExactly("shared urgent");
    assertThat(subjects(mailbox.query(search, null, BY_SUBJECT, 0, 10))).containsExactly("shared urgent", "urgent");
    expect(StoreError.ACCESS_DENIED, () -> asBob.setSearchCriteria(search, HIGH, List.of(shared), 0));
  }

  private interface Call {
    void run() throws StoreException;
  }

  private static void expect(StoreError error, Call call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(error));
  }
}

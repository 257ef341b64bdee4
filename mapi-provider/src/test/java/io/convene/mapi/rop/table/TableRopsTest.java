package io.convene.mapi.rop.table;

import static io.convene.mapi.rop.table.TableHarness.openFolder;
import static io.convene.mapi.rop.table.TableHarness.queryRows;
import static io.convene.mapi.rop.table.TableHarness.status;
import static io.convene.mapi.rop.table.TableHarness.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.RestrictionCodec;
import io.convene.mapi.rop.data.RestrictionLimits;
import io.convene.mapi.rop.data.SortOrderSetCodec;
import io.convene.mapi.rop.objects.RopBuffers;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.permission.PermissionMembers;
import io.convene.mapi.rop.table.TableRequests.BareRequest;
import io.convene.mapi.rop.table.TableRequests.FindRowRequest;
import io.convene.mapi.rop.table.TableRequests.OpenTableRequest;
import io.convene.mapi.rop.table.TableRequests.QueryRowsRequest;
import io.convene.mapi.rop.table.TableRequests.RestrictRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowBookmarkRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowFractionalRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowRequest;
import io.convene.mapi.rop.table.TableRequests.SetColumnsRequest;
import io.convene.mapi.rop.table.TableRequests.SortTableRequest;
import io.convene.mapi.testing.SpecFixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table ROPs against the real Derby store: each test opens its own folder (tests share one
 * store, since opening Derby takes seconds) and drives it through ROP buffers as a client would.
 */
class TableRopsTest {

  static final long ALICE = 1;
  static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  static final PropTag DELIVERY = PropTag.of(0x0E06, PropType.PT_SYSTIME);
  static final int[] COLUMNS = {TableTags.MID.tag(), SUBJECT.tag(), DELIVERY.tag()};
  static final PermissionMembers NO_MEMBERS =
      new PermissionMembers() {
        @Override
        public Optional<String> name(long memberId) {
          return Optional.empty();
        }

        @Override
        public Optional<String> distinguishedName(long memberId) {
          return Optional.empty();
        }

        @Override
        public Optional<Long> byDistinguishedName(String dn) {
          return Optional.empty();
        }
      };

  @TempDir static Path directory;
  static TestStore store;
  static int folders;
  TableHarness harness;
  FolderId folder;
  List<MessageId> items;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  /** A fresh folder with m1..m5, delivered an hour apart (m5 newest). */
  @BeforeEach
  void fill() throws Exception {
    harness = new TableHarness(store.store(), ALICE, ALICE, NO_MEMBERS);
    FolderId inbox = harness.mailbox().folder(SpecialFolder.INBOX).id();
    folder = harness.mailbox().createFolder(inbox, "t" + ++folders, "IPF.Note").id();
    items = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      items.add(add("m" + i, i).id());
    }
  }

  private SavedItem add(String subject, int hour) throws Exception {
    return harness.mailbox().createItem(folder, List.of(
        PropValue.ofString(SUBJECT, subject),
        PropValue.ofTime(DELIVERY, Instant.parse("2026-11-27T00:00:00Z").plusSeconds(3600L * hour))));
  }

  static RopHeader h(int ropId, int index) {
    return new RopHeader(ropId, 0, index);
  }

  static byte[] contentsTable(int folderIndex, int tableIndex) {
    return new OpenTableRequest(h(TableRopIds.GET_CONTENTS_TABLE, folderIndex), tableIndex, 0).encode();
  }

  static byte[] setColumns(int table, int... columns) {
    return new SetColumnsRequest(h(TableRopIds.SET_COLUMNS, table), 0, columns).encode();
  }

  static byte[] sortDescendingByDelivery(int table) {
    LittleEndianWriter set = new LittleEndianWriter();
    new SortOrderSetCodec(8).encode(SortOrderSet.of(SortOrder.descending(DELIVERY)), set);
    return new SortTableRequest(h(TableRopIds.SORT_TABLE, table), 0, set.toByteArray()).encode();
  }

  static byte[] rowsRequest(int table, int flags, boolean forward, int count) {
    return new QueryRowsRequest(h(TableRopIds.QUERY_ROWS, table), flags, forward, count).encode();
  }

  static byte[] bare(int ropId, int table) {
    return new BareRequest(h(ropId, table)).encode();
  }

  /** Opens the test folder's contents table at index 0 (folder at 1), columns set, newest first. */
  private void openSorted() throws Exception {
    LittleEndianReader out = harness.run(0x8000, RopBuffers.emptyHandles(2),
        openFolder(0, 1, folder), contentsTable(1, 0), setColumns(0, COLUMNS), sortDescendingByDelivery(0)).responses();
    assertThat(status(out, TableHarness.OPEN_FOLDER)).isZero();
    assertThat(TableResponses.OpenTableResponse.read(out, TableRopIds.GET_CONTENTS_TABLE).rowCount()).isEqualTo(5);
    assertThat(TableResponses.TableStatusResponse.read(out, TableRopIds.SET_COLUMNS).tableStatus()).isZero();
    assertThat(TableResponses.TableStatusResponse.read(out, TableRopIds.SORT_TABLE).tableStatus()).isZero();
  }

  private TableHarness.Rows query(int maxOutput, byte[] request) throws Exception {
    return queryRows(harness.run(maxOutput, handles(), request).responses(), COLUMNS);
  }

  private int[] handles = null;

  private int[] handles() {
    return handles;
  }

  private LittleEndianReader run(byte[]... requests) throws Exception {
    RopBuffers.Output output = harness.run(0x8000, handles, requests);
    handles = output.handles();
    return output.responses();
  }

  private void openTable() throws Exception {
    RopBuffers.Output output = harness.run(0x8000, RopBuffers.emptyHandles(2),
        openFolder(0, 1, folder), contentsTable(1, 0), setColumns(0, COLUMNS), sortDescendingByDelivery(0));
    handles = output.handles();
  }

  private static List<String> subjects(TableHarness.Rows rows) {
    return rows.rows().stream().map(row -> (String) value(row.get(1))).toList();
  }

  @Test
  void theSection4SequenceReadsTheRowsSortedWithComputedColumns() throws Exception {
    openSorted();
    openTable();
    // The request bytes of MS-OXCTABL 4.5.3.1 as they are: 50 rows forward from the table at index 0.
    TableHarness.Rows rows = query(0x8000, SpecFixtures.hex("ms-oxctabl/4.5.3.1-queryrows-request.hex"));
    assertThat(subjects(rows)).containsExactly("m5", "m4", "m3", "m2", "m1");
    assertThat(rows.origin()).isEqualTo(Bookmarks.END);
    assertThat(value(rows.rows().get(0).get(0))).isEqualTo(items.get(4).toLong());
    assertThat(value(rows.rows().get(4).get(2))).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
    LittleEndianReader position = run(bare(TableRopIds.QUERY_POSITION, 0));
    TableResponses.QueryPositionResponse at = TableResponses.QueryPositionResponse.read(position);
    assertThat(at.numerator()).isEqualTo(5);
    assertThat(at.denominator()).isEqualTo(5);
    assertThat(query(0x8000, rowsRequest(0, 0, true, 10)).rows()).isEmpty();
  }

  @Test
  void rowsThatDoNotFitTheOutputAreLeftForTheNextQueryRows() throws Exception {
    openTable();
    List<String> seen = new ArrayList<>();
    int calls = 0;
    while (true) {
      // RopSize, two handles, the QueryRows header and 50 bytes: two 23-byte rows fit, not three.
      TableHarness.Rows rows = query(2 + 8 + TableResponses.QueryRowsResponse.HEADER_SIZE + 50, rowsRequest(0, 0, true, 50));
      seen.addAll(subjects(rows));
      calls++;
      if (rows.origin() == Bookmarks.END) {
        break;
      }
      assertThat(rows.rows()).hasSize(2);
    }
    assertThat(calls).isEqualTo(3);
    assertThat(seen).containsExactly("m5", "m4", "m3", "m2", "m1");
  }

  @Test
  void aRowThatCannotFitAtAllIsEcBufferTooSmall() throws Exception {
    openTable();
    LittleEndianReader out = harness.run(2 + 8 + 20, handles, rowsRequest(0, 0, true, 5)).responses();
    assertThat(status(out, TableRopIds.QUERY_ROWS)).isEqualTo(TableErrors.BUFFER_TOO_SMALL);
  }

  @Test
  void backwardReadsAndNoAdvance() throws Exception {
    openTable();
    run(new SeekRowRequest(h(TableRopIds.SEEK_ROW, 0), Bookmarks.END, 0, false).encode());
    TableHarness.Rows back = query(0x8000, rowsRequest(0, QueryRowsRequest.NO_ADVANCE, false, 2));
    assertThat(subjects(back)).containsExactly("m2", "m1");
    assertThat(back.origin()).isEqualTo(Bookmarks.CURRENT);
    TableHarness.Rows again = query(0x8000, rowsRequest(0, 0, false, 2));
    assertThat(subjects(again)).containsExactly("m2", "m1");
    TableHarness.Rows rest = query(0x8000, rowsRequest(0, 0, false, 10));
    assertThat(subjects(rest)).containsExactly("m5", "m4", "m3");
    assertThat(rest.origin()).isEqualTo(Bookmarks.BEGINNING);
    assertThat(subjects(query(0x8000, rowsRequest(0, 0, true, 1)))).containsExactly("m5");
  }

  @Test
  void eachQueryRowsSeesTheStoreAsItIsThen() throws Exception {
    openTable();
    assertThat(subjects(query(0x8000, rowsRequest(0, 0, true, 2)))).containsExactly("m5", "m4");
    add("m9", 9);
    run(new SeekRowRequest(h(TableRopIds.SEEK_ROW, 0), Bookmarks.BEGINNING, 0, false).encode());
    assertThat(subjects(query(0x8000, rowsRequest(0, 0, true, 10)))).containsExactly("m9", "m5", "m4", "m3", "m2", "m1");
  }

  @Test
  void restrictFiltersAndABadRestrictionFailsOnlyItsRop() throws Exception {
    openTable();
    byte[] restriction = RestrictionCodec.forRops(RestrictionLimits.DEFAULT)
        .encode(Restriction.or(
            Restriction.property(io.convene.api.store.query.Relop.EQ, PropValue.ofString(SUBJECT, "m2")),
            Restriction.property(io.convene.api.store.query.Relop.EQ, PropValue.ofString(SUBJECT, "m4"))));
    LittleEndianReader out = run(
        new RestrictRequest(h(TableRopIds.RESTRICT, 0), 0, new byte[] {0x0c}).encode(),
        new RestrictRequest(h(TableRopIds.RESTRICT, 0), 0, restriction).encode(),
        rowsRequest(0, 0, true, 10));
    assertThat(status(out, TableRopIds.RESTRICT)).isEqualTo(ErrorCodes.INVALID_PARAMETER & 0xFFFFFFFFL);
    assertThat(TableResponses.TableStatusResponse.read(out, TableRopIds.RESTRICT).tableStatus()).isZero();
    assertThat(subjects(queryRows(out, COLUMNS))).containsExactly("m4", "m2");
    // An empty restriction lifts the filter.
    LittleEndianReader all = run(new RestrictRequest(h(TableRopIds.RESTRICT, 0), 0, new byte[0]).encode(), rowsRequest(0, 0, true, 10));
    TableResponses.TableStatusResponse.read(all, TableRopIds.RESTRICT);
    assertThat(queryRows(all, COLUMNS).rows()).hasSize(5);
  }

  @Test
  void seekRowFractionalAndBookmarks() throws Exception {
    openTable();
    LittleEndianReader out = run(
        new SeekRowRequest(h(TableRopIds.SEEK_ROW, 0), Bookmarks.BEGINNING, 7, true).encode(),
        new SeekRowRequest(h(TableRopIds.SEEK_ROW, 0), Bookmarks.CURRENT, -3, true).encode(),
        bare(TableRopIds.CREATE_BOOKMARK, 0),
        new SeekRowFractionalRequest(h(TableRopIds.SEEK_ROW_FRACTIONAL, 0), 4, 5).encode(),
        bare(TableRopIds.QUERY_POSITION, 0));
    TableResponses.SeekRowResponse first = TableResponses.SeekRowResponse.read(out);
    assertThat(first.hasSoughtLess()).isTrue();
    assertThat(first.rowsSought()).isEqualTo(5);
    TableResponses.SeekRowResponse second = TableResponses.SeekRowResponse.read(out);
    assertThat(second.hasSoughtLess()).isFalse();
    assertThat(second.rowsSought()).isEqualTo(-3);
    byte[] bookmark = TableResponses.BlobResponse.read(out, TableRopIds.CREATE_BOOKMARK).blob();
    TableResponses.EmptyResponse.read(out, TableRopIds.SEEK_ROW_FRACTIONAL);
    assertThat(TableResponses.QueryPositionResponse.read(out).numerator()).isEqualTo(4);

    // The bookmark is on m3 (row 2); deleting m4 moves m3 to row 1 and the bookmark follows it.
    harness.mailbox().delete(folder, List.of(items.get(3)), true);
    LittleEndianReader seek = run(new SeekRowBookmarkRequest(h(TableRopIds.SEEK_ROW_BOOKMARK, 0), bookmark, 0, true).encode(),
        rowsRequest(0, QueryRowsRequest.NO_ADVANCE, true, 1));
    TableResponses.SeekRowBookmarkResponse found = TableResponses.SeekRowBookmarkResponse.read(seek);
    assertThat(found.rowNoLongerVisible()).isFalse();
    assertThat(subjects(queryRows(seek, COLUMNS))).containsExactly("m3");

    // Once m3 is gone too, the bookmark says so and leaves the cursor on the row now in its place.
    harness.mailbox().delete(folder, List.of(items.get(2)), true);
    LittleEndianReader gone = run(new SeekRowBookmarkRequest(h(TableRopIds.SEEK_ROW_BOOKMARK, 0), bookmark, 0, false).encode(),
        rowsRequest(0, 0, true, 1),
        new TableRequests.FreeBookmarkRequest(h(TableRopIds.FREE_BOOKMARK, 0), bookmark).encode(),
        new TableRequests.FreeBookmarkRequest(h(TableRopIds.FREE_BOOKMARK, 0), bookmark).encode());
    assertThat(TableResponses.SeekRowBookmarkResponse.read(gone).rowNoLongerVisible()).isTrue();
    assertThat(subjects(queryRows(gone, COLUMNS))).containsExactly("m1");
    TableResponses.EmptyResponse.read(gone, TableRopIds.FREE_BOOKMARK);
    assertThat(status(gone, TableRopIds.FREE_BOOKMARK)).isEqualTo(TableErrors.INVALID_BOOKMARK & 0xFFFFFFFFL);
  }

  @Test
  void findRowMovesTheCursorToTheFirstMatch() throws Exception {
    openTable();
    byte[] m2 = RestrictionCodec.forRops(RestrictionLimits.DEFAULT)
        .encode(Restriction.property(io.convene.api.store.query.Relop.EQ, PropValue.ofString(SUBJECT, "m2")));
    byte[] none = RestrictionCodec.forRops(RestrictionLimits.DEFAULT)
        .encode(Restriction.property(io.convene.api.store.query.Relop.EQ, PropValue.ofString(SUBJECT, "zz")));
    LittleEndianReader out = run(
        new FindRowRequest(h(TableRopIds.FIND_ROW, 0), 0, m2, Bookmarks.BEGINNING, new byte[0]).encode(),
        bare(TableRopIds.QUERY_POSITION, 0),
        new FindRowRequest(h(TableRopIds.FIND_ROW, 0), FindRowRequest.BACKWARD, m2, Bookmarks.CURRENT, new byte[0]).encode(),
        new FindRowRequest(h(TableRopIds.FIND_ROW, 0), FindRowRequest.BACKWARD, m2, Bookmarks.END, new byte[0]).encode(),
        new FindRowRequest(h(TableRopIds.FIND_ROW, 0), 0, none, Bookmarks.BEGINNING, new byte[0]).encode());
    assertThat(status(out, TableRopIds.FIND_ROW)).isZero();
    assertThat(out.u8("RowNoLongerVisible")).isZero();
    assertThat(out.u8("HasRowData")).isEqualTo(1);
    List<PropertyRow.Cell> row = PropertyRow.read(out, COLUMNS, io.convene.mapi.rop.data.PropertyLimits.ROP);
    assertThat(value(row.get(1))).isEqualTo("m2");
    assertThat(TableResponses.QueryPositionResponse.read(out).numerator()).isEqualTo(3);
    // Backward from m2 itself: no earlier (newer) m2.
    assertThat(status(out, TableRopIds.FIND_ROW)).isEqualTo(TableErrors.NOT_FOUND & 0xFFFFFFFFL);
    assertThat(status(out, TableRopIds.FIND_ROW)).isZero();
    out.skip(2, "flags");
    assertThat(value(PropertyRow.read(out, COLUMNS, io.convene.mapi.rop.data.PropertyLimits.ROP).get(1))).isEqualTo("m2");
    assertThat(status(out, TableRopIds.FIND_ROW)).isEqualTo(TableErrors.NOT_FOUND & 0xFFFFFFFFL);
  }

  @Test
  void documentedErrorsForWhatTheseTablesDoNotHave() throws Exception {
    openTable();
    LittleEndianReader out = run(
        new OpenTableRequest(h(TableRopIds.GET_CONTENTS_TABLE, 1), 0, OpenTableRequest.SOFT_DELETES).encode(),
        new TableRequests.ExpandRowRequest(h(TableRopIds.EXPAND_ROW, 0), 10, 1).encode(),
        new TableRequests.CollapseRowRequest(h(TableRopIds.COLLAPSE_ROW, 0), 1).encode(),
        bare(TableRopIds.ABORT, 0),
        bare(TableRopIds.GET_STATUS, 0),
        setColumns(0),
        setColumns(0, 0x0037201F),
        bare(TableRopIds.RESET_TABLE, 0),
        rowsRequest(0, 0, true, 1));
    assertThat(status(out, TableRopIds.GET_CONTENTS_TABLE)).isEqualTo(ErrorCodes.NOT_SUPPORTED & 0xFFFFFFFFL);
    assertThat(status(out, TableRopIds.EXPAND_ROW)).isEqualTo(TableErrors.NOT_FOUND & 0xFFFFFFFFL);
    assertThat(status(out, TableRopIds.COLLAPSE_ROW)).isEqualTo(TableErrors.NOT_FOUND & 0xFFFFFFFFL);
    assertThat(status(out, TableRopIds.ABORT)).isEqualTo(TableErrors.UNABLE_TO_ABORT & 0xFFFFFFFFL);
    assertThat(TableResponses.TableStatusResponse.read(out, TableRopIds.GET_STATUS).tableStatus()).isEqualTo(TableStatus.COMPLETE);
    assertThat(status(out, TableRopIds.SET_COLUMNS)).isEqualTo(ErrorCodes.INVALID_PARAMETER & 0xFFFFFFFFL);
    assertThat(status(out, TableRopIds.SET_COLUMNS)).isEqualTo(ErrorCodes.NOT_SUPPORTED & 0xFFFFFFFFL);
    TableResponses.EmptyResponse.read(out, TableRopIds.RESET_TABLE);
    // After RopResetTable the table has no columns until the next RopSetColumns.
    assertThat(status(out, TableRopIds.QUERY_ROWS)).isNotZero();
  }

  @Test
  void queryColumnsAllAndCollapseStateBookmarks() throws Exception {
    openTable();
    LittleEndianReader out = run(
        bare(TableRopIds.QUERY_COLUMNS_ALL, 0),
        new TableRequests.GetCollapseStateRequest(h(TableRopIds.GET_COLLAPSE_STATE, 0), items.get(0).toLong(), 0).encode());
    int[] all = TableResponses.QueryColumnsAllResponse.read(out).propertyTags();
    assertThat(all).contains(SUBJECT.tag(), DELIVERY.tag(), TableTags.MID.tag(), TableTags.INST_ID.tag());
    byte[] state = TableResponses.BlobResponse.read(out, TableRopIds.GET_COLLAPSE_STATE).blob();
    LittleEndianReader set = run(new TableRequests.SetCollapseStateRequest(h(TableRopIds.SET_COLLAPSE_STATE, 0), state).encode());
    byte[] bookmark = TableResponses.BlobResponse.read(set, TableRopIds.SET_COLLAPSE_STATE).blob();
    LittleEndianReader seek = run(new SeekRowBookmarkRequest(h(TableRopIds.SEEK_ROW_BOOKMARK, 0), bookmark, 0, false).encode(),
        rowsRequest(0, 0, true, 1));
    TableResponses.SeekRowBookmarkResponse.read(seek);
    assertThat(subjects(queryRows(seek, COLUMNS))).containsExactly("m1");
  }

  @Test
  void hierarchyTablesListSubfoldersWithCountsAndDepth() throws Exception {
    FolderId ipm = harness.mailbox().folder(SpecialFolder.IPM_SUBTREE).id();
    int[] columns = {TableTags.DISPLAY_NAME.tag(), TableTags.DEPTH.tag(), TableTags.CONTENT_COUNT.tag(),
        TableTags.SUBFOLDERS.tag(), TableTags.FOLDER_ID.tag(), 0x3001_0000};
    RopBuffers.Output output = harness.run(0x8000, RopBuffers.emptyHandles(3),
        openFolder(0, 1, ipm),
        new OpenTableRequest(h(TableRopIds.GET_HIERARCHY_TABLE, 1), 0, 0).encode(),
        new OpenTableRequest(h(TableRopIds.GET_HIERARCHY_TABLE, 1), 2, OpenTableRequest.DEPTH).encode(),
        setColumns(0, columns), setColumns(2, columns),
        rowsRequest(0, 0, true, 100), rowsRequest(2, 0, true, 500));
    LittleEndianReader out = output.responses();
    status(out, TableHarness.OPEN_FOLDER);
    long direct = TableResponses.OpenTableResponse.read(out, TableRopIds.GET_HIERARCHY_TABLE).rowCount();
    long all = TableResponses.OpenTableResponse.read(out, TableRopIds.GET_HIERARCHY_TABLE).rowCount();
    assertThat(all).isGreaterThan(direct);
    TableResponses.TableStatusResponse.read(out, TableRopIds.SET_COLUMNS);
    TableResponses.TableStatusResponse.read(out, TableRopIds.SET_COLUMNS);
    TableHarness.Rows children = queryRows(out, columns);
    TableHarness.Rows tree = queryRows(out, columns);
    assertThat(children.rows()).hasSize((int) direct);
    assertThat(tree.rows()).hasSize((int) all);
    List<PropertyRow.Cell> inbox = children.rows().stream().filter(r -> "Inbox".equals(value(r.get(0)))).findFirst().orElseThrow();
    assertThat(value(inbox.get(1))).isEqualTo(1);
    FolderInfo inboxInfo = harness.mailbox().folder(SpecialFolder.INBOX);
    assertThat(value(inbox.get(2))).isEqualTo(inboxInfo.itemCount());
    assertThat(value(inbox.get(3))).isEqualTo(true);
    assertThat(value(inbox.get(4))).isEqualTo(inboxInfo.id().toLong());
    // The PtypUnspecified column takes the row's own type.
    assertThat(inbox.get(5)).isEqualTo(new PropertyRow.Value(PropType.PT_UNICODE.code(), "Inbox"));
    List<PropertyRow.Cell> conflicts = tree.rows().stream().filter(r -> "Conflicts".equals(value(r.get(0)))).findFirst().orElseThrow();
    assertThat(value(conflicts.get(1))).isEqualTo(2);
    assertThat(children.rows()).noneMatch(r -> "Conflicts".equals(value(r.get(0))));
    // A sort on a column no folder has leaves the tree order (ties keep it).
    LittleEndianReader sort = harness.run(0x8000, output.handles(), sortDescendingByDelivery(2),
        rowsRequest(2, 0, true, 500)).responses();
    assertThat(TableResponses.TableStatusResponse.read(sort, TableRopIds.SORT_TABLE).tableStatus()).isZero();
    assertThat(queryRows(sort, columns).rows()).extracting(r -> value(r.get(0)))
        .containsExactlyElementsOf(tree.rows().stream().map(r -> value(r.get(0))).toList());
  }

  @Test
  void longValuesAreCutTo510Bytes() {
    TableRow row = new TableRow(1, java.util.Map.of(
        SUBJECT, PropValue.ofString(SUBJECT, "x".repeat(400)),
        PropTag.of(0x1009, PropType.PT_BINARY), PropValue.ofBytes(PropTag.of(0x1009, PropType.PT_BINARY), new byte[600])));
    List<PropertyRow.Cell> cells = RowCells.cells(new int[] {SUBJECT.tag(), 0x10090102}, row);
    assertThat((String) value(cells.get(0))).hasSize(254);
    assertThat((byte[]) value(cells.get(1))).hasSize(510);
    assertThat(Arrays.asList(RowCells.cells(new int[] {0x12340003}, row).get(0)))
        .containsExactly(new PropertyRow.Error(RowCells.NOT_FOUND));
  }
}

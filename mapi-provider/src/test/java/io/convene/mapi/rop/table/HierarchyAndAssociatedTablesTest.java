package io.convene.mapi.rop.table;

import static io.convene.mapi.rop.table.TableHarness.openFolder;
import static io.convene.mapi.rop.table.TableHarness.queryRows;
import static io.convene.mapi.rop.table.TableHarness.status;
import static io.convene.mapi.rop.table.TableHarness.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Contents;
import io.convene.api.store.FolderEntryId;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageEntryId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.RestrictionCodec;
import io.convene.mapi.rop.data.RestrictionLimits;
import io.convene.mapi.rop.data.SortOrderSetCodec;
import io.convene.mapi.rop.objects.RopBuffers;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.table.TableRequests.OpenTableRequest;
import io.convene.mapi.rop.table.TableRequests.QueryRowsRequest;
import io.convene.mapi.rop.table.TableRequests.RestrictRequest;
import io.convene.mapi.rop.table.TableRequests.SetColumnsRequest;
import io.convene.mapi.rop.table.TableRequests.SortTableRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Associated (FAI) contents tables, hierarchy tables sorted and restricted, and the entry-id and key
 * columns of both kinds of rows, through ROP buffers on the real store.
 */
class HierarchyAndAssociatedTablesTest {

  static final long ALICE = 1;
  static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  static final PropTag MESSAGE_FLAGS = PropTag.of(0x0E07, PropType.PT_LONG);

  @TempDir static Path directory;
  static TestStore store;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  static RopHeader h(int ropId, int index) {
    return new RopHeader(ropId, 0, index);
  }

  static byte[] setColumns(int table, int... columns) {
    return new SetColumnsRequest(h(TableRopIds.SET_COLUMNS, table), 0, columns).encode();
  }

  static byte[] rows(int table, int count) {
    return new QueryRowsRequest(h(TableRopIds.QUERY_ROWS, table), 0, true, count).encode();
  }

  @Test
  void associatedContentsTableListsTheFolderAssociatedItemsWithTheirKeys() throws Exception {
    TableHarness harness = new TableHarness(store.store(), ALICE, ALICE, TableRopsTest.NO_MEMBERS);
    Mailbox mailbox = harness.mailbox();
    FolderId folder = mailbox.createFolder(mailbox.folder(SpecialFolder.INBOX).id(), "fai", "IPF.Note").id();
    SavedItem note = mailbox.createItem(folder, List.of(PropValue.ofString(SUBJECT, "note")));
    SavedItem view = mailbox.createItem(folder, List.of(PropValue.ofString(SUBJECT, "view"),
        PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true)));

    int[] columns = {SUBJECT.tag(), Contents.ASSOCIATED_TAG.tag(), MESSAGE_FLAGS.tag(), TableTags.ENTRY_ID.tag(),
        TableTags.PARENT_ENTRY_ID.tag(), TableTags.INSTANCE_KEY.tag(), TableTags.RECORD_KEY.tag(),
        TableTags.SOURCE_KEY.tag(), TableTags.PARENT_SOURCE_KEY.tag(), TableTags.INST_ID.tag(),
        TableTags.INSTANCE_NUM.tag()};
    LittleEndianReader out = harness.run(0x8000, RopBuffers.emptyHandles(3),
        openFolder(0, 1, folder),
        new OpenTableRequest(h(TableRopIds.GET_CONTENTS_TABLE, 1), 0, OpenTableRequest.ASSOCIATED).encode(),
        new OpenTableRequest(h(TableRopIds.GET_CONTENTS_TABLE, 1), 2, 0).encode(),
        setColumns(0, columns), setColumns(2, columns), rows(0, 10), rows(2, 10)).responses();
    status(out, TableHarness.OPEN_FOLDER);
    assertThat(TableResponses.OpenTableResponse.read(out, TableRopIds.GET_CONTENTS_TABLE).rowCount()).isEqualTo(1);
    assertThat(TableResponses.OpenTableResponse.read(out, TableRopIds.GET_CONTENTS_TABLE).rowCount()).isEqualTo(1);
    TableResponses.TableStatusResponse.read(out, TableRopIds.SET_COLUMNS);
    TableResponses.TableStatusResponse.read(out, TableRopIds.SET_COLUMNS);
    List<PropertyRow.Cell> fai = queryRows(out, columns).rows().get(0);
    List<PropertyRow.Cell> normal = queryRows(out, columns).rows().get(0);

    assertThat(value(fai.get(0))).isEqualTo("view");
    assertThat(value(fai.get(1))).isEqualTo(true);
    assertThat((int) value(fai.get(2)) & Contents.MSGFLAG_ASSOCIATED).isNotZero();
    MessageEntryId entryId = MessageEntryId.parse((byte[]) value(fai.get(3)));
    assertThat(entryId).isEqualTo(new MessageEntryId(mailbox.replicaGuid(), MessageEntryId.PRIVATE_MESSAGE,
        mailbox.replicaGuid(), folder.counter(), mailbox.replicaGuid(), view.id().counter()));
    assertThat(FolderEntryId.parse((byte[]) value(fai.get(4))).counter()).isEqualTo(folder.counter());
    assertThat((byte[]) value(fai.get(5))).hasSize(8).isEqualTo(TableTags.instanceKey(view.id().toLong()));
    assertThat((byte[]) value(fai.get(6))).isEqualTo(value(fai.get(3)));
    assertThat((byte[]) value(fai.get(7))).hasSize(22);
    assertThat((byte[]) value(fai.get(8))).hasSize(22);
    assertThat(value(fai.get(9))).isEqualTo(view.id().toLong());
    assertThat(value(fai.get(10))).isEqualTo(0);

    assertThat(value(normal.get(0))).isEqualTo("note");
    assertThat(normal.get(1)).isEqualTo(new PropertyRow.Error(RowCells.NOT_FOUND));
    assertThat(MessageEntryId.parse((byte[]) value(normal.get(3))).messageCounter()).isEqualTo(note.id().counter());
  }

  @Test
  void hierarchyTablesSortAndRestrictOnFolderProperties() throws Exception {
    TableHarness harness = new TableHarness(store.store(), ALICE, ALICE, TableRopsTest.NO_MEMBERS);
    Mailbox mailbox = harness.mailbox();
    FolderId ipm = mailbox.folder(SpecialFolder.IPM_SUBTREE).id();
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    mailbox.createFolder(calendar, "Birthdays", "IPF.Appointment");
    mailbox.createFolder(ipm, "Work calendar", "IPF.Appointment");

    int[] columns = {TableTags.DISPLAY_NAME.tag(), TableTags.DEPTH.tag(), TableTags.ENTRY_ID.tag(),
        TableTags.PARENT_ENTRY_ID.tag(), TableTags.INSTANCE_KEY.tag(), TableTags.FOLDER_TYPE.tag(),
        TableTags.ASSOCIATED_CONTENT_COUNT.tag(), TableTags.SOURCE_KEY.tag()};
    LittleEndianWriter sortSet = new LittleEndianWriter();
    new SortOrderSetCodec(8).encode(SortOrderSet.of(SortOrder.descending(TableTags.DISPLAY_NAME)), sortSet);
    byte[] calendars = RestrictionCodec.forRops(RestrictionLimits.DEFAULT).encode(Restriction.property(Relop.EQ,
        PropValue.ofString(TableTags.CONTAINER_CLASS, "IPF.Appointment")));
    LittleEndianReader out = harness.run(0x8000, RopBuffers.emptyHandles(2),
        openFolder(0, 1, ipm),
        new OpenTableRequest(h(TableRopIds.GET_HIERARCHY_TABLE, 1), 0, OpenTableRequest.DEPTH).encode(),
        setColumns(0, columns),
        new RestrictRequest(h(TableRopIds.RESTRICT, 0), 0, calendars).encode(),
        new SortTableRequest(h(TableRopIds.SORT_TABLE, 0), 0, sortSet.toByteArray()).encode(),
        rows(0, 100)).responses();
    status(out, TableHarness.OPEN_FOLDER);
    TableResponses.OpenTableResponse.read(out, TableRopIds.GET_HIERARCHY_TABLE);
    TableResponses.TableStatusResponse.read(out, TableRopIds.SET_COLUMNS);
    assertThat(TableResponses.TableStatusResponse.read(out, TableRopIds.RESTRICT).tableStatus()).isZero();
    assertThat(TableResponses.TableStatusResponse.read(out, TableRopIds.SORT_TABLE).tableStatus()).isZero();
    List<List<PropertyRow.Cell>> rows = queryRows(out, columns).rows();
    assertThat(rows).extracting(row -> value(row.get(0))).containsExactly("Work calendar", "Calendar", "Birthdays");
    assertThat(rows).extracting(row -> value(row.get(1))).containsExactly(1, 1, 2);
    List<PropertyRow.Cell> calendarRow = rows.get(1);
    assertThat(FolderEntryId.parse((byte[]) value(calendarRow.get(2))))
        .isEqualTo(FolderEntryId.ofPrivateFolder(mailbox.replicaGuid(), mailbox.replicaGuid(), calendar));
    assertThat(FolderEntryId.parse((byte[]) value(calendarRow.get(3))).counter()).isEqualTo(ipm.counter());
    assertThat((byte[]) value(calendarRow.get(4))).isEqualTo(TableTags.instanceKey(calendar.toLong()));
    assertThat(value(calendarRow.get(5))).isEqualTo(TableTags.FOLDER_GENERIC);
    assertThat(value(calendarRow.get(6))).isEqualTo(0);
    assertThat((byte[]) value(calendarRow.get(7))).hasSize(22);

    // a restriction the store refuses (more nodes than it evaluates, fewer than the ROP decoder
    // reads) fails the next read with the store's error, and the ROP buffer goes on
    Restriction[] leaves = new Restriction[1500];
    java.util.Arrays.fill(leaves, Restriction.exist(SUBJECT));
    byte[] tooLarge = RestrictionCodec.forRops(RestrictionLimits.DEFAULT).encode(Restriction.or(leaves));
    LittleEndianReader refused = harness.run(0x8000, RopBuffers.emptyHandles(2),
        openFolder(0, 1, ipm),
        new OpenTableRequest(h(TableRopIds.GET_HIERARCHY_TABLE, 1), 0, 0).encode(),
        setColumns(0, columns),
        new RestrictRequest(h(TableRopIds.RESTRICT, 0), 0, tooLarge).encode(),
        rows(0, 100),
        new TableRequests.BareRequest(h(TableRopIds.GET_STATUS, 0)).encode()).responses();
    status(refused, TableHarness.OPEN_FOLDER);
    TableResponses.OpenTableResponse.read(refused, TableRopIds.GET_HIERARCHY_TABLE);
    TableResponses.TableStatusResponse.read(refused, TableRopIds.SET_COLUMNS);
    TableResponses.TableStatusResponse.read(refused, TableRopIds.RESTRICT);
    assertThat(status(refused, TableRopIds.QUERY_ROWS)).isEqualTo(0x80040117L);
    assertThat(TableResponses.TableStatusResponse.read(refused, TableRopIds.GET_STATUS).tableStatus()).isZero();
  }
}

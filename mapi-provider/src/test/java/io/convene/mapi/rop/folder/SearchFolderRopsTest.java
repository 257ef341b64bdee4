package io.convene.mapi.rop.folder;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SearchCriteria;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.query.FuzzyLevelLow;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.RestrictionCodec;
import io.convene.mapi.rop.data.RestrictionLimits;
import io.convene.mapi.rop.folder.FolderRequests.CreateFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.GetSearchCriteriaRequest;
import io.convene.mapi.rop.folder.FolderRequests.SetSearchCriteriaRequest;
import io.convene.mapi.rop.objects.FolderEntryIds;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.table.TableRops;
import io.convene.mapi.testing.SpecFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow Outlook runs at start for its finder folders (MS-OXCFOLD 3.1.4.10, 4.8, 4.9): create a
 * search folder under Finder, set its criteria, read its contents table and its criteria back.
 */
class SearchFolderRopsTest {

  static final long ALICE = 1;
  static final long BOB = 2;
  static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  /** MS-OXCFOLD 4.8: mail items whose PidTagImportance is 2 (High). */
  static final Restriction HIGH = Restriction.property(Relop.EQ, PropValue.ofInt(IMPORTANCE, 2));
  static final RestrictionCodec CODEC = RestrictionCodec.forRops(RestrictionLimits.DEFAULT);

  @TempDir static Path directory;
  static TestStore store;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE, BOB);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  static byte[] encode(SetSearchCriteriaRequest request) {
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    return out.toByteArray();
  }

  static byte[] createSearchFolder(int input, int output, String name) {
    LittleEndianWriter out = new LittleEndianWriter();
    new CreateFolderRequest(new RopHeader(0x1C, 0, input), output, CreateFolderRequest.SEARCH, true, true, 0, name, "")
        .write(out);
    return out.toByteArray();
  }

  @Test
  void outlooksFinderFolderFlow() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE, new TableRops());
    Mailbox mailbox = session.logon().mailbox();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId finder = mailbox.folder(SpecialFolder.FINDER).id();
    FolderId projects = mailbox.createFolder(inbox, "Projects", "IPF.Note").id();
    mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "urgent"), PropValue.ofInt(IMPORTANCE, 2)));
    mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "routine"), PropValue.ofInt(IMPORTANCE, 1)));
    mailbox.createItem(projects, List.of(PropValue.ofString(SUBJECT, "deep urgent"), PropValue.ofInt(IMPORTANCE, 2)));

    // Create (OpenExisting, as Outlook does at every start) twice: the second finds the first.
    LittleEndianReader created = session.run(FolderRopsTest.openFolder(0, 1, finder),
        createSearchFolder(1, 2, "Reminders"), createSearchFolder(1, 3, "Reminders"));
    created.skip(8, "OpenFolder");
    created.skip(6, "CreateFolder header");
    CreateFolderResponse first = CreateFolderResponse.read(created);
    created.skip(6, "CreateFolder header");
    CreateFolderResponse again = CreateFolderResponse.read(created);
    assertThat(first.existing()).isFalse();
    assertThat(again.existing()).isTrue();
    assertThat(again.folderId()).isEqualTo(first.folderId());
    FolderId search = FolderId.fromLong(first.folderId());

    // SetSearchCriteria on the folder at handle index 1 answers the bytes of MS-OXCFOLD 4.8.2.
    byte[] restriction = CODEC.encode(HIGH);
    int flags = SearchCriteria.RESTART_SEARCH | SearchCriteria.RECURSIVE_SEARCH;
    int[] columns = {SUBJECT.tag(), FolderProperties.FOLDER_ID, FolderProperties.PARENT_ENTRY_ID, 0x0FFF0102};
    LittleEndianWriter setColumns = new LittleEndianWriter().u8(0x12).u8(0).u8(2).u8(0).u16(columns.length);
    for (int column : columns) {
      setColumns.u32(column & 0xffffffffL);
    }
    LittleEndianReader set = session.run(FolderRopsTest.openFolder(0, 1, search),
        encode(new SetSearchCriteriaRequest(new RopHeader(0x30, 0, 1), restriction, new long[] {inbox.toLong()}, flags)),
        new LittleEndianWriter().u8(0x05).u8(0).u8(1).u8(2).u8(0).toByteArray(),
        setColumns.toByteArray(),
        new LittleEndianWriter().u8(0x15).u8(0).u8(2).u8(0).u8(1).u16(10).toByteArray());
    set.skip(8, "OpenFolder");
    assertThat(set.bytes(6, "SetSearchCriteria response"))
        .isEqualTo(SpecFixtures.hex("ms-oxcfold/4.8.2-ropsetsearchcriteria-response.hex"));
    assertThat(set.u8("RopId")).isEqualTo(0x05);
    set.skip(1, "index");
    assertThat(set.u32("ReturnValue")).isZero();
    assertThat(set.u32("RowCount")).isEqualTo(2);
    set.skip(7, "SetColumns");
    assertThat(set.u8("RopId")).isEqualTo(0x15);
    set.skip(1, "index");
    assertThat(set.u32("ReturnValue")).isZero();
    set.skip(1, "Origin");
    assertThat(set.u16("RowCount")).isEqualTo(2);
    List<List<PropertyRow.Cell>> rows = List.of(PropertyRow.read(set, columns, PropertyLimits.ROP),
        PropertyRow.read(set, columns, PropertyLimits.ROP));
    // each row names the folder the item really is in
    assertThat(rows).extracting(row -> ((PropertyRow.Value) row.get(0)).value() + " in "
        + ((PropertyRow.Value) row.get(1)).value())
        .containsExactlyInAnyOrder("urgent in " + inbox.toLong(), "deep urgent in " + projects.toLong());
    for (List<PropertyRow.Cell> row : rows) {
      long folder = (long) ((PropertyRow.Value) row.get(1)).value();
      assertThat((byte[]) ((PropertyRow.Value) row.get(2)).value())
          .isEqualTo(FolderEntryIds.of(session.logon(), FolderId.fromLong(folder)));
      assertThat((byte[]) ((PropertyRow.Value) row.get(3)).value()).hasSize(70);
    }

    // MS-OXCFOLD 4.9.1's request, on the search folder at handle index 0
    LittleEndianReader get = session.run(FolderRopsTest.openFolder(0, 0, search),
        SpecFixtures.hex("ms-oxcfold/4.9.1-ropgetsearchcriteria-request.hex"));
    get.skip(8, "OpenFolder");
    assertThat(get.u8("RopId")).isEqualTo(0x31);
    assertThat(get.u8("InputHandleIndex")).isZero();
    assertThat(get.u32("ReturnValue")).isZero();
    GetSearchCriteriaResponse criteria = GetSearchCriteriaResponse.read(get);
    assertThat(get.hasRemaining()).isFalse();
    assertThat(CODEC.decodeAll(criteria.restriction())).isEqualTo(HIGH);
    assertThat(criteria.logonId()).isZero();
    assertThat(criteria.folderIds()).isEmpty();
    assertThat(criteria.searchFlags())
        .isEqualTo(SearchCriteria.SEARCH_RUNNING | SearchCriteria.SEARCH_RECURSIVE | SearchCriteria.SEARCH_COMPLETE);
  }

  @Test
  void searchCriteriaErrorsAndEightBitStrings() throws Exception {
    TestSession session = new TestSession(store.store(), BOB);
    Mailbox mailbox = session.logon().mailbox();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId search = mailbox.createSearchFolder(mailbox.folder(SpecialFolder.FINDER).id(), "Named").id();
    Restriction named = new Restriction.Content(FuzzyLevelLow.SUBSTRING, Set.of(), PropValue.ofString(SUBJECT, "plan"));
    byte[] restriction = CODEC.encode(named);
    int flags = SearchCriteria.RESTART_SEARCH;
    LittleEndianWriter noUnicode = new LittleEndianWriter();
    new GetSearchCriteriaRequest(new RopHeader(0x31, 0, 1), false, true, true).write(noUnicode);
    LittleEndianReader in = session.run(FolderRopsTest.openFolder(0, 1, search), noUnicode.toByteArray(),
        encode(new SetSearchCriteriaRequest(new RopHeader(0x30, 0, 1), restriction, new long[] {search.toLong()}, flags)),
        encode(new SetSearchCriteriaRequest(new RopHeader(0x30, 0, 1), restriction, new long[] {inbox.toLong()},
            SearchCriteria.STOP_SEARCH | SearchCriteria.RESTART_SEARCH)),
        encode(new SetSearchCriteriaRequest(new RopHeader(0x30, 0, 1), new byte[] {0x08}, new long[] {inbox.toLong()}, flags)),
        encode(new SetSearchCriteriaRequest(new RopHeader(0x30, 0, 1), restriction, new long[] {inbox.toLong()}, flags)),
        noUnicode.toByteArray(),
        FolderRopsTest.openFolder(0, 2, inbox),
        encode(new SetSearchCriteriaRequest(new RopHeader(0x30, 0, 2), restriction, new long[] {search.toLong()}, flags)));
    in.skip(8, "OpenFolder");
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(SearchFolderRops.NOT_INITIALIZED);
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(SearchFolderRops.SCOPE_VIOLATION);
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(0x80070057);
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(0x80070057);
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    GetSearchCriteriaResponse criteria = GetSearchCriteriaResponse.read(in);
    assertThat(CODEC.decodeAll(criteria.restriction())).isEqualTo(new Restriction.Content(FuzzyLevelLow.SUBSTRING, Set.of(),
        PropValue.ofString(PropTag.of(0x0037, PropType.PT_STRING8), "plan")));
    assertThat(criteria.folderIds()).containsExactly(inbox.toLong());
    assertThat(criteria.searchFlags()).isEqualTo(SearchCriteria.SEARCH_RUNNING | SearchCriteria.SEARCH_COMPLETE);
    in.skip(8, "OpenFolder");
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(SearchFolderRops.NOT_SEARCH_FOLDER);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void folderPropertiesNameTheTypeTheParentAndTheAssociatedCount() throws Exception {
    TestSession session = new TestSession(store.store(), BOB);
    Mailbox mailbox = session.logon().mailbox();
    FolderId finder = mailbox.folder(SpecialFolder.FINDER).id();
    FolderId search = mailbox.createSearchFolder(finder, "To-Do Search").id();
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    mailbox.createItem(calendar, List.of(PropValue.ofBoolean(io.convene.api.store.Contents.ASSOCIATED_TAG, true)));
    int[] tags = {FolderProperties.FOLDER_TYPE, FolderProperties.PARENT_ENTRY_ID, FolderProperties.PARENT_SOURCE_KEY,
        FolderProperties.ASSOCIATED_CONTENT_COUNT, FolderProperties.CONTENT_COUNT};
    LittleEndianWriter get = TestSession.request(0x07, 1).u16(0).u16(1).u16(tags.length);
    LittleEndianWriter again = TestSession.request(0x07, 2).u16(0).u16(1).u16(tags.length);
    for (int tag : tags) {
      get.u32(tag & 0xffffffffL);
      again.u32(tag & 0xffffffffL);
    }
    LittleEndianReader in = session.run(FolderRopsTest.openFolder(0, 1, search), get.toByteArray(),
        FolderRopsTest.openFolder(0, 2, calendar), again.toByteArray());
    in.skip(8, "OpenFolder");
    in.skip(6, "GetPropertiesSpecific header");
    List<PropertyRow.Cell> row = PropertyRow.read(in, tags, PropertyLimits.ROP);
    assertThat(row.get(0)).isEqualTo(new PropertyRow.Value(0x0003, 2));
    assertThat((byte[]) ((PropertyRow.Value) row.get(1)).value()).isEqualTo(FolderEntryIds.of(session.logon(), finder));
    assertThat((byte[]) ((PropertyRow.Value) row.get(2)).value())
        .isEqualTo(FolderEntryIds.sourceKey(session.logon().replicaGuid(), finder.counter()));
    in.skip(8, "OpenFolder");
    in.skip(6, "GetPropertiesSpecific header");
    row = PropertyRow.read(in, tags, PropertyLimits.ROP);
    assertThat(row.get(0)).isEqualTo(new PropertyRow.Value(0x0003, 1));
    assertThat(row.get(3)).isEqualTo(new PropertyRow.Value(0x0003, 1));
    assertThat(row.get(4)).isEqualTo(new PropertyRow.Value(0x0003, 0));
  }
}

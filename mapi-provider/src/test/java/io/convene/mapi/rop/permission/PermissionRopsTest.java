package io.convene.mapi.rop.permission;

import static io.convene.mapi.rop.table.TableHarness.openFolder;
import static io.convene.mapi.rop.table.TableHarness.queryRows;
import static io.convene.mapi.rop.table.TableHarness.status;
import static io.convene.mapi.rop.table.TableHarness.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.objects.RopBuffers;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.permission.PermissionRequests.GetPermissionsTableRequest;
import io.convene.mapi.rop.permission.PermissionRequests.ModifyPermissionsRequest;
import io.convene.mapi.rop.permission.PermissionRequests.PermissionData;
import io.convene.mapi.rop.table.TableHarness;
import io.convene.mapi.rop.table.TableRequests;
import io.convene.mapi.rop.table.TableResponses;
import io.convene.mapi.rop.table.TableRopIds;
import io.convene.mapi.testing.SpecFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionRopsTest {

  static final long ALICE = 1;
  static final long BOB = 2;
  static final String BOB_DN = LegacyDn.ofName("bob");
  static final int[] COLUMNS = {
    PermissionTags.MEMBER_ID.tag(), PermissionTags.MEMBER_NAME.tag(),
    PermissionTags.MEMBER_RIGHTS.tag(), PermissionTags.ENTRY_ID.tag()
  };

  static final PermissionMembers MEMBERS =
      new PermissionMembers() {
        @Override
        public Optional<String> name(long memberId) {
          return memberId == BOB ? Optional.of("Bob") : Optional.empty();
        }

        @Override
        public Optional<String> distinguishedName(long memberId) {
          return memberId == BOB ? Optional.of(BOB_DN) : Optional.empty();
        }

        @Override
        public Optional<Long> byDistinguishedName(String dn) {
          return LegacyDn.same(dn, BOB_DN) ? Optional.of(BOB) : Optional.empty();
        }
      };

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

  static RopHeader h(int ropId, int index) {
    return new RopHeader(ropId, 0, index);
  }

  private static byte[] getTable(int flags) {
    return new GetPermissionsTableRequest(h(PermissionRequests.GET_PERMISSIONS_TABLE, 1), 0, flags).encode();
  }

  private static byte[] setColumns() {
    return new TableRequests.SetColumnsRequest(h(TableRopIds.SET_COLUMNS, 0), 0, COLUMNS).encode();
  }

  private static byte[] query() {
    return new TableRequests.QueryRowsRequest(h(TableRopIds.QUERY_ROWS, 0), 0, true, 100).encode();
  }

  private static byte[] modify(int flags, PermissionData... entries) {
    return new ModifyPermissionsRequest(h(PermissionRequests.MODIFY_PERMISSIONS, 1), flags, List.of(entries)).encode();
  }

  private static TaggedPropertyValue memberId(long id) {
    return TaggedPropertyValue.of(PropValue.ofLong(PermissionTags.MEMBER_ID, id));
  }

  private static TaggedPropertyValue rights(int rights) {
    return TaggedPropertyValue.of(PropValue.ofInt(PermissionTags.MEMBER_RIGHTS, rights));
  }

  private static TaggedPropertyValue entryId(byte[] id) {
    return TaggedPropertyValue.of(PropValue.ofBytes(PermissionTags.ENTRY_ID, id));
  }

  /** Runs the buffer on a fresh folder handle 1; the last response must be a QueryRows. */
  private TableHarness.Rows table(TableHarness harness, FolderId folder, int tableFlags, byte[]... before)
      throws Exception {
    byte[][] requests = new byte[before.length + 4][];
    requests[0] = openFolder(0, 1, folder);
    System.arraycopy(before, 0, requests, 1, before.length);
    requests[before.length + 1] = getTable(tableFlags);
    requests[before.length + 2] = setColumns();
    requests[before.length + 3] = query();
    LittleEndianReader out = harness.run(0x8000, RopBuffers.emptyHandles(2), requests).responses();
    status(out, TableHarness.OPEN_FOLDER);
    for (byte[] request : before) {
      assertThat(status(out, request[0] & 0xFF)).as("ROP 0x%02X", request[0]).isZero();
    }
    TableResponses.EmptyResponse.read(out, PermissionRequests.GET_PERMISSIONS_TABLE);
    TableResponses.TableStatusResponse.read(out, TableRopIds.SET_COLUMNS);
    return queryRows(out, COLUMNS);
  }

  private static Map<Long, List<PropertyRow.Cell>> byMember(TableHarness.Rows rows) {
    return rows.rows().stream()
        .collect(java.util.stream.Collectors.toMap(row -> (Long) value(row.get(0)), row -> row));
  }

  @Test
  void theFixturesDecodeToTheirFieldsAndEncodeBack() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcperm/2.2.2.1-modifypermissions-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    ModifyPermissionsRequest request =
        ModifyPermissionsRequest.decode(new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex")), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.modifyFlags()).isEqualTo(ModifyPermissionsRequest.INCLUDE_FREE_BUSY);
    assertThat(request.entries()).containsExactly(new PermissionData(PermissionData.MODIFY_ROW, List.of(memberId(2), rights(0x801))));
    assertThat(request.encode()).isEqualTo(bytes);

    byte[] get = SpecFixtures.hex("ms-oxcperm/2.2.1.1-getpermissionstable-request.hex");
    LittleEndianReader getIn = new LittleEndianReader(get);
    GetPermissionsTableRequest table =
        GetPermissionsTableRequest.decode(new RopHeader(getIn.u8("RopId"), getIn.u8("LogonId"), getIn.u8("InputHandleIndex")), getIn);
    assertThat(table.outputHandleIndex()).isEqualTo(2);
    assertThat(table.responseHandleIndex()).isEqualTo(2);
    assertThat(table.tableFlags()).isEqualTo(GetPermissionsTableRequest.INCLUDE_FREE_BUSY);
    assertThat(table.encode()).isEqualTo(get);
  }

  @Test
  void addModifyAndRemoveAMemberThroughTheTable() throws Exception {
    TableHarness harness = new TableHarness(store.store(), ALICE, ALICE, MEMBERS);
    FolderId calendar = harness.mailbox().folder(SpecialFolder.CALENDAR).id();

    Map<Long, List<PropertyRow.Cell>> initial = byMember(table(harness, calendar, 0));
    assertThat(initial).containsOnlyKeys(FolderRights.DEFAULT_MEMBER, FolderRights.ANONYMOUS_MEMBER);
    assertThat(value(initial.get(FolderRights.DEFAULT_MEMBER).get(3))).isEqualTo(new byte[0]);

    // AddRow by address book entry id; without IncludeFreeBusy the free/busy bit is not applied.
    byte[] bob = MemberEntryIds.of(BOB_DN);
    Map<Long, List<PropertyRow.Cell>> added = byMember(table(harness, calendar, GetPermissionsTableRequest.INCLUDE_FREE_BUSY,
        modify(0, new PermissionData(PermissionData.ADD_ROW, List.of(entryId(bob), rights(0x801))))));
    assertThat(added).containsKey(BOB);
    assertThat(value(added.get(BOB).get(1))).isEqualTo("Bob");
    assertThat(value(added.get(BOB).get(2))).isEqualTo(FolderRights.READ_ANY);
    assertThat(value(added.get(BOB).get(3))).isEqualTo(bob);
    assertThat(harness.mailbox().permissions(calendar)).containsEntry(BOB, FolderRights.READ_ANY);

    // ModifyRow with IncludeFreeBusy sets it; a table opened without the flag hides it.
    table(harness, calendar, 0, modify(ModifyPermissionsRequest.INCLUDE_FREE_BUSY,
        new PermissionData(PermissionData.MODIFY_ROW, List.of(memberId(BOB), rights(0x801)))));
    assertThat(harness.mailbox().permissions(calendar)).containsEntry(BOB, 0x801);
    assertThat(value(byMember(table(harness, calendar, 0)).get(BOB).get(2))).isEqualTo(FolderRights.READ_ANY);
    assertThat(value(byMember(table(harness, calendar, GetPermissionsTableRequest.INCLUDE_FREE_BUSY)).get(BOB).get(2)))
        .isEqualTo(0x801);

    // RemoveRow.
    Map<Long, List<PropertyRow.Cell>> removed = byMember(table(harness, calendar, 0,
        modify(0, new PermissionData(PermissionData.REMOVE_ROW, List.of(memberId(BOB))))));
    assertThat(removed).doesNotContainKey(BOB);
    assertThat(harness.mailbox().permissions(calendar)).doesNotContainKey(BOB);
  }

  @Test
  void badEntriesChangeNothing() throws Exception {
    TableHarness harness = new TableHarness(store.store(), ALICE, ALICE, MEMBERS);
    FolderId contacts = harness.mailbox().folder(SpecialFolder.CONTACTS).id();
    LittleEndianReader out = harness.run(0x8000, RopBuffers.emptyHandles(2),
        openFolder(0, 1, contacts),
        // Bob is fine, but the second entry names nobody: neither is applied.
        modify(0,
            new PermissionData(PermissionData.ADD_ROW, List.of(entryId(MemberEntryIds.of(BOB_DN)), rights(1))),
            new PermissionData(PermissionData.ADD_ROW, List.of(entryId(MemberEntryIds.of(LegacyDn.ofName("nobody"))), rights(1)))),
        modify(0, new PermissionData(0x08, List.of(memberId(BOB)))),
        modify(0, new PermissionData(PermissionData.MODIFY_ROW, List.of(memberId(BOB), rights(0x4000)))),
        modify(0, new PermissionData(PermissionData.ADD_ROW, List.of(entryId(new byte[] {1, 2, 3}), rights(1))))).responses();
    status(out, TableHarness.OPEN_FOLDER);
    assertThat(status(out, PermissionRequests.MODIFY_PERMISSIONS)).isEqualTo(PermissionRops.NOT_FOUND & 0xFFFFFFFFL);
    assertThat(status(out, PermissionRequests.MODIFY_PERMISSIONS)).isEqualTo(ErrorCodes.INVALID_PARAMETER & 0xFFFFFFFFL);
    assertThat(status(out, PermissionRequests.MODIFY_PERMISSIONS)).isEqualTo(ErrorCodes.INVALID_PARAMETER & 0xFFFFFFFFL);
    assertThat(status(out, PermissionRequests.MODIFY_PERMISSIONS)).isEqualTo(ErrorCodes.INVALID_PARAMETER & 0xFFFFFFFFL);
    assertThat(harness.mailbox().permissions(contacts)).doesNotContainKey(BOB);
  }

  @Test
  void aMemberWithoutOwnerRightsCannotReadOrChangeTheList() throws Exception {
    TableHarness harness = new TableHarness(store.store(), ALICE, BOB, MEMBERS);
    FolderId tasks = store.store().mailbox(ALICE, io.convene.api.store.Caller.account(ALICE)).folder(SpecialFolder.TASKS).id();
    LittleEndianReader out = harness.run(0x8000, RopBuffers.emptyHandles(2),
        openFolder(0, 1, tasks),
        modify(0, new PermissionData(PermissionData.MODIFY_ROW, List.of(memberId(BOB), rights(FolderRights.ALL))))).responses();
    status(out, TableHarness.OPEN_FOLDER);
    assertThat(status(out, PermissionRequests.MODIFY_PERMISSIONS)).isNotZero();
    assertThat(store.store().mailbox(ALICE, io.convene.api.store.Caller.account(ALICE)).permissions(tasks)).doesNotContainKey(BOB);
  }

  @Test
  void entryIdsCarryTheDn() throws Exception {
    byte[] id = MemberEntryIds.of(BOB_DN);
    assertThat(id[0]).isZero();
    assertThat(MemberEntryIds.distinguishedName(id)).isEqualTo(BOB_DN);
    assertThat(PropTag.of(0x0FFF, PropType.PT_BINARY)).isEqualTo(PermissionTags.ENTRY_ID);
  }
}

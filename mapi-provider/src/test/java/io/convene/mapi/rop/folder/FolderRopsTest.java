package io.convene.mapi.rop.folder;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.objects.FolderEntryIds;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.folder.FolderRequests.CreateFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.OpenFolderRequest;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.store.StoreErrors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenFolder, CreateFolder, the computed folder properties and RegisterNotification, on Derby. */
class FolderRopsTest {

  static final long ALICE = 1;
  static final long BOB = 2;

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

  static byte[] openFolder(int input, int output, FolderId id) {
    LittleEndianWriter out = new LittleEndianWriter();
    new OpenFolderRequest(new RopHeader(0x02, 0, input), output, id.toLong(), 0).write(out);
    return out.toByteArray();
  }

  @Test
  void openFolderThenReadItsComputedProperties() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    FolderInfo inbox = session.logon().mailbox().folder(SpecialFolder.INBOX);
    int[] tags = {FolderProperties.DISPLAY_NAME, FolderProperties.FOLDER_ID, FolderProperties.PARENT_FOLDER_ID,
        FolderProperties.CONTENT_COUNT, FolderProperties.CONTAINER_CLASS, FolderProperties.SUBFOLDERS,
        FolderProperties.RIGHTS, FolderProperties.ACCESS, FolderProperties.ENTRY_ID, FolderProperties.SOURCE_KEY,
        0x3004001F /* PidTagComment: not kept */, 0x3001001E /* display name asked as string8 */};
    LittleEndianWriter get = TestSession.request(0x07, 1).u16(0).u16(1).u16(tags.length);
    for (int tag : tags) {
      get.u32(tag & 0xffffffffL);
    }
    LittleEndianReader in = session.run(openFolder(0, 1, inbox.id()), get.toByteArray());

    assertThat(in.u8("RopId")).isEqualTo(0x02);
    assertThat(in.u8("OutputHandleIndex")).isEqualTo(1);
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.u8("HasRules")).isZero();
    assertThat(in.u8("IsGhosted")).isZero();
    assertThat(session.state().logon(0).orElseThrow().objectCount()).isEqualTo(2);

    assertThat(in.u8("RopId")).isEqualTo(0x07);
    assertThat(in.u8("InputHandleIndex")).isEqualTo(1);
    assertThat(in.u32("ReturnValue")).isZero();
    List<PropertyRow.Cell> row = PropertyRow.read(in, tags, PropertyLimits.ROP);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(row.get(0)).isEqualTo(new PropertyRow.Value(0x001F, "Inbox"));
    assertThat(row.get(1)).isEqualTo(new PropertyRow.Value(0x0014, inbox.id().toLong()));
    assertThat(row.get(2)).isEqualTo(new PropertyRow.Value(0x0014, inbox.parentId().orElseThrow().toLong()));
    assertThat(row.get(3)).isEqualTo(new PropertyRow.Value(0x0003, 0));
    assertThat(row.get(4)).isEqualTo(new PropertyRow.Value(0x001F, "IPF.Note"));
    assertThat(row.get(5)).isEqualTo(new PropertyRow.Value(0x000B, false));
    assertThat(row.get(6)).isEqualTo(new PropertyRow.Value(0x0003, 0x1FFB));
    assertThat(row.get(7)).isEqualTo(new PropertyRow.Value(0x0003, 0x3F));
    byte[] entryId = (byte[]) ((PropertyRow.Value) row.get(8)).value();
    assertThat(entryId).hasSize(46).isEqualTo(FolderEntryIds.of(session.logon(), inbox.id()));
    assertThat(entryId[20]).isEqualTo((byte) 1);
    assertThat((byte[]) ((PropertyRow.Value) row.get(9)).value()).hasSize(22);
    assertThat(row.get(10)).isEqualTo(new PropertyRow.Error(0x8004010F));
    assertThat(row.get(11)).isEqualTo(new PropertyRow.Value(0x001E, "Inbox"));
  }

  @Test
  void openFolderOfAnUnknownIdFailsWithNotFound() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(openFolder(0, 1, FolderId.of(1, 0xFFFFFFL)));
    assertThat(in.u8("RopId")).isEqualTo(0x02);
    assertThat(in.u8("OutputHandleIndex")).isEqualTo(1);
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.NOT_FOUND);
  }

  @Test
  void createFolderThenOpenExistingAndCreateASearchFolder() throws Exception {
    TestSession session = new TestSession(store.store(), BOB);
    FolderInfo ipm = session.logon().mailbox().folder(SpecialFolder.IPM_SUBTREE);
    LittleEndianWriter create = new LittleEndianWriter();
    new CreateFolderRequest(new RopHeader(0x1C, 0, 1), 2, 1, true, false, 0, "Projects", "").write(create);
    LittleEndianWriter again = new LittleEndianWriter();
    new CreateFolderRequest(new RopHeader(0x1C, 0, 1), 3, 1, false, true, 0, "Projects", "").write(again);
    LittleEndianWriter duplicate = new LittleEndianWriter();
    new CreateFolderRequest(new RopHeader(0x1C, 0, 1), 4, 1, true, false, 0, "Projects", "").write(duplicate);
    LittleEndianWriter search = new LittleEndianWriter();
    new CreateFolderRequest(new RopHeader(0x1C, 0, 1), 5, 2, true, false, 0, "Finder", "").write(search);
    LittleEndianWriter unknownType = new LittleEndianWriter();
    new CreateFolderRequest(new RopHeader(0x1C, 0, 1), 6, 3, true, false, 0, "Other", "").write(unknownType);
    LittleEndianReader in = session.run(openFolder(0, 1, ipm.id()), create.toByteArray(), again.toByteArray(),
        duplicate.toByteArray(), search.toByteArray(), unknownType.toByteArray());
    in.skip(8, "OpenFolder");

    assertThat(in.u8("RopId")).isEqualTo(0x1C);
    assertThat(in.u8("OutputHandleIndex")).isEqualTo(2);
    assertThat(in.u32("ReturnValue")).isZero();
    CreateFolderResponse created = CreateFolderResponse.read(in);
    assertThat(created.existing()).isFalse();
    FolderInfo stored = session.logon().mailbox().folder(FolderId.fromLong(created.folderId()));
    assertThat(stored.displayName()).isEqualTo("Projects");
    assertThat(stored.parentId()).contains(ipm.id());

    in.skip(6, "header");
    CreateFolderResponse existing = CreateFolderResponse.read(in);
    assertThat(existing.existing()).isTrue();
    assertThat(existing.folderId()).isEqualTo(created.folderId());

    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(0x80040604);
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    CreateFolderResponse searchFolder = CreateFolderResponse.read(in);
    FolderInfo finder = session.logon().mailbox().folder(FolderId.fromLong(searchFolder.folderId()));
    assertThat(finder.search()).isTrue();
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    assertThat(session.state().logon(0).orElseThrow().objectCount()).isEqualTo(5);
  }

  @Test
  void registerNotificationHoldsARegistrationObject() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianWriter register = TestSession.request(0x29, 0).u8(1).u8(0x04).u8(0).u8(1);
    LittleEndianWriter invalid = TestSession.request(0x29, 0).u8(2).u8(0x00).u8(0).u8(1);
    LittleEndianReader in = session.run(register.toByteArray(), invalid.toByteArray());
    assertThat(in.u8("RopId")).isEqualTo(0x29);
    assertThat(in.u8("OutputHandleIndex")).isEqualTo(1);
    assertThat(in.u32("ReturnValue")).isZero();
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    assertThat(session.state().logon(0).orElseThrow().objectCount()).isEqualTo(2);
  }

  @Test
  void storeObjectPropertiesNameTheSpecialFolders() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    int[] tags = {io.convene.mapi.rop.store.StoreProperties.IPM_SUBTREE_ENTRY_ID,
        io.convene.mapi.rop.store.StoreProperties.STORE_SUPPORT_MASK, io.convene.mapi.rop.store.StoreProperties.STORE_STATE};
    LittleEndianWriter get = TestSession.request(0x07, 0).u16(0).u16(1).u16(tags.length);
    for (int tag : tags) {
      get.u32(tag & 0xffffffffL);
    }
    LittleEndianReader in = session.run(get.toByteArray());
    in.skip(6, "header");
    List<PropertyRow.Cell> row = PropertyRow.read(in, tags, PropertyLimits.ROP);
    FolderId ipm = session.logon().mailbox().folder(SpecialFolder.IPM_SUBTREE).id();
    assertThat((byte[]) ((PropertyRow.Value) row.get(0)).value()).isEqualTo(FolderEntryIds.of(session.logon(), ipm));
    assertThat(row.get(1)).isEqualTo(new PropertyRow.Value(3, io.convene.mapi.rop.store.StoreProperties.SUPPORT_MASK));
    assertThat(row.get(2)).isEqualTo(new PropertyRow.Value(3, 0));
  }
}

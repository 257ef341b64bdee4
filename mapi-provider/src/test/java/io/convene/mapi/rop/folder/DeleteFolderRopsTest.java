package io.convene.mapi.rop.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.folder.FolderRequests.DeleteFolderRequest;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.store.StoreErrors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RopDeleteFolder (MS-OXCFOLD 3.2.5.3) through the engine on the real store. */
class DeleteFolderRopsTest {

  static final long ALICE = 31;
  static final long BOB = 32;

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

  private static byte[] delete(int input, int flags, FolderId id) {
    LittleEndianWriter out = new LittleEndianWriter();
    new DeleteFolderRequest(new RopHeader(0x1D, 0, input), flags, id.toLong()).write(out);
    return out.toByteArray();
  }

  /** RopId, InputHandleIndex and ReturnValue; the PartialCompletion byte follows a success. */
  private static int returnValue(LittleEndianReader in) throws Exception {
    assertThat(in.u8("RopId")).isEqualTo(0x1D);
    in.u8("InputHandleIndex");
    return (int) in.u32("ReturnValue");
  }

  @Test
  void aNonEmptyFolderNeedsTheFlagsElsePartialCompletion() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    Mailbox mailbox = session.logon().mailbox();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId project = mailbox.createFolder(inbox, "Project", null).id();
    mailbox.createFolder(project, "Child", null);
    mailbox.createItem(project, List.of(PropValue.ofString(PropTag.of(0x0037, PropType.PT_UNICODE), "note")));

    LittleEndianReader in = session.run(FolderRopsTest.openFolder(0, 1, inbox),
        delete(1, DeleteFolderRequest.DEL_MESSAGES, project),
        delete(1, DeleteFolderRequest.DEL_FOLDERS, project),
        delete(1, 0x02, project),
        delete(1, DeleteFolderRequest.DEL_MESSAGES | DeleteFolderRequest.DEL_FOLDERS | DeleteFolderRequest.DELETE_HARD_DELETE,
            project));

    in.skip(8, "OpenFolder response");
    assertThat(returnValue(in)).isZero();
    assertThat(DeleteFolderResponse.read(in).partialCompletion()).as("items but no DEL_FOLDERS").isTrue();
    assertThat(returnValue(in)).isZero();
    assertThat(DeleteFolderResponse.read(in).partialCompletion()).as("subfolder but no DEL_MESSAGES").isTrue();
    assertThat(returnValue(in)).as("undefined flag").isEqualTo(ErrorCodes.INVALID_PARAMETER);
    assertThat(returnValue(in)).isZero();
    assertThat(DeleteFolderResponse.read(in).partialCompletion()).isFalse();
    assertThat(in.hasRemaining()).isFalse();
    assertThat(mailbox.subfolders(inbox)).extracting(FolderInfo::id).doesNotContain(project);
    assertThatThrownBy(() -> mailbox.folder(project)).isInstanceOf(StoreException.class);
  }

  @Test
  void specialFoldersRootAndForeignParentsAreRefused() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    Mailbox mailbox = session.logon().mailbox();
    FolderId root = mailbox.folder(SpecialFolder.ROOT).id();
    FolderId ipm = mailbox.folder(SpecialFolder.IPM_SUBTREE).id();
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    FolderId elsewhere = mailbox.createFolder(mailbox.folder(SpecialFolder.TASKS).id(), "Elsewhere", null).id();

    LittleEndianReader in = session.run(FolderRopsTest.openFolder(0, 1, ipm),
        delete(1, 0x05, calendar), delete(1, 0x05, root), delete(1, 0x05, elsewhere));

    in.skip(8, "OpenFolder response");
    assertThat(returnValue(in)).as("special").isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(returnValue(in)).as("root").isEqualTo(ErrorCodes.NOT_SUPPORTED);
    assertThat(returnValue(in)).as("not a child of the input folder").isEqualTo(StoreErrors.NOT_FOUND);
    assertThat(mailbox.folder(elsewhere).displayName()).isEqualTo("Elsewhere");
  }
}

package io.convene.mapi.rop.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receive folder and per-user ROPs through the engine on the real store (MS-OXCSTOR 3.2.5.2-3.2.5.11). */
class ReceiveFolderRopsTest {

  static final long ALICE = 11;
  static final long BOB = 12;
  static final long CAROL = 13;

  @TempDir static Path directory;
  static TestStore store;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE, BOB, CAROL);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  private static byte[] get(String messageClass) {
    return TestSession.request(0x27, 0).asciiz(messageClass).toByteArray();
  }

  private static byte[] set(long folderId, String messageClass) {
    LittleEndianWriter out = TestSession.request(0x26, 0);
    TestSession.u64(out, folderId);
    return out.asciiz(messageClass).toByteArray();
  }

  private static int returnValue(LittleEndianReader in, int ropId) throws Exception {
    assertThat(in.u8("RopId")).isEqualTo(ropId);
    assertThat(in.u8("InputHandleIndex")).isZero();
    return (int) in.u32("ReturnValue");
  }

  @Test
  void setThenGetFollowsThePrefixRulesAndTheTableListsEveryEntry() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    Mailbox alice = store.store().mailbox(ALICE, Caller.account(ALICE));
    long inbox = alice.folder(SpecialFolder.INBOX).id().toLong();
    FolderId faxes = alice.createFolder(alice.folder(SpecialFolder.INBOX).id(), "Faxes", null).id();

    LittleEndianReader in = session.run(set(faxes.toLong(), "IPM.Fax"), get("ipm.fax.scanned"), get("IPM.Note"),
        get(""), TestSession.request(0x68, 0).toByteArray());

    assertThat(returnValue(in, 0x26)).isZero();
    assertThat(returnValue(in, 0x27)).isZero();
    assertThat(ReceiveFolderResponses.ReceiveFolderResponse.read(in))
        .isEqualTo(new ReceiveFolderResponses.ReceiveFolderResponse(faxes.toLong(), "IPM.Fax"));
    assertThat(returnValue(in, 0x27)).isZero();
    assertThat(ReceiveFolderResponses.ReceiveFolderResponse.read(in))
        .isEqualTo(new ReceiveFolderResponses.ReceiveFolderResponse(inbox, "IPM"));
    assertThat(returnValue(in, 0x27)).isZero();
    assertThat(ReceiveFolderResponses.ReceiveFolderResponse.read(in))
        .isEqualTo(new ReceiveFolderResponses.ReceiveFolderResponse(inbox, ""));
    assertThat(returnValue(in, 0x68)).isZero();
    List<ReceiveFolderResponses.Row> rows = ReceiveFolderResponses.readTable(in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(rows).extracting(ReceiveFolderResponses.Row::messageClass)
        .containsExactly("", "IPC", "IPM", "IPM.Fax", "REPORT.IPM");
    assertThat(rows.get(1).folderId()).isEqualTo(alice.folder(SpecialFolder.ROOT).id().toLong());
    assertThat(rows.get(3).folderId()).isEqualTo(faxes.toLong());
    assertThat(rows).allSatisfy(row -> assertThat(row.lastModified()).isNotNull());
  }

  @Test
  void theSpecsErrorsForSetAndGet() throws Exception {
    TestSession session = new TestSession(store.store(), BOB);
    long inbox = store.store().mailbox(BOB, Caller.account(BOB)).folder(SpecialFolder.INBOX).id().toLong();

    LittleEndianReader in = session.run(set(0, ""), set(inbox, "IPC.Custom"), set(0, "IPM"), set(0, "report.ipm"),
        set(inbox, "IPM..Note"), get(".IPM"), set(0x0001_0000_00FF_FFFFL, "IPM.Note"));

    assertThat(returnValue(in, 0x26)).as("remove the default").isEqualTo(ReceiveFolderRops.ERROR);
    assertThat(returnValue(in, 0x26)).as("IPC").isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(returnValue(in, 0x26)).as("remove IPM").isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(returnValue(in, 0x26)).as("remove REPORT.IPM").isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(returnValue(in, 0x26)).as("malformed").isEqualTo(0x80070057);
    assertThat(returnValue(in, 0x27)).as("malformed").isEqualTo(0x80070057);
    assertThat(returnValue(in, 0x26)).as("unknown folder").isEqualTo(StoreErrors.NOT_FOUND);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void perUserRopsAnswerForAPrivateMailboxAndOnlyTheOwnerSetsReceiveFolders() throws Exception {
    Mailbox bob = store.store().mailbox(BOB, Caller.account(BOB));
    FolderId inbox = bob.folder(SpecialFolder.INBOX).id();
    bob.setPermission(inbox, CAROL, FolderRights.FOLDER_VISIBLE | FolderRights.READ_ANY);
    TestSession carol = new TestSession(store.store(), CAROL);

    LittleEndianWriter perUser = TestSession.request(0x60, 0);
    perUser.bytes(io.convene.api.store.Guids.toBytes(UUID.randomUUID()));
    LittleEndianWriter guid = TestSession.request(0x61, 0);
    new LongTermId(carol.logon().replicaGuid(), inbox.counter()).write(guid);
    LittleEndianReader in = carol.run(perUser.toByteArray(), guid.toByteArray());
    assertThat(returnValue(in, 0x60)).isZero();
    assertThat(in.u16("LongTermIdCount")).isZero();
    assertThat(returnValue(in, 0x61)).isEqualTo(StoreErrors.NOT_FOUND);
    assertThat(in.hasRemaining()).isFalse();

    // Carol holds rights on Bob's Inbox, yet only Bob may change where his mail is delivered.
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            store.store().mailbox(BOB, Caller.account(CAROL)).setReceiveFolder("IPM.Note", inbox))
        .isInstanceOf(io.convene.api.store.StoreException.class);
  }
}

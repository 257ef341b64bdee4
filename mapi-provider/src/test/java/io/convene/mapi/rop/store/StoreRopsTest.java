package io.convene.mapi.rop.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.ReleaseRops;
import io.convene.mapi.rop.RopDispatcher;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.RopSessionLimits;
import io.convene.mapi.rop.RopSessionState;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.objects.RopBuffers;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.store.StoreRequests.LogonRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRopsTest {

  static final long ALICE = 1;
  static final long BOB = 2;
  static final long CAROL = 3;
  static final long DAVE = 4;
  static final Instant NOW = Instant.parse("2026-11-27T09:33:00Z");
  static final Map<String, Long> DNS = Map.of("/o=Convene/cn=Recipients/cn=alice", ALICE,
      "/o=Convene/cn=Recipients/cn=bob", BOB, "/o=Convene/cn=Recipients/cn=carol", CAROL,
      "/o=Convene/cn=Recipients/cn=dave", DAVE);

  // One store for the class: opening Derby takes seconds. Tests use disjoint accounts where they
  // change state (DAVE gets rights on ALICE's calendar).
  @TempDir static Path directory;
  static TestStore store;
  RopDispatcher engine;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE, BOB, DAVE);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @BeforeEach
  void open() {
    MailboxResolver resolver = dn -> DNS.containsKey(dn) ? OptionalLong.of(DNS.get(dn)) : OptionalLong.empty();
    RopRegistry registry = RopRegistry.builder()
        .add(new ReleaseRops())
        .add(new StoreRops(store.store(), resolver, Clock.fixed(NOW, ZoneOffset.UTC)))
        .build();
    engine = new RopDispatcher(registry, RopSessionLimits.DEFAULT);
  }

  static byte[] logon(int logonId, String essdn) {
    LittleEndianWriter out = new LittleEndianWriter();
    new LogonRequest(new RopHeader(0xFE, logonId, 0), StoreRequests.LOGON_PRIVATE, 0x01000404L, 0, essdn).write(out);
    return out.toByteArray();
  }

  @Test
  void privateLogonAnswersTheSpecialFolderIdsInSpecOrder() throws Exception {
    RopSessionState session = engine.newSession(Long.toString(ALICE));
    byte[] output = engine.execute(session, RopBuffers.input(RopBuffers.emptyHandles(1), logon(0, "/o=Convene/cn=Recipients/cn=alice")), 0x8000);

    RopBuffers.Output out = RopBuffers.Output.of(output);
    LittleEndianReader in = out.responses();
    assertThat(in.u8("RopId")).isEqualTo(0xFE);
    assertThat(in.u8("OutputHandleIndex")).isZero();
    assertThat(in.u32("ReturnValue")).isZero();
    LogonResponse response = LogonResponse.read(in);
    assertThat(in.hasRemaining()).isFalse();

    Mailbox alice = store.store().mailbox(ALICE, Caller.account(ALICE));
    SpecialFolder[] expected = {SpecialFolder.ROOT, null, null, SpecialFolder.IPM_SUBTREE, SpecialFolder.INBOX,
        SpecialFolder.OUTBOX, SpecialFolder.SENT_ITEMS, SpecialFolder.DELETED_ITEMS, SpecialFolder.COMMON_VIEWS,
        SpecialFolder.SCHEDULE, SpecialFolder.FINDER, SpecialFolder.VIEWS, SpecialFolder.SHORTCUTS};
    for (int i = 0; i < expected.length; i++) {
      long id = expected[i] == null ? 0 : alice.folder(expected[i]).id().toLong();
      assertThat(response.folderIds()[i]).as(LogonResponse.FOLDER_ORDER[i]).isEqualTo(id);
    }
    assertThat(response.logonFlags()).isEqualTo(1);
    assertThat(response.responseFlags()).isEqualTo(0x07);
    assertThat(response.replId()).isEqualTo(1);
    assertThat(response.replGuid()).isEqualTo(alice.replicaGuid());
    assertThat(response.logonTime()).isEqualTo(ZonedDateTime.of(2026, 11, 27, 9, 33, 0, 0, ZoneOffset.UTC));
    assertThat(out.handles()[0]).isNotEqualTo(-1);

    MailboxLogon state = (MailboxLogon) session.logon(0).orElseThrow().state();
    assertThat(state.ownMailbox()).isTrue();
    assertThat(state.ownerAccountId()).isEqualTo(ALICE);
  }

  @Test
  void emptyEssdnLogsOnToTheCallersOwnMailbox() throws Exception {
    RopSessionState session = engine.newSession(Long.toString(BOB));
    byte[] output = engine.execute(session, RopBuffers.input(RopBuffers.emptyHandles(1), logon(3, "")), 0x8000);
    LittleEndianReader in = RopBuffers.Output.of(output).responses();
    in.skip(6, "header");
    LogonResponse response = LogonResponse.read(in);
    Mailbox bob = store.store().mailbox(BOB, Caller.account(BOB));
    assertThat(response.folderIds()[4]).isEqualTo(bob.folder(SpecialFolder.INBOX).id().toLong());
    assertThat(((MailboxLogon) session.logon(3).orElseThrow().state()).ownerAccountId()).isEqualTo(BOB);
  }

  @Test
  void anotherUsersMailboxNeedsRightsOnItElseAccessDenied() throws Exception {
    RopSessionState session = engine.newSession(Long.toString(DAVE));
    byte[] denied = engine.execute(session, RopBuffers.input(RopBuffers.emptyHandles(1), logon(0, "/o=Convene/cn=Recipients/cn=alice")), 0x8000);
    LittleEndianReader in = RopBuffers.Output.of(denied).responses();
    assertThat(in.u8("RopId")).isEqualTo(0xFE);
    assertThat(in.u8("index")).isZero();
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(session.logon(0)).isEmpty();

    Mailbox alice = store.store().mailbox(ALICE, Caller.account(ALICE));
    alice.setPermission(alice.folder(SpecialFolder.CALENDAR).id(), DAVE, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE);
    byte[] granted = engine.execute(session, RopBuffers.input(RopBuffers.emptyHandles(1), logon(0, "/o=Convene/cn=Recipients/cn=alice")), 0x8000);
    in = RopBuffers.Output.of(granted).responses();
    in.skip(6, "header");
    LogonResponse response = LogonResponse.read(in);
    assertThat(response.responseFlags()).isEqualTo(LogonResponse.RESERVED);
    assertThat(response.folderIds()[0]).isEqualTo(alice.folder(SpecialFolder.ROOT).id().toLong());
    MailboxLogon state = (MailboxLogon) session.logon(0).orElseThrow().state();
    assertThat(state.ownMailbox()).isFalse();
    assertThat(state.caller()).isEqualTo(Caller.account(DAVE));
  }

  @Test
  void unknownEssdnOrAccountWithoutMailboxIsUnknownUser() throws Exception {
    RopSessionState session = engine.newSession(Long.toString(ALICE));
    for (String dn : new String[] {"/o=Convene/cn=Recipients/cn=nobody", "/o=Convene/cn=Recipients/cn=carol"}) {
      LittleEndianReader in = RopBuffers.Output.of(
          engine.execute(session, RopBuffers.input(RopBuffers.emptyHandles(1), logon(0, dn)), 0x8000)).responses();
      in.skip(2, "RopId, index");
      assertThat((int) in.u32("ReturnValue")).as(dn).isEqualTo(StoreErrors.UNKNOWN_USER);
    }
  }

  @Test
  void publicFoldersLogonFails() throws Exception {
    LittleEndianWriter request = new LittleEndianWriter();
    new LogonRequest(new RopHeader(0xFE, 0, 0), 0, 0x02, 0, "").write(request);
    LittleEndianReader in = RopBuffers.Output.of(engine.execute(engine.newSession("1"),
        RopBuffers.input(RopBuffers.emptyHandles(1), request.toByteArray()), 0x8000)).responses();
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.LOGIN_FAILURE);
  }

  @Test
  void storeStateLongTermIdsAndPrivateLogonErrors() throws Exception {
    RopSessionState session = engine.newSession(Long.toString(ALICE));
    Mailbox alice = store.store().mailbox(ALICE, Caller.account(ALICE));
    long inbox = alice.folder(SpecialFolder.INBOX).id().toLong();
    LittleEndianWriter ids = new LittleEndianWriter();
    ids.u8(0x7B).u8(0).u8(0);                       // GetStoreState
    ids.u8(0x43).u8(0).u8(0).u32(inbox & 0xffffffffL).u32(inbox >>> 32);   // LongTermIdFromId
    ids.u8(0x45).u8(0).u8(0).u32(inbox & 0xffffffffL).u32(inbox >>> 32);   // PublicFolderIsGhosted
    ids.u8(0x27).u8(0).u8(0).asciiz("IPM.Note");  // GetReceiveFolder: the IPM default
    byte[] output = engine.execute(session,
        RopBuffers.input(RopBuffers.emptyHandles(1), logon(0, ""), ids.toByteArray()), 0x8000);
    LittleEndianReader in = RopBuffers.Output.of(output).responses();
    in.skip(6, "logon header");
    LogonResponse.read(in);
    assertThat(in.u8("RopId")).isEqualTo(0x7B);
    in.skip(1, "index");
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.u32("StoreState")).isZero();
    assertThat(in.u8("RopId")).isEqualTo(0x43);
    in.skip(1, "index");
    assertThat(in.u32("ReturnValue")).isZero();
    LongTermId ltid = LongTermId.read(in);
    assertThat(ltid.databaseGuid()).isEqualTo(alice.replicaGuid());
    assertThat(ltid.counter()).isEqualTo(alice.folder(SpecialFolder.INBOX).id().counter());
    assertThat(in.u8("RopId")).isEqualTo(0x45);
    in.skip(1, "index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(ErrorCodes.NOT_SUPPORTED);
    assertThat(in.u8("RopId")).isEqualTo(0x27);
    in.skip(1, "index");
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(ReceiveFolderResponses.ReceiveFolderResponse.read(in))
        .isEqualTo(new ReceiveFolderResponses.ReceiveFolderResponse(inbox, "IPM"));

    // And back: IdFromLongTermId gives the short id; a foreign GUID is not found.
    LittleEndianWriter back = new LittleEndianWriter();
    back.u8(0x44).u8(0).u8(0);
    ltid.write(back);
    back.u8(0x44).u8(0).u8(0);
    new LongTermId(java.util.UUID.randomUUID(), ltid.counter()).write(back);
    in = RopBuffers.Output.of(engine.execute(session,
        RopBuffers.input(RopBuffers.Output.of(output).handles(), back.toByteArray()), 0x8000)).responses();
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(StoreRequests.u64(in, "ObjectId")).isEqualTo(inbox);
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.NOT_FOUND);
  }
}

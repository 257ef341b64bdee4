package io.convene.mapi.rop.store;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.Store;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.store.StoreRequests.BareRequest;
import io.convene.mapi.rop.store.StoreRequests.IdRequest;
import io.convene.mapi.rop.store.StoreRequests.LogonRequest;
import io.convene.mapi.rop.store.StoreRequests.LongTermIdRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * The MS-OXCSTOR ROPs. Handled: Logon (private mailboxes, own or another's with rights),
 * GetStoreState, LongTermIdFromId, IdFromLongTermId, the receive folder ROPs ({@link
 * ReceiveFolderRops}), GetPerUserLongTermIds and GetPerUserGuid with their private-mailbox results,
 * and PublicFolderIsGhosted / GetOwningServers with their private-logon error.
 */
public final class StoreRops implements RopFamily {

  /**
   * The store's folders for the 13 ids of a private logon (MS-OXCSTOR 2.2.1.1.3); null where the
   * store has no such folder (Deferred Action, Spooler Queue), sent as id 0.
   */
  static final SpecialFolder[] LOGON_FOLDERS = {
    SpecialFolder.ROOT, null, null, SpecialFolder.IPM_SUBTREE, SpecialFolder.INBOX,
    SpecialFolder.OUTBOX, SpecialFolder.SENT_ITEMS, SpecialFolder.DELETED_ITEMS,
    SpecialFolder.COMMON_VIEWS, SpecialFolder.SCHEDULE, SpecialFolder.FINDER, SpecialFolder.VIEWS,
    SpecialFolder.SHORTCUTS
  };

  /** Folders whose visibility admits a delegate logon: the ones a delegate is usually given. */
  private static final SpecialFolder[] DELEGATE_FOLDERS = {
    SpecialFolder.IPM_SUBTREE, SpecialFolder.INBOX, SpecialFolder.CALENDAR, SpecialFolder.CONTACTS,
    SpecialFolder.TASKS, SpecialFolder.NOTES, SpecialFolder.JOURNAL, SpecialFolder.SENT_ITEMS,
    SpecialFolder.DELETED_ITEMS, SpecialFolder.DRAFTS
  };

  private final Store store;
  private final MailboxResolver resolver;
  private final Clock clock;

  public StoreRops(Store store, MailboxResolver resolver, Clock clock) {
    this.store = store;
    this.resolver = resolver;
    this.clock = clock;
  }

  @Override
  public void register(RopRegistry.Builder registry) {
    registry.add(RopDefinition.of(StoreRequests.LOGON, "RopLogon", LogonRequest::decode, this::logon));
    registry.add(RopDefinition.of(StoreRequests.GET_RECEIVE_FOLDER, "RopGetReceiveFolder",
        StoreRequests.GetReceiveFolderRequest::decode, ReceiveFolderRops::get));
    registry.add(RopDefinition.of(StoreRequests.SET_RECEIVE_FOLDER, "RopSetReceiveFolder",
        StoreRequests.SetReceiveFolderRequest::decode, ReceiveFolderRops::set));
    registry.add(RopDefinition.of(
        StoreRequests.GET_RECEIVE_FOLDER_TABLE, "RopGetReceiveFolderTable", BareRequest::decode, ReceiveFolderRops::table));
    registry.add(RopDefinition.of(
        StoreRequests.GET_STORE_STATE, "RopGetStoreState", BareRequest::decode, StoreRops::getStoreState));
    registry.add(RopDefinition.of(
        StoreRequests.GET_OWNING_SERVERS, "RopGetOwningServers", IdRequest::decode, StoreRops::publicOnly));
    registry.add(RopDefinition.of(
        StoreRequests.PUBLIC_FOLDER_IS_GHOSTED, "RopPublicFolderIsGhosted", IdRequest::decode, StoreRops::publicOnly));
    registry.add(RopDefinition.of(
        StoreRequests.LONG_TERM_ID_FROM_ID, "RopLongTermIdFromId", IdRequest::decode, StoreRops::longTermIdFromId));
    registry.add(RopDefinition.of(
        StoreRequests.ID_FROM_LONG_TERM_ID, "RopIdFromLongTermId", LongTermIdRequest::decode, StoreRops::idFromLongTermId));
    registry.add(RopDefinition.of(StoreRequests.GET_PER_USER_LONG_TERM_IDS, "RopGetPerUserLongTermIds",
        StoreRequests.GetPerUserLongTermIdsRequest::decode, StoreRops::perUserLongTermIds));
    registry.add(RopDefinition.of(
        StoreRequests.GET_PER_USER_GUID, "RopGetPerUserGuid", LongTermIdRequest::decode, StoreRops::perUserGuid));
  }

  private void logon(LogonRequest request, RopCall call) throws RopException {
    if (!request.isPrivate()) {
      throw new RopException(StoreErrors.LOGIN_FAILURE, "Convene has no public folders store");
    }
    long caller = callerId(call);
    long owner = caller;
    if (!request.essdn().isEmpty()) {
      OptionalLong named = resolver.accountOf(request.essdn());
      if (named.isEmpty()) {
        throw new RopException(StoreErrors.UNKNOWN_USER, "no mailbox for Essdn " + request.essdn());
      }
      owner = named.getAsLong();
    }
    try {
      if (!store.exists(owner)) {
        throw new RopException(StoreErrors.UNKNOWN_USER, "account " + owner + " has no mailbox");
      }
      Mailbox mailbox = store.mailbox(owner, Caller.account(caller));
      if (owner != caller && !seesAnyFolder(mailbox)) {
        throw new RopException(StoreErrors.ACCESS_DENIED, "account " + caller + " has no rights on mailbox " + owner);
      }
      MailboxLogon logon = MailboxLogon.of(mailbox, Caller.account(caller))
          .withNames(resolver.nameOf(owner), resolver.nameOf(caller));
      LogonResponse response = response(request, logon, store.mailbox(owner, Caller.server()));
      call.session().openLogon(request.header().logonId(), logon);
      call.putObject(request.outputHandleIndex(), logon);
      header(call, request.header().ropId(), request.outputHandleIndex());
      response.write(call.out());
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
  }

  private static boolean seesAnyFolder(Mailbox mailbox) throws StoreException {
    for (SpecialFolder folder : DELEGATE_FOLDERS) {
      try {
        mailbox.folder(folder);
        return true;
      } catch (StoreException e) {
        if (e.error() != StoreError.NOT_FOUND && e.error() != StoreError.ACCESS_DENIED) {
          throw e;
        }
      }
    }
    return false;
  }

  /**
   * The response; folder ids are read as the server, since a delegate who may not see the root
   * still needs its id to address the folders it may see.
   */
  private LogonResponse response(LogonRequest request, MailboxLogon logon, Mailbox ids) throws StoreException {
    long[] folderIds = new long[LOGON_FOLDERS.length];
    for (int i = 0; i < folderIds.length; i++) {
      folderIds[i] = LOGON_FOLDERS[i] == null ? 0 : ids.folder(LOGON_FOLDERS[i]).id().toLong();
    }
    int flags = LogonResponse.RESERVED | (logon.ownMailbox() ? LogonResponse.OWNER_RIGHT | LogonResponse.SEND_AS_RIGHT : 0);
    return new LogonResponse(
        request.logonFlags() & 0x07,
        folderIds,
        flags,
        logon.replicaGuid(),
        logon.replicaId(),
        logon.replicaGuid(),
        clock.instant().atZone(ZoneOffset.UTC),
        0,
        0);
  }

  private static long callerId(RopCall call) throws RopException {
    try {
      return Long.parseLong(call.session().accountId());
    } catch (NumberFormatException e) {
      throw new RopException(StoreErrors.LOGIN_FAILURE, "session account is not an account id");
    }
  }

  /** StoreState is 0: the store keeps no search folders, so STORE_HAS_SEARCHES is never set. */
  private static void getStoreState(BareRequest request, RopCall call) throws RopException {
    call.inputObject(MailboxLogon.class);
    header(call, request.header().ropId(), request.header().inputHandleIndex());
    call.out().u32(0);
  }

  /** Public folder ROPs on a private logon (MS-OXCSTOR 3.2.5.8, 3.2.5.9): not supported there. */
  private static void publicOnly(IdRequest request, RopCall call) throws RopException {
    call.inputObject(MailboxLogon.class);
    throw new RopException(ErrorCodes.NOT_SUPPORTED, "a private mailbox logon has no public folder replicas");
  }

  private static void longTermIdFromId(IdRequest request, RopCall call) throws RopException {
    MailboxLogon logon = call.inputObject(MailboxLogon.class);
    FolderId id = FolderId.fromLong(request.id());
    if (id.replicaId() != logon.replicaId()) {
      throw new RopException(StoreErrors.NOT_FOUND, "replica id " + id.replicaId() + " is not this mailbox's");
    }
    header(call, request.header().ropId(), request.header().inputHandleIndex());
    new LongTermId(logon.replicaGuid(), id.counter()).write(call.out());
  }

  private static void idFromLongTermId(LongTermIdRequest request, RopCall call) throws RopException {
    MailboxLogon logon = call.inputObject(MailboxLogon.class);
    if (!request.longTermId().databaseGuid().equals(logon.replicaGuid())) {
      throw new RopException(StoreErrors.NOT_FOUND, "replica GUID " + request.longTermId().databaseGuid() + " unknown");
    }
    header(call, request.header().ropId(), request.header().inputHandleIndex());
    u64(call.out(), new FolderId(logon.replicaId(), request.longTermId().counter()).toLong());
  }

  /**
   * Per-user read state is kept for public folders the user reads (MS-OXCSTOR 3.2.5.10): a private
   * mailbox holds none of its own, and Convene has no public folders, so the list is empty.
   */
  private static void perUserLongTermIds(StoreRequests.GetPerUserLongTermIdsRequest request, RopCall call)
      throws RopException {
    call.inputObject(MailboxLogon.class);
    header(call, request.header().ropId(), request.header().inputHandleIndex());
    call.out().u16(0); // LongTermIdCount
  }

  /** No public folder has per-user data in a private mailbox here: ecNotFound (MS-OXCSTOR 3.2.5.11). */
  private static void perUserGuid(LongTermIdRequest request, RopCall call) throws RopException {
    call.inputObject(MailboxLogon.class);
    throw new RopException(StoreErrors.NOT_FOUND, "no per-user data for folder " + request.longTermId());
  }

  /** RopId, handle index and a success ReturnValue: how every success response starts. */
  static void header(RopCall call, int ropId, int handleIndex) {
    call.out().u8(ropId).u8(handleIndex).u32(ErrorCodes.SUCCESS);
  }

  static void u64(LittleEndianWriter out, long value) {
    out.u32(value & 0xffffffffL).u32(value >>> 32);
  }
}

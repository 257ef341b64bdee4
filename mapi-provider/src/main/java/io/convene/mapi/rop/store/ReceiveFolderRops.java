package io.convene.mapi.rop.store;

import io.convene.api.store.FolderId;
import io.convene.api.store.ReceiveFolder;
import io.convene.api.store.StoreException;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.store.StoreRequests.BareRequest;
import io.convene.mapi.rop.store.StoreRequests.GetReceiveFolderRequest;
import io.convene.mapi.rop.store.StoreRequests.SetReceiveFolderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RopGetReceiveFolder, RopSetReceiveFolder and RopGetReceiveFolderTable (MS-OXCSTOR 3.2.5.2 to
 * 3.2.5.4) over the store's receive folder map. The protocol's own rules are checked here, before
 * the store, so each gets the code the spec gives it.
 */
final class ReceiveFolderRops {

  /** ecError: the default receive folder cannot be removed (MS-OXCSTOR 3.2.5.3). */
  static final int ERROR = 0x80004005;

  private ReceiveFolderRops() {}

  static void get(GetReceiveFolderRequest request, RopCall call) throws RopException {
    MailboxLogon logon = call.inputObject(MailboxLogon.class);
    ReceiveFolder entry;
    try {
      entry = logon.mailbox().receiveFolder(request.messageClass());
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    StoreRops.header(call, request.header().ropId(), request.header().inputHandleIndex());
    new ReceiveFolderResponses.ReceiveFolderResponse(entry.folder().toLong(), entry.messageClass()).write(call.out());
  }

  static void set(SetReceiveFolderRequest request, RopCall call) throws RopException {
    MailboxLogon logon = call.inputObject(MailboxLogon.class);
    String messageClass = request.messageClass();
    String key = messageClass.toUpperCase(Locale.ROOT);
    boolean remove = request.folderId() == 0;
    if (remove && messageClass.isEmpty()) {
      throw new RopException(ERROR, "the default receive folder cannot be removed");
    }
    if (key.equals("IPC") || key.startsWith("IPC.")
        || (remove && (key.equals("IPM") || key.equals("REPORT.IPM")))) {
      throw new RopException(StoreErrors.ACCESS_DENIED, "the receive folder of '" + messageClass + "' is fixed");
    }
    try {
      logon.mailbox().setReceiveFolder(messageClass, remove ? null : FolderId.fromLong(request.folderId()));
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    StoreRops.header(call, request.header().ropId(), request.header().inputHandleIndex());
  }

  static void table(BareRequest request, RopCall call) throws RopException {
    MailboxLogon logon = call.inputObject(MailboxLogon.class);
    List<ReceiveFolderResponses.Row> rows = new ArrayList<>();
    try {
      for (ReceiveFolder entry : logon.mailbox().receiveFolders()) {
        rows.add(new ReceiveFolderResponses.Row(entry.folder().toLong(), entry.messageClass(), entry.lastModified()));
      }
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    StoreRops.header(call, request.header().ropId(), request.header().inputHandleIndex());
    ReceiveFolderResponses.writeTable(call.out(), rows);
  }
}

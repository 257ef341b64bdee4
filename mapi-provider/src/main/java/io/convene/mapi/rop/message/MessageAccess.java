package io.convene.mapi.rop.message;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.StoreException;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.objects.MessageObject;
import io.convene.mapi.rop.store.StoreErrors;

/**
 * Whether an OpenMessage gets a writable message (MS-OXCMSG 2.2.3.1.1, 3.2.5.1): ReadWrite needs
 * EditOwned or EditAny on the folder, BestAccess takes read-write when those rights are there and
 * read-only otherwise. Whether the caller created the item (EditOwned) is the store's to check
 * again at the save.
 */
final class MessageAccess {

  private MessageAccess() {}

  static boolean writable(MailboxLogon logon, FolderId folder, int openMode) throws RopException {
    boolean best = (openMode & MessageObject.BEST_ACCESS) == MessageObject.BEST_ACCESS;
    if ((openMode & MessageObject.READ_WRITE) == 0) {
      return false;
    }
    if (logon.ownMailbox()) {
      return true;
    }
    int rights;
    try {
      rights = logon.mailbox().rights(folder);
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    boolean mayEdit = (rights & (FolderRights.EDIT_OWNED | FolderRights.EDIT_ANY)) != 0;
    if (!mayEdit && !best) {
      throw new RopException(StoreErrors.ACCESS_DENIED, "no edit right on folder " + folder);
    }
    return mayEdit;
  }
}

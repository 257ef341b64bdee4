package io.convene.mapi.rop.objects;

import io.convene.api.store.FolderId;
import java.util.Objects;

/**
 * An open folder (RopOpenFolder, RopCreateFolder): the ROPs on it (tables, properties,
 * permissions) read the folder afresh from the store each time, so only the id is kept.
 *
 * @param logon the logon the folder was opened in
 * @param id the folder
 */
public record FolderObject(MailboxLogon logon, FolderId id) {

  public FolderObject {
    Objects.requireNonNull(logon, "logon");
    Objects.requireNonNull(id, "id");
  }
}

package io.convene.mapi.rop.objects;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * An open folder (RopOpenFolder, RopCreateFolder): the ROPs on it (tables, properties,
 * permissions) read the folder afresh from the store each time, so only the id is kept, and the
 * folder as OpenFolder read it, which ROPs of the same Execute may reuse instead of asking the
 * store (and its counts) again.
 *
 * @param logon the logon the folder was opened in
 * @param id the folder
 * @param opened the folder as read when it was opened, if it was
 * @param openedInExecute the {@link io.convene.mapi.rop.RopSessionState#executeNumber()} of that read
 */
public record FolderObject(MailboxLogon logon, FolderId id, Optional<FolderInfo> opened, long openedInExecute) {

  public FolderObject {
    Objects.requireNonNull(logon, "logon");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(opened, "opened");
  }

  public FolderObject(MailboxLogon logon, FolderId id) {
    this(logon, id, Optional.empty(), -1);
  }

  /**
   * The folder as OpenFolder read it, if that happened in Execute {@code executeNumber}: within one
   * Execute the client sees one state of the folder (no ROP of this provider changes a folder's
   * item count yet; one that does must open a new FolderObject or not use this).
   */
  public Optional<FolderInfo> readInExecute(long executeNumber) {
    return executeNumber == openedInExecute ? opened : Optional.empty();
  }
}

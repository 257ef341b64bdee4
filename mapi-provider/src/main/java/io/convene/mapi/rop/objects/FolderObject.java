package io.convene.mapi.rop.objects;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * An open folder (RopOpenFolder, RopCreateFolder): the ROPs on it (tables, properties,
 * permissions) read the folder afresh from the store each time, so only the id is kept, and the
 * folder as OpenFolder read it, which the read-only ROPs right after it may reuse instead of asking
 * the store (and its counts) again.
 *
 * @param logon the logon the folder was opened in
 * @param id the folder
 * @param opened the folder as read when it was opened, if it was
 * @param openedInExecute the {@link io.convene.mapi.rop.RopSessionState#readStretch()} of that read
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
   * The folder as OpenFolder read it, if that happened in the same stretch of read-only ROPs
   * ({@link io.convene.mapi.rop.RopSessionState#readStretch()}): no ROP in between can have
   * changed it, as a SetSearchCriteria or a save would.
   */
  public Optional<FolderInfo> readInExecute(long readStretch) {
    return readStretch == openedInExecute ? opened : Optional.empty();
  }
}

package io.convene.mapi.rop.objects;

import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import java.util.Objects;

/**
 * An open message (RopOpenMessage). Property ROPs read it from the store each time; the open mode
 * decides whether the write ROPs are allowed (MS-OXCMSG 2.2.3.1.1).
 *
 * @param logon the logon the message was opened in
 * @param folderId the folder the client named when opening it
 * @param id the message
 * @param openMode the OpenModeFlags of the request
 */
public record MessageObject(MailboxLogon logon, FolderId folderId, MessageId id, int openMode) {

  /** OpenModeFlags (MS-OXCROPS 2.2.6.1.1): read-only. */
  public static final int READ_ONLY = 0x00;
  /** OpenModeFlags: read and write. */
  public static final int READ_WRITE = 0x01;
  /** OpenModeFlags: read-write if allowed, else read-only. */
  public static final int BEST_ACCESS = 0x03;
  /** OpenModeFlags: open even a soft-deleted message. */
  public static final int OPEN_SOFT_DELETED = 0x04;

  public MessageObject {
    Objects.requireNonNull(logon, "logon");
    Objects.requireNonNull(folderId, "folderId");
    Objects.requireNonNull(id, "id");
  }

  /** Whether the message was opened for writing. */
  public boolean writable() {
    return (openMode & READ_WRITE) != 0;
  }
}

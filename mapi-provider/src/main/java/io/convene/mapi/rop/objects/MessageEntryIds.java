package io.convene.mapi.rop.objects;

import io.convene.api.store.FolderId;
import io.convene.api.store.MessageEntryId;
import io.convene.api.store.MessageId;

/**
 * Message EntryIDs (MS-OXCDATA 2.2.4.2) of a private mailbox: its replica GUID is both the provider
 * UID and the database GUID of the folder and message ids, as for {@link FolderEntryIds}.
 */
public final class MessageEntryIds {

  private MessageEntryIds() {}

  /** The 70-byte PidTagEntryId of message {@code id} in {@code folder}. */
  public static byte[] of(MailboxLogon logon, FolderId folder, MessageId id) {
    return MessageEntryId.ofPrivateMessage(logon.replicaGuid(), logon.replicaGuid(), folder, id).toBytes();
  }
}

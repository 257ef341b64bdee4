package io.convene.mapi.rop.objects;

import io.convene.api.store.FolderId;
import io.convene.api.store.Guids;
import java.util.UUID;

/**
 * Folder EntryIDs (MS-OXCDATA 2.2.4.1): Flags (4 zero bytes), ProviderUID (the logon's
 * MailboxGuid for a private mailbox), FolderType 0x0001 (eitLTPrivateFolder), DatabaseGuid (the
 * REPLGUID), the 6-byte GlobalCounter and 2 bytes of padding: 46 bytes.
 */
public final class FolderEntryIds {

  public static final int SIZE = 46;
  /** FolderType of a folder in a private mailbox. */
  public static final int PRIVATE_FOLDER = 0x0001;

  private FolderEntryIds() {}

  public static byte[] of(MailboxLogon logon, FolderId id) {
    return of(logon.replicaGuid(), logon.replicaGuid(), id);
  }

  public static byte[] of(UUID mailboxGuid, UUID databaseGuid, FolderId id) {
    byte[] out = new byte[SIZE];
    Guids.write(mailboxGuid, out, 4);
    out[20] = (byte) PRIVATE_FOLDER;
    out[21] = (byte) (PRIVATE_FOLDER >>> 8);
    Guids.write(databaseGuid, out, 22);
    id.counter().write(out, 38);
    return out;
  }

  /** PidTagSourceKey / the GID form (MS-OXCDATA 2.2.1.3): REPLGUID and 6-byte counter. */
  public static byte[] sourceKey(UUID replicaGuid, io.convene.api.store.GlobalCounter counter) {
    byte[] out = new byte[Guids.SIZE + 6];
    Guids.write(replicaGuid, out, 0);
    counter.write(out, Guids.SIZE);
    return out;
  }
}

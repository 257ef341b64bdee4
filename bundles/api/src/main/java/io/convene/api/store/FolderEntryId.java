package io.convene.api.store;

import java.util.Objects;
import java.util.UUID;

/**
 * A Folder EntryID (MS-OXCDATA 2.2.4.1): how PidTagEntryId and the special-folder properties of
 * MS-OXOSFLD name a folder. 46 bytes on the wire:
 *
 * <pre>
 * Flags          4 bytes  0x00000000
 * ProviderUID   16 bytes  the mailbox GUID (private store) as a GUID in wire form
 * FolderType     2 bytes  little-endian, e.g. 0x0001 eitLTPrivateFolder
 * DatabaseGuid  16 bytes  the GUID of the folder id's replica
 * GlobalCounter  6 bytes  big-endian, the folder id's counter
 * Pad            2 bytes  0x0000
 * </pre>
 *
 * @param providerUid the store's provider UID: for a private mailbox its mailbox GUID
 * @param folderType one of the folder types of MS-OXCDATA 2.2.4 ({@link #PRIVATE_FOLDER}...)
 * @param databaseGuid the replica GUID of the folder id's replica id
 * @param counter the folder id's global counter
 */
public record FolderEntryId(UUID providerUid, int folderType, UUID databaseGuid, GlobalCounter counter) {

  /** Size on the wire, the only size a Folder EntryID has. */
  public static final int SIZE = 46;

  /** eitLTPrivateFolder: a folder of a private mailbox. */
  public static final int PRIVATE_FOLDER = 0x0001;

  /** eitLTPublicFolder: a folder of a public folder store. */
  public static final int PUBLIC_FOLDER = 0x0003;

  /** eitLTWackyFolder: a mapped public folder. */
  public static final int WACKY_FOLDER = 0x0005;

  /** eitLTPublicFolderByName: a public folder given by name. */
  public static final int PUBLIC_FOLDER_BY_NAME = 0x000C;

  public FolderEntryId {
    Objects.requireNonNull(providerUid, "providerUid");
    Objects.requireNonNull(databaseGuid, "databaseGuid");
    Objects.requireNonNull(counter, "counter");
    if (!isFolderType(folderType)) {
      throw new IllegalArgumentException("not a folder type of MS-OXCDATA 2.2.4: 0x" + Integer.toHexString(folderType));
    }
  }

  /** The entry id of a folder of a private mailbox whose replica GUID is {@code replicaGuid}. */
  public static FolderEntryId ofPrivateFolder(UUID mailboxGuid, UUID replicaGuid, FolderId folder) {
    return new FolderEntryId(mailboxGuid, PRIVATE_FOLDER, replicaGuid, folder.counter());
  }

  /**
   * Reads a Folder EntryID.
   *
   * @throws StoreValueFormatException unless {@code bytes} is 46 bytes with zero flags and pad and
   *     a folder type
   */
  public static FolderEntryId parse(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new StoreValueFormatException("a Folder EntryID has " + SIZE + " bytes, not " + bytes.length);
    }
    if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0 || bytes[3] != 0) {
      throw new StoreValueFormatException("a Folder EntryID's flags must be 0");
    }
    int folderType = (bytes[20] & 0xFF) | (bytes[21] & 0xFF) << 8;
    if (!isFolderType(folderType)) {
      throw new StoreValueFormatException("not a folder type: 0x" + Integer.toHexString(folderType));
    }
    if (bytes[44] != 0 || bytes[45] != 0) {
      throw new StoreValueFormatException("a Folder EntryID's pad must be 0");
    }
    return new FolderEntryId(Guids.fromBytes(bytes, 4), folderType, Guids.fromBytes(bytes, 22), GlobalCounter.fromBytes(bytes, 38));
  }

  /** The 46-byte wire form. */
  public byte[] toBytes() {
    byte[] out = new byte[SIZE];
    Guids.write(providerUid, out, 4);
    out[20] = (byte) folderType;
    out[21] = (byte) (folderType >>> 8);
    Guids.write(databaseGuid, out, 22);
    counter.write(out, 38);
    return out;
  }

  private static boolean isFolderType(int type) {
    return type == PRIVATE_FOLDER || type == PUBLIC_FOLDER || type == WACKY_FOLDER || type == PUBLIC_FOLDER_BY_NAME;
  }
}

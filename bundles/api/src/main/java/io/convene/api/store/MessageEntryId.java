package io.convene.api.store;

import java.util.Objects;
import java.util.UUID;

/**
 * A Message EntryID (MS-OXCDATA 2.2.4.2): how PidTagEntryId names a message. 70 bytes on the wire:
 *
 * <pre>
 * Flags                  4 bytes  0x00000000
 * ProviderUID           16 bytes  the mailbox GUID (private store)
 * MessageType            2 bytes  little-endian, e.g. 0x0007 eitLTPrivateMessage
 * FolderDatabaseGuid    16 bytes  the replica GUID of the folder id
 * FolderGlobalCounter    6 bytes  big-endian
 * Pad                    2 bytes  0x0000
 * MessageDatabaseGuid   16 bytes  the replica GUID of the message id
 * MessageGlobalCounter   6 bytes  big-endian
 * Pad                    2 bytes  0x0000
 * </pre>
 *
 * @param providerUid the store's provider UID: for a private mailbox its mailbox GUID
 * @param messageType one of the message types of MS-OXCDATA 2.2.4 ({@link #PRIVATE_MESSAGE}...)
 * @param folderDatabaseGuid the replica GUID of the folder holding the message
 * @param folderCounter the folder id's global counter
 * @param messageDatabaseGuid the replica GUID of the message id
 * @param messageCounter the message id's global counter
 * @since 1.2
 */
public record MessageEntryId(UUID providerUid, int messageType, UUID folderDatabaseGuid, GlobalCounter folderCounter,
    UUID messageDatabaseGuid, GlobalCounter messageCounter) {

  /** Size on the wire, the only size a Message EntryID has. */
  public static final int SIZE = 70;

  /** eitLTPrivateMessage: a message of a private mailbox. */
  public static final int PRIVATE_MESSAGE = 0x0007;

  /** eitLTPublicMessage: a message of a public folder store. */
  public static final int PUBLIC_MESSAGE = 0x0009;

  /** eitLTWackyMessage: a message of a mapped public folder. */
  public static final int WACKY_MESSAGE = 0x000B;

  /** eitLTPublicMessageByName: a public folder message given by name. */
  public static final int PUBLIC_MESSAGE_BY_NAME = 0x000D;

  public MessageEntryId {
    Objects.requireNonNull(providerUid, "providerUid");
    Objects.requireNonNull(folderDatabaseGuid, "folderDatabaseGuid");
    Objects.requireNonNull(folderCounter, "folderCounter");
    Objects.requireNonNull(messageDatabaseGuid, "messageDatabaseGuid");
    Objects.requireNonNull(messageCounter, "messageCounter");
    if (!isMessageType(messageType)) {
      throw new IllegalArgumentException("not a message type of MS-OXCDATA 2.2.4: 0x" + Integer.toHexString(messageType));
    }
  }

  /** The entry id of a message of a private mailbox whose (single) replica GUID is {@code replicaGuid}. */
  public static MessageEntryId ofPrivateMessage(UUID mailboxGuid, UUID replicaGuid, FolderId folder, MessageId message) {
    return new MessageEntryId(mailboxGuid, PRIVATE_MESSAGE, replicaGuid, folder.counter(), replicaGuid, message.counter());
  }

  /**
   * Reads a Message EntryID.
   *
   * @throws StoreValueFormatException unless {@code bytes} is 70 bytes with zero flags and pads and
   *     a message type
   */
  public static MessageEntryId parse(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new StoreValueFormatException("a Message EntryID has " + SIZE + " bytes, not " + bytes.length);
    }
    if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0 || bytes[3] != 0) {
      throw new StoreValueFormatException("a Message EntryID's flags must be 0");
    }
    int messageType = (bytes[20] & 0xFF) | (bytes[21] & 0xFF) << 8;
    if (!isMessageType(messageType)) {
      throw new StoreValueFormatException("not a message type: 0x" + Integer.toHexString(messageType));
    }
    if (bytes[44] != 0 || bytes[45] != 0 || bytes[68] != 0 || bytes[69] != 0) {
      throw new StoreValueFormatException("a Message EntryID's pads must be 0");
    }
    return new MessageEntryId(Guids.fromBytes(bytes, 4), messageType, Guids.fromBytes(bytes, 22),
        GlobalCounter.fromBytes(bytes, 38), Guids.fromBytes(bytes, 46), GlobalCounter.fromBytes(bytes, 62));
  }

  /** The 70-byte wire form. */
  public byte[] toBytes() {
    byte[] out = new byte[SIZE];
    Guids.write(providerUid, out, 4);
    out[20] = (byte) messageType;
    out[21] = (byte) (messageType >>> 8);
    Guids.write(folderDatabaseGuid, out, 22);
    folderCounter.write(out, 38);
    Guids.write(messageDatabaseGuid, out, 46);
    messageCounter.write(out, 62);
    return out;
  }

  private static boolean isMessageType(int type) {
    return type == PRIVATE_MESSAGE || type == PUBLIC_MESSAGE || type == WACKY_MESSAGE || type == PUBLIC_MESSAGE_BY_NAME;
  }
}

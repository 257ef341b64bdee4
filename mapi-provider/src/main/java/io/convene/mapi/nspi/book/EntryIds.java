package io.convene.mapi.nspi.book;

import io.convene.api.store.Guids;
import io.convene.mapi.codec.LittleEndianWriter;
import java.util.UUID;

/**
 * Address book entry ids (MS-OXNSPI 2.2.9): the permanent form names an object by its DN and is
 * valid everywhere; the ephemeral form names it by its MId and is valid only with the NSPI server
 * whose GUID it carries.
 */
public final class EntryIds {

  /** GUID_NSPI (MS-OXNSPI 2.2.1.10), also the PidTagMappingSignature of every object. */
  public static final UUID GUID_NSPI = UUID.fromString("c840a7dc-42c0-1a10-b4b9-08002b2fe182");

  private EntryIds() {}

  /** PermanentEntryID (2.2.9.3): IDType 0x00, R1-R3 0, GUID_NSPI, R4 1, DisplayType, DN. */
  public static byte[] permanent(int displayType, String dn) {
    LittleEndianWriter out = new LittleEndianWriter(28 + dn.length() + 1);
    out.u8(0x00).u8(0).u8(0).u8(0).bytes(Guids.toBytes(GUID_NSPI)).u32(1).u32(displayType);
    return out.asciiz(dn).toByteArray();
  }

  /** EphemeralEntryID (2.2.9.2): IDType 0x87, R1-R3 0, the server GUID, R4 1, DisplayType, MId. */
  public static byte[] ephemeral(UUID serverGuid, int displayType, int mid) {
    LittleEndianWriter out = new LittleEndianWriter(32);
    out.u8(0x87).u8(0).u8(0).u8(0).bytes(Guids.toBytes(serverGuid)).u32(1).u32(displayType);
    return out.u32(mid & 0xffffffffL).toByteArray();
  }
}

package io.convene.mapiclient.nspi;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import java.util.Arrays;

/**
 * An address book entry id (MS-OXNSPI 2.2.9): the permanent form (IDType 0x00, GUID_NSPI, the
 * object's DN) or the ephemeral form (IDType 0x87, the server's GUID, the object's MId). Fields
 * of the other form are null / 0.
 */
public record EntryId(int idType, byte[] providerUid, int displayType, String distinguishedName, int mid) {

  public static final int PERMANENT = 0x00;
  public static final int EPHEMERAL = 0x87;
  public static final int MAX_DN = 1024;

  public boolean isPermanent() {
    return idType == PERMANENT;
  }

  /** IDType, R1, R2, R3, ProviderUID, R4 (0x00000001), DisplayType, then DN (permanent) or MId (ephemeral). */
  public static EntryId parse(byte[] bytes) throws MapiWireException {
    WireReader in = new WireReader(bytes);
    int type = in.u8("IDType");
    in.skip(3, "R1..R3");
    byte[] provider = in.bytes(16, "ProviderUID");
    int r4 = in.i32("R4");
    if (r4 != 1) {
      throw new MapiWireException("entry id R4 0x" + Integer.toHexString(r4) + ", expected 0x00000001");
    }
    int displayType = in.i32("DisplayType");
    EntryId id;
    if (type == PERMANENT) {
      if (in.remaining() > MAX_DN) {
        throw new MapiWireException("entry id DN longer than " + MAX_DN + " bytes");
      }
      id = new EntryId(type, provider, displayType, in.asciiz("DistinguishedName"), 0);
    } else if (type == EPHEMERAL) {
      id = new EntryId(type, provider, displayType, null, in.i32("MId"));
    } else {
      throw new MapiWireException("entry id IDType 0x" + Integer.toHexString(type));
    }
    if (in.remaining() != 0) {
      throw new MapiWireException(in.remaining() + " bytes after the entry id");
    }
    return id;
  }

  public boolean fromNspiProvider() {
    return Arrays.equals(providerUid, Nspi.GUID_NSPI);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EntryId e && e.idType == idType && Arrays.equals(e.providerUid, providerUid)
        && e.displayType == displayType && java.util.Objects.equals(e.distinguishedName, distinguishedName) && e.mid == mid;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(idType, Arrays.hashCode(providerUid), displayType, distinguishedName, mid);
  }
}

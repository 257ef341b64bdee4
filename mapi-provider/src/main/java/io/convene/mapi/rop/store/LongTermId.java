package io.convene.mapi.rop.store;

import io.convene.api.store.GlobalCounter;
import io.convene.api.store.Guids;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.Objects;
import java.util.UUID;

/**
 * LongTermID (MS-OXCDATA 2.2.1.3.1): the replica GUID in place of the 16-bit replica id, then the
 * 6-byte global counter and 2 bytes of padding, 24 bytes in all.
 */
public record LongTermId(UUID databaseGuid, GlobalCounter counter) {

  public static final int SIZE = 24;

  public LongTermId {
    Objects.requireNonNull(databaseGuid, "databaseGuid");
    Objects.requireNonNull(counter, "counter");
  }

  public static LongTermId read(LittleEndianReader in) throws WireFormatException {
    UUID guid = Guids.fromBytes(in.bytes(Guids.SIZE, "DatabaseGuid"));
    GlobalCounter counter = GlobalCounter.fromBytes(in.bytes(GlobalCounter.SIZE, "GlobalCounter"), 0);
    int pad = in.u16("Pad");
    if (pad != 0) {
      throw new WireFormatException("LongTermID Pad is 0x" + Integer.toHexString(pad) + ", not zero");
    }
    return new LongTermId(guid, counter);
  }

  public void write(LittleEndianWriter out) {
    out.bytes(Guids.toBytes(databaseGuid)).bytes(counter.toBytes()).u16(0);
  }
}

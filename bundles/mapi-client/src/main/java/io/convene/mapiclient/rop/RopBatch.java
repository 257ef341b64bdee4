package io.convene.mapiclient.rop;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The ROP buffer of one Execute (MS-OXCROPS 2.2.1): RopSize, the ROP requests and the server object
 * handle table. Slots are handle-table indexes: {@link #input} puts a handle the server gave
 * earlier, {@link #output} reserves a slot for a handle the server will return.
 */
public final class RopBatch {

  /** MS-OXCROPS 2.2.1: a slot the server fills. */
  public static final int NEW_HANDLE = 0xFFFFFFFF;
  /** RopSize is 16-bit and counts itself. */
  private static final int MAX_ROP_SIZE = 0xFFFF;

  private final List<Integer> handles = new ArrayList<>();
  private final List<Rop<?>> rops = new ArrayList<>();

  /** A ticket to read one ROP's response from the {@link RopResults}. */
  public record Ticket<R>(int index, Rop<R> rop) {}

  public int input(int serverHandle) {
    handles.add(serverHandle);
    return handles.size() - 1;
  }

  public int output() {
    return input(NEW_HANDLE);
  }

  public <R> Ticket<R> add(Rop<R> rop) {
    rops.add(rop);
    return new Ticket<>(rops.size() - 1, rop);
  }

  public byte[] encode() {
    WireWriter body = new WireWriter();
    rops.forEach(rop -> rop.writeRequest(body));
    int ropSize = body.size() + 2;
    if (ropSize > MAX_ROP_SIZE) {
      throw new IllegalStateException("ROP requests of " + ropSize + " bytes do not fit RopSize");
    }
    WireWriter out = new WireWriter().u16(ropSize).bytes(body.toByteArray());
    handles.forEach(out::i32);
    return out.toByteArray();
  }

  /**
   * Reads one response ROP buffer: a response for each ROP that has one, in request order, then the
   * handle table. A RopBufferTooSmall (0xFF) ends the list; the ROPs after it count as unanswered.
   */
  public RopResults decode(byte[] payload) throws MapiWireException {
    WireReader in = new WireReader(payload);
    int ropSize = in.u16("RopSize");
    if (ropSize < 2 || ropSize > payload.length) {
      throw new MapiWireException("RopSize " + ropSize + " outside the " + payload.length + "-byte buffer");
    }
    WireReader list = new WireReader(payload, 2, ropSize - 2);
    List<RopResults.Result> results = new ArrayList<>(rops.size());
    boolean tooSmall = false;
    for (Rop<?> rop : rops) {
      if (!rop.hasResponse() || tooSmall) {
        results.add(null);
        continue;
      }
      int ropId = list.u8("RopId");
      if (ropId == 0xFF) {
        int sizeNeeded = list.u16("SizeNeeded");
        list.skip(list.remaining(), "RequestBuffers");
        tooSmall = true;
        results.add(new RopResults.Result(0xFF, ErrorCodes.BUFFER_TOO_SMALL, -1, sizeNeeded));
        continue;
      }
      if (ropId != rop.ropId()) {
        throw new MapiWireException(String.format("response RopId 0x%02X where 0x%02X was expected", ropId, rop.ropId()));
      }
      int handleIndex = list.u8("handle index");
      int returnValue = list.i32("ReturnValue");
      Object response = returnValue == 0 ? rop.readResponse(list) : null;
      results.add(new RopResults.Result(ropId, returnValue, handleIndex, response));
    }
    if (list.remaining() != 0) {
      throw new MapiWireException(list.remaining() + " bytes left in the ROP list after the last response");
    }
    int tableBytes = payload.length - ropSize;
    if (tableBytes % 4 != 0) {
      throw new MapiWireException("handle table of " + tableBytes + " bytes is not a multiple of 4");
    }
    WireReader table = new WireReader(payload, ropSize, tableBytes);
    int[] serverHandles = new int[tableBytes / 4];
    for (int i = 0; i < serverHandles.length; i++) {
      serverHandles[i] = table.i32("ServerObjectHandleTable");
    }
    return new RopResults(results, serverHandles);
  }
}

package io.convene.mapi.rop;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ROP engine: parses a ROP input buffer (RopSize, RopsList, ServerObjectHandleTable), runs each
 * request through its {@link RopDefinition} and builds the output buffer (MS-OXCROPS 2.2.1,
 * 3.2.5.1, 3.2.5.2).
 *
 * <p>The whole request list is decoded before anything runs, so a buffer that cannot be parsed,
 * including one with a RopId nobody defined (its length is unknown, MS-OXCROPS 2.2.2), fails as a
 * whole with {@link ErrorCodes#RPC_FORMAT} and changes nothing. A defined ROP without a handler
 * gets {@link ErrorCodes#NOT_SUPPORTED} and the following ROPs still run. When a response does not
 * fit, the output ends with RopBufferTooSmall carrying the requests not answered (MS-OXCROPS
 * 2.2.15.1). A handler that runs before its response turns out too large has already acted, so
 * handlers that change state size their responses to {@link RopCall#remainingOutput()}.
 */
public final class RopDispatcher implements RopEngine {

  private static final Logger LOG = LoggerFactory.getLogger(RopDispatcher.class);
  /** RopSize is 16 bits, so no output buffer is longer. */
  public static final int MAX_OUTPUT = 0xffff;

  private final RopRegistry registry;
  private final RopSessionLimits limits;

  public RopDispatcher(RopRegistry registry, RopSessionLimits limits) {
    this.registry = registry;
    this.limits = limits;
  }

  @Override
  public RopSessionState newSession(String accountId) {
    return new RopSessionState(accountId, limits);
  }

  @Override
  public void close(RopSessionState session) {
    session.clear();
  }

  private record Parsed(RopDefinition<?> definition, RopRequest request, int start) {}

  @Override
  public byte[] execute(RopSessionState session, byte[] input, int maxOutput)
      throws RopBufferException {
    session.beginExecute();
    LittleEndianReader reader = new LittleEndianReader(input);
    int ropSize;
    try {
      ropSize = reader.u16("RopSize");
    } catch (WireFormatException e) {
      throw new RopBufferException(ErrorCodes.RPC_FORMAT, e.getMessage());
    }
    if (ropSize < 2 || ropSize > input.length) {
      throw new RopBufferException(
          ErrorCodes.RPC_FORMAT, "RopSize " + ropSize + " does not fit a buffer of " + input.length);
    }
    int tableBytes = input.length - ropSize;
    if (tableBytes % 4 != 0 || tableBytes / 4 > limits.maxHandleTableEntries()) {
      throw new RopBufferException(
          ErrorCodes.RPC_FORMAT, "server object handle table of " + tableBytes + " bytes");
    }
    int[] handleTable = readHandleTable(input, ropSize, tableBytes / 4);
    List<Parsed> requests = parse(input, ropSize);

    int budget = Math.min(maxOutput, MAX_OUTPUT) - 2 - tableBytes;
    if (budget < 0) {
      throw new RopBufferException(
          ErrorCodes.BUFFER_TOO_SMALL, "the handle table alone exceeds " + maxOutput + " bytes");
    }
    LittleEndianWriter out = new LittleEndianWriter(Math.max(64, Math.min(budget, 4096)));
    out.u16(0);
    LittleEndianWriter scratch = new LittleEndianWriter();
    for (int i = 0; i < requests.size(); i++) {
      Parsed parsed = requests.get(i);
      scratch.truncate(0);
      int room = budget - (out.size() - 2);
      run(session, parsed, handleTable, scratch, room);
      if (scratch.size() > room) {
        tooSmall(out, input, parsed.start(), ropSize, budget, scratch.size());
        break;
      }
      out.bytes(scratch.toByteArray());
    }
    out.patchU16(0, out.size());
    for (int handle : handleTable) {
      out.u32(handle & 0xffffffffL);
    }
    return out.toByteArray();
  }

  private static int[] readHandleTable(byte[] input, int offset, int count) {
    int[] table = new int[count];
    LittleEndianReader reader = new LittleEndianReader(input, offset, count * 4);
    try {
      for (int i = 0; i < count; i++) {
        table[i] = (int) reader.u32("handle");
      }
    } catch (WireFormatException e) {
      throw new IllegalStateException("length checked above", e);
    }
    return table;
  }

  private List<Parsed> parse(byte[] input, int ropSize) throws RopBufferException {
    LittleEndianReader rops = new LittleEndianReader(input, 2, ropSize - 2);
    List<Parsed> requests = new ArrayList<>();
    try {
      while (rops.hasRemaining()) {
        int start = rops.position();
        RopHeader header =
            new RopHeader(rops.u8("RopId"), rops.u8("LogonId"), rops.u8("InputHandleIndex"));
        Optional<RopDefinition<?>> definition = registry.find(header.ropId());
        if (definition.isEmpty()) {
          throw new RopBufferException(
              ErrorCodes.RPC_FORMAT,
              "unknown RopId 0x" + Integer.toHexString(header.ropId()) + " at offset " + start);
        }
        RopRequest request = definition.get().decoder().decode(header, rops);
        requests.add(new Parsed(definition.get(), request, start));
      }
    } catch (WireFormatException e) {
      throw new RopBufferException(ErrorCodes.RPC_FORMAT, e.getMessage());
    }
    return requests;
  }

  private void run(
      RopSessionState session,
      Parsed parsed,
      int[] handleTable,
      LittleEndianWriter scratch,
      int room) {
    RopRequest request = parsed.request();
    session.beginRop(request.header().ropId());
    RopCall call = new RopCall(session, request.header(), handleTable, scratch, room);
    try {
      Optional<? extends RopHandler<?>> handler = parsed.definition().handler();
      if (handler.isEmpty()) {
        throw new RopException(
            ErrorCodes.NOT_SUPPORTED, parsed.definition().name() + " is not implemented");
      }
      invoke(handler.get(), request, call);
    } catch (RopException e) {
      LOG.debug("{} failed: {}", parsed.definition().name(), e.getMessage());
      failure(scratch, request, e.errorCode());
    } catch (RuntimeException e) {
      LOG.error("{} failed in the server", parsed.definition().name(), e);
      failure(scratch, request, ErrorCodes.GENERAL_FAILURE);
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends RopRequest> void invoke(
      RopHandler<R> handler, RopRequest request, RopCall call) throws RopException {
    handler.handle((R) request, call);
  }

  /** The failure layout shared by all ROP responses: RopId, handle index, ReturnValue. */
  private static void failure(LittleEndianWriter scratch, RopRequest request, int errorCode) {
    scratch.truncate(0);
    if (request.hasResponse()) {
      scratch.u8(request.header().ropId()).u8(request.responseHandleIndex()).u32(errorCode & 0xffffffffL);
    }
  }

  private static void tooSmall(
      LittleEndianWriter out, byte[] input, int start, int ropSize, int budget, int needed)
      throws RopBufferException {
    int pending = ropSize - start;
    int sizeNeeded = Math.min(MAX_OUTPUT, out.size() + needed);
    if (out.size() - 2 + 3 + pending > budget) {
      throw new RopBufferException(
          ErrorCodes.BUFFER_TOO_SMALL, "no room for RopBufferTooSmall with " + pending + " bytes");
    }
    out.u8(RopIds.BUFFER_TOO_SMALL).u16(sizeNeeded).bytes(Arrays.copyOfRange(input, start, ropSize));
  }
}

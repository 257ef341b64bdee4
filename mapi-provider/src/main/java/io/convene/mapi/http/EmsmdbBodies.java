package io.convene.mapi.http;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/**
 * The binary request and response bodies of the mailbox endpoint (MS-OXCMAPIHTTP 2.2.4.1-2.2.4.4).
 * Decoders read through the bounded reader, enforce {@link EmsmdbLimits} and reject trailing
 * bytes; every length field is checked before anything is allocated.
 */
public final class EmsmdbBodies {

  private EmsmdbBodies() {}

  /** 2.2.4.1.1 Connect request body. */
  public record ConnectRequest(
      String userDn, long flags, long defaultCodePage, long lcidSort, long lcidString, byte[] aux) {}

  /** 2.2.4.1.2 Connect response body (StatusCode is always 0 when X-ResponseCode is 0). */
  public record ConnectResponse(
      long errorCode,
      long maxPollingIntervalMillis,
      long maxRetryCount,
      long retryDelayMillis,
      String dnPrefix,
      String displayName,
      byte[] aux) {}

  /** 2.2.4.2.1 Execute request body. */
  public record ExecuteRequest(long flags, byte[] ropBuffer, long maxRopOut, byte[] aux) {
    /** Flags bits (MS-OXCRPC 3.1.4.2 pulFlags). */
    public static final int NO_COMPRESSION = 0x1;

    public static final int NO_XOR_MAGIC = 0x2;
    public static final int CHAIN = 0x4;
  }

  /** 2.2.4.2.2 Execute response body. */
  public record ExecuteResponse(long errorCode, long flags, byte[] ropBuffer, byte[] aux) {}

  /** 2.2.4.3.1 Disconnect request body. */
  public record DisconnectRequest(byte[] aux) {}

  /** 2.2.4.4.1 NotificationWait request body. */
  public record NotificationWaitRequest(long flags, byte[] aux) {}

  public static ConnectRequest decodeConnect(byte[] body, EmsmdbLimits limits)
      throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(body);
    ConnectRequest request =
        new ConnectRequest(
            in.asciiz(limits.maxUserDn(), "UserDn"),
            in.u32("Flags"),
            in.u32("DefaultCodePage"),
            in.u32("LcidSort"),
            in.u32("LcidString"),
            aux(in, limits));
    end(in);
    return request;
  }

  public static ExecuteRequest decodeExecute(byte[] body, EmsmdbLimits limits)
      throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(body);
    long flags = in.u32("Flags");
    int ropSize = in.count32("RopBufferSize", limits.maxRopIn());
    byte[] rops = in.bytes(ropSize, "RopBuffer");
    ExecuteRequest request = new ExecuteRequest(flags, rops, in.u32("MaxRopOut"), aux(in, limits));
    end(in);
    return request;
  }

  public static DisconnectRequest decodeDisconnect(byte[] body, EmsmdbLimits limits)
      throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(body);
    DisconnectRequest request = new DisconnectRequest(aux(in, limits));
    end(in);
    return request;
  }

  public static NotificationWaitRequest decodeNotificationWait(byte[] body, EmsmdbLimits limits)
      throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(body);
    NotificationWaitRequest request = new NotificationWaitRequest(in.u32("Flags"), aux(in, limits));
    end(in);
    return request;
  }

  public static byte[] encode(ConnectResponse response) {
    LittleEndianWriter out = new LittleEndianWriter();
    out.u32(0)
        .u32(response.errorCode())
        .u32(response.maxPollingIntervalMillis())
        .u32(response.maxRetryCount())
        .u32(response.retryDelayMillis())
        .asciiz(response.dnPrefix())
        .utf16z(response.displayName());
    return withAux(out, response.aux());
  }

  public static byte[] encode(ExecuteResponse response) {
    LittleEndianWriter out = new LittleEndianWriter(response.ropBuffer().length + 32);
    out.u32(0)
        .u32(response.errorCode())
        .u32(response.flags())
        .u32(response.ropBuffer().length)
        .bytes(response.ropBuffer());
    return withAux(out, response.aux());
  }

  /** 2.2.4.3.2 Disconnect response body. */
  public static byte[] encodeDisconnect(long errorCode) {
    return withAux(new LittleEndianWriter().u32(0).u32(errorCode), new byte[0]);
  }

  /** 2.2.4.4.2 NotificationWait response body. */
  public static byte[] encodeNotificationWait(long errorCode, boolean eventPending) {
    return withAux(
        new LittleEndianWriter().u32(0).u32(errorCode).u32(eventPending ? 1 : 0), new byte[0]);
  }

  private static byte[] aux(LittleEndianReader in, EmsmdbLimits limits) throws WireFormatException {
    int size = in.count32("AuxiliaryBufferSize", limits.maxAuxIn());
    return in.bytes(size, "AuxiliaryBuffer");
  }

  private static void end(LittleEndianReader in) throws WireFormatException {
    if (in.hasRemaining()) {
      throw new WireFormatException(in.remaining() + " bytes after the request body");
    }
  }

  private static byte[] withAux(LittleEndianWriter out, byte[] aux) {
    return out.u32(aux.length).bytes(aux).toByteArray();
  }
}

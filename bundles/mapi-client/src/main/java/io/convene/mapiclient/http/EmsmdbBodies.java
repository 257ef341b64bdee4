package io.convene.mapiclient.http;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;

/** Request and response bodies of the mailbox endpoint (MS-OXCMAPIHTTP 2.2.4.1-2.2.4.3). */
public final class EmsmdbBodies {

  /** Execute request Flags (2.2.4.2.1). */
  public static final int FLAG_NO_COMPRESSION = 0x00000001;
  public static final int FLAG_NO_XOR_MAGIC = 0x00000002;
  public static final int FLAG_CHAIN = 0x00000004;

  /** Bounds every size field the client decodes. */
  public static final int MAX_BUFFER = 16 * 1024 * 1024;

  private EmsmdbBodies() {}

  /** 2.2.4.1.1: UserDn, Flags, DefaultCodePage, LcidSort, LcidString, AuxiliaryBufferSize, AuxiliaryBuffer. */
  public static byte[] connectRequest(String userDn, int codePage, int lcidSort, int lcidString) {
    return new WireWriter().asciiz(userDn).i32(0).i32(codePage).i32(lcidSort).i32(lcidString).i32(0).toByteArray();
  }

  /** 2.2.4.1.2 success (StatusCode 0) or 2.2.4.1.3 failure. */
  public record ConnectResponse(
      int statusCode, int errorCode, int maxPollingInterval, int maxRetryCount, int retryInterval, String dnPrefix,
      String displayName, byte[] auxiliary) {}

  public static ConnectResponse connectResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      byte[] aux = in.bytes(in.u32Bounded("AuxiliaryBufferSize", MAX_BUFFER), "AuxiliaryBuffer");
      end(in, "Connect failure response");
      return new ConnectResponse(status, 0, 0, 0, 0, null, null, aux);
    }
    int error = in.i32("ErrorCode");
    int polling = in.i32("MaxPollingInterval");
    int retries = in.i32("MaxRetryCount");
    int retryInterval = in.i32("RetryInterval");
    String prefix = in.asciiz("DnPrefix");
    String name = in.utf16z("DisplayName");
    byte[] aux = in.bytes(in.u32Bounded("AuxiliaryBufferSize", MAX_BUFFER), "AuxiliaryBuffer");
    end(in, "Connect response");
    return new ConnectResponse(status, error, polling, retries, retryInterval, prefix, name, aux);
  }

  /** 2.2.4.2.1: Flags, RopBufferSize, RopBuffer, MaxRopOut, AuxiliaryBufferSize, AuxiliaryBuffer. */
  public static byte[] executeRequest(int flags, byte[] ropBuffer, int maxRopOut) {
    return new WireWriter().i32(flags).i32(ropBuffer.length).bytes(ropBuffer).i32(maxRopOut).i32(0).toByteArray();
  }

  public record ExecuteResponse(int statusCode, int errorCode, int flags, byte[] ropBuffer, byte[] auxiliary) {}

  public static ExecuteResponse executeResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      byte[] aux = in.bytes(in.u32Bounded("AuxiliaryBufferSize", MAX_BUFFER), "AuxiliaryBuffer");
      end(in, "Execute failure response");
      return new ExecuteResponse(status, 0, 0, null, aux);
    }
    int error = in.i32("ErrorCode");
    int flags = in.i32("Flags");
    byte[] rops = in.bytes(in.u32Bounded("RopBufferSize", MAX_BUFFER), "RopBuffer");
    byte[] aux = in.bytes(in.u32Bounded("AuxiliaryBufferSize", MAX_BUFFER), "AuxiliaryBuffer");
    end(in, "Execute response");
    return new ExecuteResponse(status, error, flags, rops, aux);
  }

  /** 2.2.4.3.1: AuxiliaryBufferSize, AuxiliaryBuffer. */
  public static byte[] disconnectRequest() {
    return new WireWriter().i32(0).toByteArray();
  }

  public record DisconnectResponse(int statusCode, int errorCode) {}

  public static DisconnectResponse disconnectResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    int error = status == 0 ? in.i32("ErrorCode") : 0;
    in.bytes(in.u32Bounded("AuxiliaryBufferSize", MAX_BUFFER), "AuxiliaryBuffer");
    end(in, "Disconnect response");
    return new DisconnectResponse(status, error);
  }

  private static void end(WireReader in, String what) throws MapiWireException {
    if (in.remaining() != 0) {
      throw new MapiWireException(what + ": " + in.remaining() + " bytes after the last field");
    }
  }
}

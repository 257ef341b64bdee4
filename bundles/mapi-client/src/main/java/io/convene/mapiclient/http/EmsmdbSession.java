package io.convene.mapiclient.http;

import io.convene.mapiclient.rop.RopBatch;
import io.convene.mapiclient.rop.RopResults;
import io.convene.mapiclient.wire.ExtendedBuffer;
import io.convene.mapiclient.wire.MapiWireException;
import java.io.IOException;
import java.util.List;

/**
 * One session with the mailbox endpoint (MS-OXCMAPIHTTP 3.1.5): Connect sets the session context
 * and sequence cookies, each Execute carries one ROP buffer in an RPC_HEADER_EXT, Disconnect ends
 * the session. Not thread-safe (one request at a time per session, as the protocol requires).
 */
public final class EmsmdbSession implements AutoCloseable {

  /** How the client frames its ROP buffers and what it lets the server do with the responses. */
  public record Options(boolean compress, boolean obfuscate, int maxRopOut) {
    public static Options plain() {
      return new Options(false, false, 0x10000);
    }

    public static Options compressedAndObfuscated() {
      return new Options(true, true, 0x10000);
    }
  }

  /**
   * What one Execute returned: the ROP results, how the server framed its answer, and the
   * RPC_HEADER_EXT flags the request went out with (compression is used only when it shrinks).
   */
  public record Executed(RopResults results, List<ExtendedBuffer.Payload> payloads, FramedResponse framed, int requestFlags) {
    public boolean requestCompressed() {
      return (requestFlags & ExtendedBuffer.FLAG_COMPRESSED) != 0;
    }

    public boolean requestObfuscated() {
      return (requestFlags & ExtendedBuffer.FLAG_XOR_MAGIC) != 0;
    }
  }

  private final MapiHttpTransport transport;
  private final Options options;
  private EmsmdbBodies.ConnectResponse connected;

  public EmsmdbSession(MapiHttpTransport transport, Options options) {
    this.transport = transport;
    this.options = options;
  }

  /** Connect (2.2.4.1) as {@code userDn}; code page 1252, locale en-US. */
  public EmsmdbBodies.ConnectResponse connect(String userDn)
      throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    MapiHttpTransport.Reply reply = transport.post("Connect", EmsmdbBodies.connectRequest(userDn, 1252, 0x0409, 0x0409));
    EmsmdbBodies.ConnectResponse response = EmsmdbBodies.connectResponse(reply.framed().body());
    if (response.statusCode() != 0 || response.errorCode() != 0) {
      throw new MapiWireException("Connect failed: StatusCode " + response.statusCode() + ", ErrorCode 0x" + Integer.toHexString(response.errorCode()));
    }
    connected = response;
    return response;
  }

  public EmsmdbBodies.ConnectResponse connected() {
    return connected;
  }

  /** One Execute of {@code batch}; the response payloads must be one ROP buffer (no Chain). */
  public Executed execute(RopBatch batch) throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    byte[] ropBuffer = ExtendedBuffer.encode(batch.encode(), options.compress(), options.obfuscate());
    int flags = (options.compress() ? 0 : EmsmdbBodies.FLAG_NO_COMPRESSION) | (options.obfuscate() ? 0 : EmsmdbBodies.FLAG_NO_XOR_MAGIC);
    MapiHttpTransport.Reply reply = transport.post("Execute", EmsmdbBodies.executeRequest(flags, ropBuffer, options.maxRopOut()));
    EmsmdbBodies.ExecuteResponse response = EmsmdbBodies.executeResponse(reply.framed().body());
    if (response.statusCode() != 0 || response.errorCode() != 0) {
      throw new MapiWireException("Execute failed: StatusCode " + response.statusCode() + ", ErrorCode 0x" + Integer.toHexString(response.errorCode()));
    }
    List<ExtendedBuffer.Payload> payloads = ExtendedBuffer.decode(response.ropBuffer(), EmsmdbBodies.MAX_BUFFER);
    if (payloads.size() != 1) {
      throw new MapiWireException("Execute response with " + payloads.size() + " payloads to an unchained request");
    }
    int requestFlags = (ropBuffer[2] & 0xFF) | (ropBuffer[3] & 0xFF) << 8;
    return new Executed(batch.decode(payloads.get(0).data()), payloads, reply.framed(), requestFlags);
  }

  /** Disconnect (2.2.4.3); the server drops the session and its cookies. */
  public EmsmdbBodies.DisconnectResponse disconnect() throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    MapiHttpTransport.Reply reply = transport.post("Disconnect", EmsmdbBodies.disconnectRequest());
    connected = null;
    return EmsmdbBodies.disconnectResponse(reply.framed().body());
  }

  public MapiHttpTransport transport() {
    return transport;
  }

  @Override
  public void close() throws Exception {
    if (connected != null) {
      disconnect();
    }
  }
}

package io.convene.mapi.rop;

/**
 * Executes ROP input buffers (MS-OXCROPS 2.2.1) for the EMSMDB transport. The transport owns one
 * {@link RopSessionState} per MAPI/HTTP session and never calls {@link #execute} concurrently for
 * the same state. Implementations are thread-safe across sessions.
 */
public interface RopEngine {

  /** Fresh ROP state for a session of {@code accountId}. */
  RopSessionState newSession(String accountId);

  /**
   * Processes one ROP input buffer.
   *
   * @param maxOutput the largest ROP output buffer the client accepts, at most 65,535
   * @return the ROP output buffer
   * @throws RopBufferException when the buffer as a whole fails (unparseable, unknown RopId, no
   *     room even for RopBufferTooSmall); the transport returns its code as the Execute ErrorCode
   */
  byte[] execute(RopSessionState session, byte[] input, int maxOutput) throws RopBufferException;

  /** Releases everything the session holds; called on Disconnect and expiry. */
  void close(RopSessionState session);
}

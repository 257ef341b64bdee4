package io.convene.mapi.rop;

/**
 * Fails a whole ROP buffer: the Execute response carries {@link #errorCode()} (e.g. {@link
 * ErrorCodes#RPC_FORMAT}) instead of a ROP output buffer. The session lives on.
 */
public final class RopBufferException extends Exception {

  private static final long serialVersionUID = 1L;
  private final int errorCode;

  public RopBufferException(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public int errorCode() {
    return errorCode;
  }
}

package io.convene.mapi.rop;

/**
 * Ends one ROP with a failure response carrying {@link #errorCode()} (MS-OXCROPS 2.2.1: RopId,
 * handle index, ReturnValue); the rest of the buffer is still processed.
 */
public final class RopException extends Exception {

  private static final long serialVersionUID = 1L;
  private final int errorCode;

  public RopException(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public int errorCode() {
    return errorCode;
  }
}

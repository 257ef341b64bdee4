package io.convene.mapi.nspi.wire;

/** Ends an NSPI request with a failing ErrorCode (MS-OXNSPI 2.2.1.2); the message goes to the log. */
public final class NspiException extends Exception {

  private static final long serialVersionUID = 1L;
  private final long errorCode;

  public NspiException(long errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public long errorCode() {
    return errorCode;
  }
}

package io.convene.mapi.http;

/** Ends a request with a non-zero X-ResponseCode; the message goes to the log, not the client. */
public final class MapiHttpException extends Exception {

  private static final long serialVersionUID = 1L;
  private final ResponseCode responseCode;

  public MapiHttpException(ResponseCode responseCode, String message) {
    super(message);
    this.responseCode = responseCode;
  }

  public ResponseCode responseCode() {
    return responseCode;
  }
}

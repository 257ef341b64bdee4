package io.convene.mapiclient.http;

/**
 * A MAPI/HTTP request the server refused: an HTTP status other than 200, or an X-ResponseCode
 * other than 0 (MS-OXCMAPIHTTP 2.2.3.3.3), with the server's diagnostic text.
 */
public final class MapiHttpException extends Exception {

  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final int responseCode;

  public MapiHttpException(int httpStatus, int responseCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.responseCode = responseCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** X-ResponseCode, or -1 when the response had none. */
  public int responseCode() {
    return responseCode;
  }
}

package io.convene.mapi.http;

/**
 * X-ResponseCode values (MS-OXCMAPIHTTP 2.2.3.3.3). Anything but {@link #SUCCESS} comes with a
 * diagnostic text body instead of a response body.
 */
public enum ResponseCode {
  SUCCESS(0, "The request was properly formatted and accepted."),
  UNKNOWN_FAILURE(1, "The request produced an unknown failure."),
  INVALID_VERB(2, "The request has an invalid verb."),
  INVALID_PATH(3, "The request has an invalid path."),
  INVALID_HEADER(4, "The request has an invalid header."),
  INVALID_REQUEST_TYPE(5, "The request has an invalid X-RequestType header."),
  INVALID_CONTEXT_COOKIE(6, "The request has an invalid session context cookie."),
  MISSING_HEADER(7, "The request has a missing required header."),
  ANONYMOUS_NOT_ALLOWED(8, "The request is anonymous, but anonymous requests are not accepted."),
  TOO_LARGE(9, "The request is too large."),
  CONTEXT_NOT_FOUND(10, "The Session Context is not found."),
  NO_PRIVILEGE(11, "The client has no privileges to the Session Context."),
  INVALID_REQUEST_BODY(12, "The request body is invalid."),
  MISSING_COOKIE(13, "The request is missing a required cookie."),
  INVALID_SEQUENCE(14, "The request has violated the sequencing requirement of one request at a time per Session Context."),
  ENDPOINT_DISABLED(15, "The endpoint is disabled."),
  INVALID_RESPONSE(16, "The response is invalid."),
  ENDPOINT_SHUTTING_DOWN(17, "The endpoint is shutting down.");

  private final int code;
  private final String text;

  ResponseCode(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }
}

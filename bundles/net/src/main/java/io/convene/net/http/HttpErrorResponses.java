package io.convene.net.http;

/** Canned responses for requests the codec refused. */
public final class HttpErrorResponses {

  private static final byte[] NO_BODY = new byte[0];

  private HttpErrorResponses() {}

  /**
   * The answer to a refused request: the exception's status, its reason phrase, {@code Connection:
   * close} and no content. The server closes the connection once it is written. The body stays
   * empty so nothing of the refused input is echoed back.
   */
  public static HttpResponse forException(HttpProtocolException e) {
    return forStatus(e.status());
  }

  /** As {@link #forException}, for a status chosen by the caller. */
  public static HttpResponse forStatus(int status) {
    return new HttpResponse(
        HttpResponseHead.of(status, HttpHeaders.of("Connection", "close")), NO_BODY);
  }
}

package io.convene.net.http;

import java.util.Objects;

/**
 * A complete response whose body is known up front. The encoder frames it with {@code
 * Content-Length}, except for 204 and 304, which have no content (RFC 9110 15.3.5, 15.4.5).
 *
 * @param head the status line and headers, without {@code Content-Length} or {@code
 *     Transfer-Encoding}; not an interim (1xx) status
 * @param body the content, empty for none; the array is not copied and must not change until
 *     written
 */
public record HttpResponse(HttpResponseHead head, byte[] body) implements HttpResponseMessage {

  public HttpResponse {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(body, "body");
    if (head.status() < 200) {
      throw new IllegalArgumentException("an interim response is sent as a bare head");
    }
    HttpResponseHead.requireNoFraming(head.headers());
    if (!hasContentLength(head.status()) && body.length > 0) {
      throw new IllegalArgumentException(head.status() + " responses have no content");
    }
  }

  /** Whether the encoder writes {@code Content-Length} for this status. */
  static boolean hasContentLength(int status) {
    return status != 204 && status != 304;
  }
}

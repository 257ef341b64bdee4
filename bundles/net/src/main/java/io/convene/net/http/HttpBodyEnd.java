package io.convene.net.http;

import java.util.Objects;

/**
 * The end of a request: every body byte has been delivered. After it the next message on the
 * connection, if any, is the {@link HttpRequestHead} of the next pipelined request.
 *
 * @param trailers the trailer section of a chunked body (RFC 9112 7.1.2), kept apart from the
 *     header section and never merged into it; empty for other bodies
 */
public record HttpBodyEnd(HttpHeaders trailers) implements HttpRequestMessage {

  /** The end of a request without trailers. */
  public static final HttpBodyEnd NO_TRAILERS = new HttpBodyEnd(HttpHeaders.EMPTY);

  public HttpBodyEnd {
    Objects.requireNonNull(trailers, "trailers");
  }
}

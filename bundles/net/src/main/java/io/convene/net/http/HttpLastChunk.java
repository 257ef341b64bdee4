package io.convene.net.http;

import java.util.Objects;

/**
 * The end of a streamed response body: the last-chunk and the trailer section (RFC 9112 7.1).
 *
 * @param trailers trailer fields, usually empty
 */
public record HttpLastChunk(HttpHeaders trailers) implements HttpResponseMessage {

  /** The end of a body without trailers. */
  public static final HttpLastChunk NO_TRAILERS = new HttpLastChunk(HttpHeaders.EMPTY);

  public HttpLastChunk {
    Objects.requireNonNull(trailers, "trailers");
  }
}

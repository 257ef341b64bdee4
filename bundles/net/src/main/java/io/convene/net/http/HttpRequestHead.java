package io.convene.net.http;

import java.util.Objects;

/**
 * The request line and header section of one request, emitted as soon as the header section is
 * complete and before any body byte, so that the server can answer {@code 100 Continue} or reject
 * early.
 *
 * <p>The decoder has already validated framing: at most one of {@link #contentLength()} and {@link
 * #chunked()} describes the body, and every field line passed the RFC 9110 5 grammar.
 *
 * @param method the method token, case-sensitive as sent, e.g. {@code PROPFIND}
 * @param target the request-target
 * @param version the protocol version
 * @param headers the header section in the order received
 * @param contentLength the body length from {@code Content-Length}, {@code 0} if the request has no
 *     body, {@code -1} if the body is chunked
 * @param chunked whether the body uses the chunked transfer coding
 * @param keepAlive whether the connection stays open after this request: HTTP/1.1 unless {@code
 *     Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive} (RFC 9112 9.3). When
 *     false the decoder ignores any bytes after this request (RFC 9112 9.6).
 * @param expectsContinue whether the client sent {@code Expect: 100-continue} on an HTTP/1.1
 *     request with a body and waits for {@link HttpResponseHead#CONTINUE} (RFC 9110 10.1.1)
 */
public record HttpRequestHead(
    String method,
    RequestTarget target,
    HttpVersion version,
    HttpHeaders headers,
    long contentLength,
    boolean chunked,
    boolean keepAlive,
    boolean expectsContinue)
    implements HttpRequestMessage {

  public HttpRequestHead {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(headers, "headers");
    if (chunked ? contentLength != -1 : contentLength < 0) {
      throw new IllegalArgumentException("contentLength " + contentLength + ", chunked " + chunked);
    }
  }

  /** Whether body parts follow this head. */
  public boolean hasBody() {
    return chunked || contentLength > 0;
  }
}

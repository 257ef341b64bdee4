package io.convene.net.http;

import java.util.Objects;

/**
 * A status line and header section (RFC 9112 4). Written on its own it is sent exactly as given,
 * with no framing header added: the caller is then responsible for framing, as {@link #chunked}
 * does, or for interim (1xx) responses and responses to {@code HEAD}. Inside an {@link
 * HttpResponse} the encoder adds {@code Content-Length}. {@code Date} and {@code Server} are left
 * to the caller.
 *
 * @param status the status code, 100-599
 * @param reason the reason phrase, possibly empty; SP, HTAB, VCHAR and obs-text only
 * @param headers the header fields in order
 */
public record HttpResponseHead(int status, String reason, HttpHeaders headers)
    implements HttpResponseMessage {

  /** The interim response telling a client that sent {@code Expect: 100-continue} to go on. */
  public static final HttpResponseHead CONTINUE =
      new HttpResponseHead(100, "Continue", HttpHeaders.EMPTY);

  public HttpResponseHead {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(headers, "headers");
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      if (c > 0xFF || !HttpGrammar.isFieldValueChar(c)) {
        throw new IllegalArgumentException("forbidden character in reason phrase");
      }
    }
  }

  /** A head with the standard reason phrase for {@code status}. */
  public static HttpResponseHead of(int status, HttpHeaders headers) {
    return new HttpResponseHead(status, HttpStatus.reasonPhrase(status), headers);
  }

  /**
   * A head for a streamed body: {@code headers} plus {@code Transfer-Encoding: chunked}. Follow it
   * with {@link HttpChunk}s and one {@link HttpLastChunk}.
   *
   * @throws IllegalArgumentException if {@code headers} already frame the body
   */
  public static HttpResponseHead chunked(int status, HttpHeaders headers) {
    requireNoFraming(headers);
    return of(
        status, HttpHeaders.builder().addAll(headers).add("Transfer-Encoding", "chunked").build());
  }

  static void requireNoFraming(HttpHeaders headers) {
    if (headers.contains("Content-Length") || headers.contains("Transfer-Encoding")) {
      throw new IllegalArgumentException("framing headers are set by the codec");
    }
  }
}

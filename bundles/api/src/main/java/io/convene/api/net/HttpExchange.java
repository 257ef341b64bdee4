package io.convene.api.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One HTTP request and the means to answer it (RFC 9110).
 *
 * <p>Header names are matched case-insensitively. The request body is read through {@link
 * #requestBody()}, which streams large bodies rather than buffering them. A response is sent
 * either whole with {@link #respond(int, String, byte[])} or streamed with {@link
 * #streamResponse(int, String)}; only one of the two may be called, once.
 */
@ProviderType
public interface HttpExchange {

  /** The request method token as sent, e.g. {@code GET}, {@code PROPFIND}. */
  String method();

  /** The decoded path of the request target, without the query, e.g. {@code /mapi/emsmdb/}. */
  String path();

  /** The raw query string without {@code ?}, or empty if there is none. */
  Optional<String> query();

  /** The first value of a request header, if present. */
  Optional<String> requestHeader(String name);

  /** All values of a request header in the order received; empty if absent. */
  List<String> requestHeaders(String name);

  /** The request body; an empty stream if the request has none. Never {@code null}. */
  InputStream requestBody();

  /** The authenticated caller, or empty on an anonymous endpoint. */
  Optional<AuthenticatedUser> user();

  /** The peer's socket address. */
  InetSocketAddress remoteAddress();

  /** Whether the request arrived over TLS. */
  boolean secure();

  /** Adds a response header; call before responding. */
  void addResponseHeader(String name, String value);

  /**
   * Sends a complete response with a {@code Content-Length}.
   *
   * @param status the status code, 100-599 excluding 1xx interim codes
   * @param contentType the media type, or {@code null} for none
   * @param body the body bytes, empty for none
   */
  void respond(int status, String contentType, byte[] body) throws IOException;

  /**
   * Starts a streamed response (chunked transfer coding). Each {@link OutputStream#flush()} sends
   * what was written so far to the client, which lets a protocol send progress parts over time;
   * {@link OutputStream#close()} ends the response.
   */
  OutputStream streamResponse(int status, String contentType) throws IOException;
}

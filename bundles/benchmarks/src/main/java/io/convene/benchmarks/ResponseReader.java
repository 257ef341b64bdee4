package io.convene.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response framed by {@code Content-Length} (RFC 9112 4, 5, 6.3) from a
 * buffered stream, leaving the stream at the start of the next response.
 *
 * <p>Deliberately small: the servers under test answer with a length-delimited body, so a chunked
 * or unframed response is rejected rather than decoded, which also catches a server that changes
 * framing under load. Lines must end in CRLF; the head is bounded so a broken peer cannot make the
 * driver buffer without end.
 */
final class ResponseReader {

  /** What the driver needs of one response. */
  record Response(int status, byte[] body, boolean keepAlive) {}

  static final int MAX_LINE = 8 * 1024;
  static final int MAX_FIELDS = 100;
  static final int MAX_BODY = 1024 * 1024;

  private final byte[] line = new byte[MAX_LINE];

  /**
   * Reads the next response.
   *
   * @throws EOFException if the stream ends before or inside the response
   * @throws MalformedResponseException if the response cannot be framed
   */
  Response read(InputStream in) throws IOException {
    String statusLine = readLine(in, true);
    int status = parseStatusLine(statusLine);
    long contentLength = -1;
    boolean keepAlive = true;
    for (int fields = 0; ; fields++) {
      String field = readLine(in, false);
      if (field.isEmpty()) {
        break;
      }
      if (fields == MAX_FIELDS) {
        throw new MalformedResponseException("more than " + MAX_FIELDS + " header fields");
      }
      int colon = field.indexOf(':');
      if (colon <= 0 || field.charAt(colon - 1) == ' ' || field.charAt(colon - 1) == '\t') {
        throw new MalformedResponseException("malformed header field: " + field);
      }
      String name = field.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = field.substring(colon + 1).strip();
      switch (name) {
        case "content-length" -> {
          long length = parseContentLength(value);
          if (contentLength >= 0 && contentLength != length) {
            throw new MalformedResponseException("conflicting Content-Length values");
          }
          contentLength = length;
        }
        case "transfer-encoding" ->
            throw new MalformedResponseException("Transfer-Encoding is not expected: " + value);
        case "connection" -> keepAlive &= !value.toLowerCase(Locale.ROOT).contains("close");
        default -> {}
      }
    }
    if (contentLength < 0) {
      // 1xx, 204 and 304 have no body (RFC 9112 6.3); anything else must say how long it is.
      if (status == 204 || status == 304) {
        return new Response(status, new byte[0], keepAlive);
      }
      throw new MalformedResponseException("no Content-Length on a " + status + " response");
    }
    if (contentLength > MAX_BODY) {
      throw new MalformedResponseException("body of " + contentLength + " bytes exceeds " + MAX_BODY);
    }
    byte[] body = in.readNBytes((int) contentLength);
    if (body.length != contentLength) {
      throw new EOFException("body ended after " + body.length + " of " + contentLength + " bytes");
    }
    return new Response(status, body, keepAlive);
  }

  private static int parseStatusLine(String statusLine) throws MalformedResponseException {
    // status-line = HTTP-version SP status-code SP [ reason-phrase ]
    if (!statusLine.startsWith("HTTP/1.1 ")
        || statusLine.length() < 12
        || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw new MalformedResponseException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = statusLine.charAt(i);
      if (c < '0' || c > '9') {
        throw new MalformedResponseException("bad status code: " + statusLine);
      }
      status = status * 10 + (c - '0');
    }
    if (status < 100) {
      throw new MalformedResponseException("bad status code: " + statusLine);
    }
    return status;
  }

  private static long parseContentLength(String value) throws MalformedResponseException {
    if (value.isEmpty() || value.length() > 18) {
      throw new MalformedResponseException("bad Content-Length: " + value);
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new MalformedResponseException("bad Content-Length: " + value);
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  private String readLine(InputStream in, boolean first) throws IOException {
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(
            first && length == 0 ? "connection closed before a response" : "response head ended early");
      }
      if (b == '\n') {
        if (length == 0 || line[length - 1] != '\r') {
          throw new MalformedResponseException("line not ended by CRLF");
        }
        return new String(line, 0, length - 1, StandardCharsets.ISO_8859_1);
      }
      if (length == MAX_LINE) {
        throw new MalformedResponseException("response head line longer than " + MAX_LINE + " bytes");
      }
      line[length++] = (byte) b;
    }
  }
}

package io.convene.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The request and response bodies every target exchanges, and the one check both servers' handlers
 * apply to what they received, so Convene and Jetty do exactly the same work per request.
 */
final class BenchPayload {

  static final String PATH = "/bench";
  static final String CONTENT_TYPE = "application/octet-stream";
  static final int SIZE = 1024;

  private static final byte[] REQUEST_BODY = pattern(SIZE, 'q');
  private static final byte[] RESPONSE_BODY = pattern(SIZE, 'r');
  private static final byte[] WRONG_SIZE = ("expected a " + SIZE + " byte body\n").getBytes(StandardCharsets.US_ASCII);

  private BenchPayload() {}

  /** The response body; callers must not modify it (servers write it as it is, shared). */
  static byte[] responseBody() {
    return RESPONSE_BODY;
  }

  /** The text of the 400 a handler sends when the request body is not the expected one. */
  static byte[] wrongSizeMessage() {
    return WRONG_SIZE;
  }

  /** Whether a server received the body the driver sends; a partial read would fail here. */
  static boolean isExpectedRequest(byte[] body) {
    return Arrays.equals(body, REQUEST_BODY);
  }

  /** Whether the client received the body the servers send. */
  static boolean isExpectedResponse(byte[] body) {
    return Arrays.equals(body, RESPONSE_BODY);
  }

  /** A keep-alive POST of the request body, head and body in one array so it goes out in one write. */
  static byte[] request(String authority) {
    byte[] head =
        ("POST " + PATH + " HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + "Content-Type: " + CONTENT_TYPE + "\r\n"
                + "Content-Length: " + SIZE + "\r\n"
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + SIZE);
    System.arraycopy(REQUEST_BODY, 0, request, head.length, SIZE);
    return request;
  }

  // Printable and position-dependent, so a shifted or truncated body does not compare equal.
  private static byte[] pattern(int size, char tag) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i % 64 == 63 ? '\n' : (i % 2 == 0 ? tag : 'a' + (i / 2) % 26));
    }
    return bytes;
  }
}

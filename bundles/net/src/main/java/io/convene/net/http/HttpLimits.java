package io.convene.net.http;

/**
 * Bounds on what the request decoder accepts and buffers for one connection.
 *
 * <p>Per connection the decoder holds at most one line (request line, field line or chunk line,
 * each within its limit below) and at most {@link #bodyPartSize()} body bytes, so memory per
 * connection is bounded by {@code max(maxRequestLine, maxHeaderBytes, maxChunkLine) + bodyPartSize}
 * plus the parsed fields of the current head.
 *
 * @param maxRequestLine longest request line in bytes without CRLF; longer answers 414
 * @param maxHeaderBytes most bytes in the field section (every field line with its CRLF and the
 *     closing empty line); more answers 431. Applies to the trailer section of a chunked body too.
 * @param maxHeaderCount most field lines in the field section; more answers 431. Applies to the
 *     trailer section too.
 * @param maxBodySize most body bytes of one request (after removing chunked framing); more answers
 *     413
 * @param bodyPartSize the body buffering threshold: a body of at most this many bytes is delivered
 *     whole as one {@link HttpBodyPart}; a larger one streams as parts of at most this size
 * @param maxChunkLine longest chunk-size line (size plus chunk extensions) in bytes without CRLF;
 *     longer answers 400
 */
public record HttpLimits(
    int maxRequestLine,
    int maxHeaderBytes,
    int maxHeaderCount,
    long maxBodySize,
    int bodyPartSize,
    int maxChunkLine) {

  /** 8 KiB request line, 64 KiB / 100 fields, 64 MiB body, 64 KiB parts, 1 KiB chunk lines. */
  public static final HttpLimits DEFAULTS =
      new HttpLimits(8 * 1024, 64 * 1024, 100, 64L * 1024 * 1024, 64 * 1024, 1024);

  public HttpLimits {
    // "GET / HTTP/1.1" is 14 bytes; anything smaller rejects every request.
    requireAtLeast("maxRequestLine", maxRequestLine, 14);
    // room for the closing CRLF and one short field line such as "Host: a"
    requireAtLeast("maxHeaderBytes", maxHeaderBytes, 16);
    requireAtLeast("maxHeaderCount", maxHeaderCount, 1);
    requireAtLeast("maxBodySize", maxBodySize, 0);
    requireAtLeast("bodyPartSize", bodyPartSize, 1);
    requireAtLeast("maxChunkLine", maxChunkLine, 1);
  }

  /** A copy with another body size limit. */
  public HttpLimits withMaxBodySize(long value) {
    return new HttpLimits(
        maxRequestLine, maxHeaderBytes, maxHeaderCount, value, bodyPartSize, maxChunkLine);
  }

  /** A copy with another body buffering threshold. */
  public HttpLimits withBodyPartSize(int value) {
    return new HttpLimits(
        maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodySize, value, maxChunkLine);
  }

  private static void requireAtLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }
}

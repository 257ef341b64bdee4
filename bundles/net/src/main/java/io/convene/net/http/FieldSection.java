package io.convene.net.http;

/**
 * Collects the field lines of a header or trailer section within {@link
 * HttpLimits#maxHeaderBytes()} and {@link HttpLimits#maxHeaderCount()}; both exceedances answer 431
 * (RFC 6585 5).
 */
final class FieldSection {

  private static final int CRLF = 2;

  private final HttpLimits limits;
  private final String what;
  private final HttpHeaders.Builder builder = HttpHeaders.builder();
  private int bytes;
  private int count;

  FieldSection(HttpLimits limits, String what) {
    this.limits = limits;
    this.what = what;
  }

  /** Prepares {@code line} for the next field line within the remaining byte budget. */
  void startLine(LineReader line) {
    line.start(Math.max(0, limits.maxHeaderBytes() - bytes - CRLF), 431, what);
  }

  /**
   * Takes a complete line.
   *
   * @return whether it was the empty line that ends the section
   */
  boolean accept(LineReader line) throws HttpProtocolException {
    bytes += line.length() + CRLF;
    if (bytes > limits.maxHeaderBytes()) {
      throw new HttpProtocolException(431, what + " larger than " + limits.maxHeaderBytes());
    }
    if (line.length() == 0) {
      return true;
    }
    if (++count > limits.maxHeaderCount()) {
      throw new HttpProtocolException(431, what + " has more than " + limits.maxHeaderCount());
    }
    builder.add(FieldLineParser.parse(line.bytes(), line.length()));
    return false;
  }

  HttpHeaders build() {
    return builder.build();
  }
}

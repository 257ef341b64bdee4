package io.convene.net.http;

import java.nio.ByteBuffer;

/**
 * Accumulates one CRLF-terminated line across buffer boundaries, within a byte limit.
 *
 * <p>Strict by design: a bare LF or a CR not followed by LF is refused with 400 rather than treated
 * as a line end (RFC 9112 2.2 lets a recipient accept bare LF; accepting it is what makes request
 * smuggling between lenient and strict parsers possible).
 */
final class LineReader {

  private static final int INITIAL_CAPACITY = 256;
  // Above this the buffer is dropped after use, so an idle connection does not keep a large one.
  private static final int RETAINED_CAPACITY = 4096;

  private byte[] buf = new byte[INITIAL_CAPACITY];
  private int length;
  private boolean sawCr;
  private int limit;
  private int overLimitStatus;
  private String what;

  /**
   * Starts a new line.
   *
   * @param limit the most content bytes the line may have, CRLF excluded
   * @param overLimitStatus the status to answer if the line is longer
   * @param what names the line in exception messages
   */
  void start(int limit, int overLimitStatus, String what) {
    if (buf.length > RETAINED_CAPACITY) {
      buf = new byte[INITIAL_CAPACITY];
    }
    this.length = 0;
    this.sawCr = false;
    this.limit = limit;
    this.overLimitStatus = overLimitStatus;
    this.what = what;
  }

  /**
   * Consumes bytes from {@code in} up to and including the line's LF.
   *
   * @return whether the line is complete; if not, {@code in} is exhausted
   */
  boolean read(ByteBuffer in) throws HttpProtocolException {
    while (in.hasRemaining()) {
      byte b = in.get();
      if (sawCr) {
        if (b != HttpGrammar.LF) {
          throw new HttpProtocolException(400, "bare CR in " + what);
        }
        sawCr = false;
        return true;
      }
      if (b == HttpGrammar.CR) {
        sawCr = true;
      } else if (b == HttpGrammar.LF) {
        throw new HttpProtocolException(400, "bare LF in " + what);
      } else {
        append(b);
      }
    }
    return false;
  }

  /** Whether part of a line has been read. */
  boolean inProgress() {
    return length > 0 || sawCr;
  }

  /** The line's content bytes; valid up to {@link #length()} until the next {@link #start}. */
  byte[] bytes() {
    return buf;
  }

  int length() {
    return length;
  }

  private void append(byte b) throws HttpProtocolException {
    if (length >= limit) {
      throw new HttpProtocolException(overLimitStatus, what + " longer than " + limit + " bytes");
    }
    if (length == buf.length) {
      byte[] grown = new byte[(int) Math.min((long) buf.length * 2, limit)];
      System.arraycopy(buf, 0, grown, 0, length);
      buf = grown;
    }
    buf[length++] = b;
  }
}

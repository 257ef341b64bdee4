package io.convene.net.http;

import org.apache.mina.filter.codec.ProtocolDecoderException;

/**
 * A request that violates RFC 9112 / RFC 9110 or exceeds an {@link HttpLimits} bound.
 *
 * <p>It carries the status code to answer with; the server sends {@link
 * HttpErrorResponses#forException(HttpProtocolException)} and then closes the connection, because
 * after a framing error the position of the next request in the byte stream is unknown.
 *
 * <p>It extends MINA's {@link ProtocolDecoderException} so that {@code ProtocolCodecFilter} hands
 * it to {@code exceptionCaught} unwrapped. MINA would otherwise attach a hex dump of the buffered
 * input to the message, and that input may hold credentials ({@code Authorization}); {@link
 * #getHexdump()} therefore reports an empty dump, which stops MINA from taking one.
 */
public final class HttpProtocolException extends ProtocolDecoderException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the 4xx or 5xx status code to answer with
   * @param detail what was wrong, for the log; must not quote header values or body bytes
   */
  public HttpProtocolException(int status, String detail) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    this.status = status;
  }

  /** The status code to answer with, 400-599. */
  public int status() {
    return status;
  }

  /** Always empty: the input is never dumped, see the class comment. */
  @Override
  public String getHexdump() {
    return "";
  }

  /** Ignored: the input is never dumped, see the class comment. */
  @Override
  public void setHexdump(String hexdump) {
    // deliberately not stored
  }
}

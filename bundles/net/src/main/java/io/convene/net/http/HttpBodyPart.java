package io.convene.net.http;

import java.util.Objects;

/**
 * A run of request body bytes with the transfer coding removed, at most {@link
 * HttpLimits#bodyPartSize()} long and never empty. A body no longer than that limit arrives as
 * exactly one part.
 *
 * <p>The array is handed over, not copied: the receiver owns it and the decoder keeps no reference.
 */
public final class HttpBodyPart implements HttpRequestMessage {

  private final byte[] bytes;

  /**
   * @param bytes the body bytes; the part takes ownership of the array
   */
  public HttpBodyPart(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** The body bytes; the same array on every call. */
  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public String toString() {
    // never the content: bodies may hold credentials or mail
    return "HttpBodyPart[" + bytes.length + " bytes]";
  }
}

package io.convene.net.http;

import java.util.Objects;

/**
 * One chunk of a streamed response body (RFC 9112 7.1), sent as soon as it is written.
 *
 * <p>The array is not copied and must not change until written.
 */
public final class HttpChunk implements HttpResponseMessage {

  private final byte[] data;

  /**
   * @param data the chunk's bytes, not empty: an empty chunk would end the body
   */
  public HttpChunk(byte[] data) {
    Objects.requireNonNull(data, "data");
    if (data.length == 0) {
      throw new IllegalArgumentException("an empty chunk would end the body; use HttpLastChunk");
    }
    this.data = data;
  }

  public byte[] data() {
    return data;
  }

  @Override
  public String toString() {
    return "HttpChunk[" + data.length + " bytes]";
  }
}

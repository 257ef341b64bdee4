package io.convene.net.http;

import java.nio.charset.StandardCharsets;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;

/**
 * Encodes {@link HttpResponseMessage}s as HTTP/1.1 (RFC 9112). Stateless and thread-safe; the
 * caller keeps the order head, chunks, last chunk. Each message, {@link HttpResponseParts} included,
 * becomes one buffer, so a chunk reaches the socket as soon as it is written.
 */
public final class HttpResponseEncoder implements ProtocolEncoder {

  private static final int HEAD_ESTIMATE = 256;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] STATUS_LINE_PREFIX = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);

  @Override
  public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
    if (!(message instanceof HttpResponseMessage response)) {
      throw new IllegalArgumentException("not an HttpResponseMessage: " + message.getClass());
    }
    out.write(encode(response).flip());
  }

  @Override
  public void dispose(IoSession session) {
    // stateless
  }

  /** The wire form of one message; the returned buffer is positioned at its end. */
  static IoBuffer encode(HttpResponseMessage message) {
    // sized for the payload up front so a large body is copied once, not regrown
    IoBuffer buf = IoBuffer.allocate(sizeEstimate(message)).setAutoExpand(true);
    if (message instanceof HttpResponseParts batch) {
      for (HttpResponseMessage part : batch.parts()) {
        encodeInto(buf, part);
      }
    } else {
      encodeInto(buf, message);
    }
    return buf;
  }

  private static int sizeEstimate(HttpResponseMessage message) {
    if (message instanceof HttpResponseParts batch) {
      int size = 0;
      for (HttpResponseMessage part : batch.parts()) {
        size += sizeEstimate(part);
      }
      return size;
    }
    int payload =
        message instanceof HttpResponse full
            ? full.body().length
            : message instanceof HttpChunk chunk ? chunk.data().length + 16 : 0;
    return (message instanceof HttpChunk ? 0 : HEAD_ESTIMATE) + payload;
  }

  private static void encodeInto(IoBuffer buf, HttpResponseMessage message) {
    if (message instanceof HttpResponse full) {
      writeHead(buf, full.head(), full.body().length);
      buf.put(full.body());
    } else if (message instanceof HttpResponseHead head) {
      writeHead(buf, head, -1);
    } else if (message instanceof HttpChunk chunk) {
      putAscii(buf, Integer.toHexString(chunk.data().length));
      buf.put(CRLF).put(chunk.data()).put(CRLF);
    } else if (message instanceof HttpLastChunk last) {
      putAscii(buf, "0");
      buf.put(CRLF);
      writeFields(buf, last.trailers());
      buf.put(CRLF);
    }
  }

  /**
   * @param contentLength the length to declare, or -1 to add no framing header
   */
  private static void writeHead(IoBuffer buf, HttpResponseHead head, long contentLength) {
    buf.put(STATUS_LINE_PREFIX);
    // status-line = HTTP-version SP status-code SP [ reason-phrase ]: the second SP stays
    putAscii(buf, Integer.toString(head.status()));
    buf.put((byte) ' ');
    putLatin1(buf, head.reason());
    buf.put(CRLF);
    writeFields(buf, head.headers());
    if (contentLength >= 0 && HttpResponse.hasContentLength(head.status())) {
      putAscii(buf, "Content-Length: " + contentLength);
      buf.put(CRLF);
    }
    buf.put(CRLF);
  }

  private static void writeFields(IoBuffer buf, HttpHeaders headers) {
    for (HttpField field : headers.fields()) {
      putAscii(buf, field.name());
      putAscii(buf, ": ");
      putLatin1(buf, field.value());
      buf.put(CRLF);
    }
  }

  private static void putAscii(IoBuffer buf, String s) {
    buf.put(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static void putLatin1(IoBuffer buf, String s) {
    // HttpField and HttpResponseHead admit only chars up to 0xFF, so this is lossless.
    buf.put(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}

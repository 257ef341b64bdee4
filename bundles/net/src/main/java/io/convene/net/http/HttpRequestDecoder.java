package io.convene.net.http;

import java.util.Objects;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes HTTP/1.1 requests (RFC 9112) into {@link HttpRequestMessage}s: per request one {@link
 * HttpRequestHead}, then the body as {@link HttpBodyPart}s of at most {@link
 * HttpLimits#bodyPartSize()} bytes, then one {@link HttpBodyEnd}. Pipelined requests follow each
 * other in that order.
 *
 * <p>Each call consumes the whole input buffer, so {@code ProtocolCodecFilter} never loops on a
 * partial message; the bytes of an unfinished line or body part are kept per session, within the
 * limits. Invalid input raises {@link HttpProtocolException} and nothing else; the session then
 * yields no further messages, and the server should answer with {@link
 * HttpErrorResponses#forException} and close.
 *
 * <p>One instance serves all sessions: the per-connection state lives in a session attribute (MINA
 * asks the codec factory for the decoder on every read, so state cannot live in the decoder).
 * Thread-safe under MINA's rule that one session is decoded by one thread at a time.
 */
public final class HttpRequestDecoder implements ProtocolDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(HttpRequestDecoder.class);

  private static final AttributeKey PARSER = new AttributeKey(HttpRequestDecoder.class, "parser");

  private final HttpLimits limits;

  public HttpRequestDecoder(HttpLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out)
      throws HttpProtocolException {
    HttpRequestParser parser = (HttpRequestParser) session.getAttribute(PARSER);
    if (parser == null) {
      parser = new HttpRequestParser(limits);
      session.setAttribute(PARSER, parser);
    }
    // IoBuffer.buf() shares the position with the IoBuffer, so consumption is visible to MINA.
    parser.parse(in.buf(), out::write);
  }

  @Override
  public void finishDecode(IoSession session, ProtocolDecoderOutput out) {
    HttpRequestParser parser = (HttpRequestParser) session.getAttribute(PARSER);
    if (parser != null && parser.midRequest()) {
      LOG.debug("Session {} closed in the middle of a request", session.getId());
    }
  }

  @Override
  public void dispose(IoSession session) {
    session.removeAttribute(PARSER);
  }
}

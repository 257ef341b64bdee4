package io.convene.net.http;

import java.util.Objects;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolEncoder;

/**
 * The HTTP/1.1 codec for a {@code ProtocolCodecFilter}: {@code new ProtocolCodecFilter(new
 * HttpCodecFactory(limits))}. Decoder and encoder are shared by all sessions.
 */
public final class HttpCodecFactory implements ProtocolCodecFactory {

  private final HttpRequestDecoder decoder;
  private final HttpResponseEncoder encoder = new HttpResponseEncoder();

  public HttpCodecFactory(HttpLimits limits) {
    this.decoder = new HttpRequestDecoder(Objects.requireNonNull(limits, "limits"));
  }

  @Override
  public ProtocolEncoder getEncoder(IoSession session) {
    return encoder;
  }

  @Override
  public ProtocolDecoder getDecoder(IoSession session) {
    return decoder;
  }
}

package io.convene.net.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.AbstractProtocolDecoderOutput;

/** Drives {@link HttpRequestDecoder} the way {@code ProtocolCodecFilter} does, on one session. */
final class DecoderDriver {

  private final HttpRequestDecoder decoder;
  private final IoSession session = new DummySession();
  private final Output out = new Output();
  private final List<HttpRequestMessage> messages = new ArrayList<>();

  DecoderDriver(HttpLimits limits) {
    this.decoder = new HttpRequestDecoder(limits);
  }

  DecoderDriver() {
    this(HttpLimits.DEFAULTS);
  }

  /** Feeds bytes as one read; the decoder must consume all of them. */
  DecoderDriver feed(byte[] bytes, int from, int to) throws HttpProtocolException {
    IoBuffer buf = IoBuffer.wrap(bytes, from, to - from);
    try {
      decoder.decode(session, buf, out);
    } finally {
      drain();
    }
    assertThat(buf.remaining()).as("bytes left unconsumed").isZero();
    return this;
  }

  DecoderDriver feed(byte[] bytes) throws HttpProtocolException {
    return feed(bytes, 0, bytes.length);
  }

  DecoderDriver feed(String latin1) throws HttpProtocolException {
    return feed(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Feeds the bytes split at the given ascending offsets. */
  DecoderDriver feedSplit(byte[] bytes, int[] cuts) throws HttpProtocolException {
    int from = 0;
    for (int cut : cuts) {
      feed(bytes, from, cut);
      from = cut;
    }
    return feed(bytes, from, bytes.length);
  }

  DecoderDriver feedByteByByte(byte[] bytes) throws HttpProtocolException {
    for (int i = 0; i < bytes.length; i++) {
      feed(bytes, i, i + 1);
    }
    return this;
  }

  /** Every message decoded so far, in order. */
  List<HttpRequestMessage> messages() {
    return messages;
  }

  /** The complete requests decoded so far. */
  List<DecodedRequest> requests() {
    return DecodedRequest.group(messages);
  }

  boolean midRequest() {
    return !messages.isEmpty() && !(messages.get(messages.size() - 1) instanceof HttpBodyEnd);
  }

  private void drain() {
    Object message;
    while ((message = out.poll()) != null) {
      messages.add((HttpRequestMessage) message);
    }
  }

  /** Collects what the decoder writes, as MINA's own output does until it flushes. */
  private static final class Output extends AbstractProtocolDecoderOutput {
    Object poll() {
      return messageQueue.poll();
    }
  }
}

package io.convene.net.http;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection RFC 9112 state machine behind {@link HttpRequestDecoder}.
 *
 * <p>It consumes every byte it is given, keeping only the current line and the current body part,
 * so any split of the input yields the same messages. After an {@link HttpProtocolException} or
 * after a request that ends the connection, it discards all further input: the next request's
 * position in the stream is then unknown or must not be served. Not thread-safe; MINA calls it for
 * one session at a time.
 */
final class HttpRequestParser {

  private static final Logger LOG = LoggerFactory.getLogger(HttpRequestParser.class);

  // RFC 9112 2.2 asks to ignore at least one empty line before a request; a few are tolerated.
  private static final int MAX_LEADING_EMPTY_LINES = 4;

  private enum State {
    REQUEST_LINE,
    HEADERS,
    FIXED_BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_DATA_CR,
    CHUNK_DATA_LF,
    TRAILERS,
    CLOSED,
    FAILED
  }

  private final HttpLimits limits;
  private final LineReader line = new LineReader();
  private final BodyAccumulator body;

  private State state;
  private int emptyLines;
  private RequestLineParser.RequestLine requestLine;
  private FieldSection fields;
  private HttpRequestHead head;
  private long bodyRemaining;
  private long bodyReceived;
  private long chunkRemaining;

  HttpRequestParser(HttpLimits limits) {
    this.limits = limits;
    this.body = new BodyAccumulator(limits.bodyPartSize());
    startRequest();
  }

  /**
   * Consumes all of {@code in}, passing each complete message to {@code out} in order.
   *
   * @throws HttpProtocolException if the input is not a valid request; the parser then ignores all
   *     further input
   */
  void parse(ByteBuffer in, Consumer<HttpRequestMessage> out) throws HttpProtocolException {
    try {
      while (in.hasRemaining()) {
        step(in, out);
      }
    } catch (HttpProtocolException e) {
      state = State.FAILED;
      body.discard();
      fields = null;
      in.position(in.limit());
      throw e;
    }
  }

  /** Whether a request has been started but not completed. */
  boolean midRequest() {
    return switch (state) {
      case REQUEST_LINE -> line.inProgress();
      case CLOSED, FAILED -> false;
      default -> true;
    };
  }

  private void step(ByteBuffer in, Consumer<HttpRequestMessage> out) throws HttpProtocolException {
    switch (state) {
      case REQUEST_LINE -> readRequestLine(in);
      case HEADERS -> readHeaderLine(in, out);
      case FIXED_BODY -> readFixedBody(in, out);
      case CHUNK_SIZE -> readChunkSize(in, out);
      case CHUNK_DATA -> readChunkData(in, out);
      case CHUNK_DATA_CR -> expectChunkDelimiter(in, HttpGrammar.CR, State.CHUNK_DATA_LF);
      case CHUNK_DATA_LF -> expectChunkDelimiter(in, HttpGrammar.LF, State.CHUNK_SIZE);
      case TRAILERS -> readTrailerLine(in, out);
      case CLOSED, FAILED -> discard(in);
    }
  }

  private void startRequest() {
    state = State.REQUEST_LINE;
    emptyLines = 0;
    requestLine = null;
    head = null;
    bodyReceived = 0;
    line.start(limits.maxRequestLine(), 414, "request line");
  }

  private void readRequestLine(ByteBuffer in) throws HttpProtocolException {
    if (!line.read(in)) {
      return;
    }
    if (line.length() == 0) {
      if (++emptyLines > MAX_LEADING_EMPTY_LINES) {
        throw new HttpProtocolException(400, "too many empty lines before the request line");
      }
      line.start(limits.maxRequestLine(), 414, "request line");
      return;
    }
    requestLine = RequestLineParser.parse(line.bytes(), line.length());
    fields = new FieldSection(limits, "header section");
    state = State.HEADERS;
    fields.startLine(line);
  }

  private void readHeaderLine(ByteBuffer in, Consumer<HttpRequestMessage> out)
      throws HttpProtocolException {
    if (!line.read(in)) {
      return;
    }
    if (!fields.accept(line)) {
      fields.startLine(line);
      return;
    }
    head = RequestHeadAssembler.assemble(requestLine, fields.build(), limits);
    fields = null;
    out.accept(head);
    if (head.chunked()) {
      startChunkSize();
    } else if (head.contentLength() > 0) {
      bodyRemaining = head.contentLength();
      state = State.FIXED_BODY;
    } else {
      endRequest(HttpBodyEnd.NO_TRAILERS, out);
    }
  }

  private void readFixedBody(ByteBuffer in, Consumer<HttpRequestMessage> out) {
    int n = (int) Math.min(in.remaining(), bodyRemaining);
    body.append(in, n, bodyRemaining, out);
    bodyRemaining -= n;
    if (bodyRemaining == 0) {
      body.flush(out);
      endRequest(HttpBodyEnd.NO_TRAILERS, out);
    }
  }

  private void startChunkSize() {
    state = State.CHUNK_SIZE;
    line.start(limits.maxChunkLine(), 400, "chunk line");
  }

  private void readChunkSize(ByteBuffer in, Consumer<HttpRequestMessage> out)
      throws HttpProtocolException {
    if (!line.read(in)) {
      return;
    }
    long size = ChunkLineParser.parseSize(line.bytes(), line.length());
    if (size > limits.maxBodySize() - bodyReceived) {
      throw new HttpProtocolException(413, "chunked body above " + limits.maxBodySize());
    }
    if (size == 0) {
      // the body is complete; only trailers follow, so hand the last part over now
      body.flush(out);
      fields = new FieldSection(limits, "trailer section");
      state = State.TRAILERS;
      fields.startLine(line);
    } else {
      chunkRemaining = size;
      state = State.CHUNK_DATA;
    }
  }

  private void readChunkData(ByteBuffer in, Consumer<HttpRequestMessage> out) {
    int n = (int) Math.min(in.remaining(), chunkRemaining);
    body.append(in, n, chunkRemaining, out);
    chunkRemaining -= n;
    bodyReceived += n;
    if (chunkRemaining == 0) {
      state = State.CHUNK_DATA_CR;
    }
  }

  private void expectChunkDelimiter(ByteBuffer in, byte expected, State next)
      throws HttpProtocolException {
    if (in.get() != expected) {
      throw new HttpProtocolException(400, "chunk data not followed by CRLF");
    }
    if (next == State.CHUNK_SIZE) {
      startChunkSize();
    } else {
      state = next;
    }
  }

  private void readTrailerLine(ByteBuffer in, Consumer<HttpRequestMessage> out)
      throws HttpProtocolException {
    if (!line.read(in)) {
      return;
    }
    if (!fields.accept(line)) {
      fields.startLine(line);
      return;
    }
    HttpHeaders trailers = fields.build();
    fields = null;
    endRequest(new HttpBodyEnd(trailers), out);
  }

  private void endRequest(HttpBodyEnd end, Consumer<HttpRequestMessage> out) {
    out.accept(end);
    if (head.keepAlive()) {
      startRequest();
    } else {
      state = State.CLOSED;
    }
  }

  private void discard(ByteBuffer in) {
    if (state == State.CLOSED) {
      // RFC 9112 9.6: no further requests are processed after a "close"
      LOG.debug("Ignoring {} bytes after the connection's last request", in.remaining());
    }
    in.position(in.limit());
  }
}

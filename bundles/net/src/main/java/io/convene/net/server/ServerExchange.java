package io.convene.net.server;

import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.HttpExchange;
import io.convene.net.http.HttpChunk;
import io.convene.net.http.HttpHeaders;
import io.convene.net.http.HttpLastChunk;
import io.convene.net.http.HttpRequestHead;
import io.convene.net.http.HttpResponse;
import io.convene.net.http.HttpResponseHead;
import io.convene.net.http.HttpResponseMessage;
import io.convene.net.http.HttpResponseParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;

/** One request on a connection and its response channel; used by one worker thread. */
final class ServerExchange implements HttpExchange {

  private static final int CHUNK_SIZE = 16 * 1024;

  private final IoSession session;
  private final HttpRequestHead head;
  private final RequestBody body;
  private final boolean secure;
  private final Clock clock;
  private final Duration writeTimeout;
  private final long startNanos = System.nanoTime();
  private final List<String[]> responseHeaders = new ArrayList<>();
  private AuthenticatedUser user;
  private boolean continueSent;
  private boolean closeAfter;
  private int status;
  private long bytesSent;
  private ChunkedStream stream;
  private boolean complete;

  ServerExchange(IoSession session, HttpRequestHead head, RequestBody body, boolean secure, Clock clock, Duration writeTimeout) {
    this.session = session;
    this.head = head;
    this.body = body;
    this.secure = secure;
    this.clock = clock;
    this.writeTimeout = writeTimeout;
    this.closeAfter = !head.keepAlive();
  }

  HttpRequestHead head() {
    return head;
  }

  RequestBody body() {
    return body;
  }

  void authenticated(AuthenticatedUser authenticated) {
    this.user = authenticated;
  }

  /** Ask for the connection to be closed after this response. */
  void closeAfterResponse() {
    closeAfter = true;
  }

  boolean closeAfter() {
    return closeAfter;
  }

  boolean responded() {
    return status != 0;
  }

  boolean complete() {
    return complete;
  }

  int status() {
    return status;
  }

  long bytesSent() {
    return bytesSent;
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public String method() {
    return head.method();
  }

  @Override
  public String path() {
    return head.target().path();
  }

  @Override
  public Optional<String> query() {
    return head.target().query();
  }

  @Override
  public Optional<String> requestHeader(String name) {
    return head.headers().first(name);
  }

  @Override
  public List<String> requestHeaders(String name) {
    return head.headers().all(name);
  }

  @Override
  public InputStream requestBody() {
    if (head.expectsContinue() && !continueSent && !body.ended()) {
      // RFC 9110 10.1.1: the client waits for this before sending the body.
      continueSent = true;
      session.write(HttpResponseHead.CONTINUE);
    }
    return body;
  }

  @Override
  public Optional<AuthenticatedUser> user() {
    return Optional.ofNullable(user);
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) session.getRemoteAddress();
  }

  @Override
  public boolean secure() {
    return secure;
  }

  @Override
  public void addResponseHeader(String name, String value) {
    if (responded()) {
      throw new IllegalStateException("the response has already been started");
    }
    if (ResponseHeaders.reserved(name)) {
      throw new IllegalArgumentException("the server sets " + name + " itself");
    }
    responseHeaders.add(new String[] {name, value});
  }

  @Override
  public void respond(int status, String contentType, byte[] content) throws IOException {
    startResponse(status);
    byte[] bytes = content == null ? new byte[0] : content;
    if ("HEAD".equals(head.method())) {
      // RFC 9110 9.3.2: the same header fields as for GET, Content-Length included, no content.
      HttpHeaders.Builder headers = headers(contentType);
      if (status != 204 && status != 304) {
        headers.add("Content-Length", Integer.toString(bytes.length));
      }
      await(session.write(HttpResponseHead.of(status, headers.build())));
    } else {
      bytesSent = bytes.length;
      await(session.write(new HttpResponse(HttpResponseHead.of(status, headers(contentType).build()), bytes)));
    }
    complete = true;
  }

  @Override
  public OutputStream streamResponse(int status, String contentType) throws IOException {
    startResponse(status);
    if ("HEAD".equals(head.method())) {
      // no content may follow a HEAD response; whatever the endpoint writes is dropped
      await(session.write(HttpResponseHead.of(status, headers(contentType).build())));
      complete = true;
      return OutputStream.nullOutputStream();
    }
    // The head waits for the first chunk (or a flush) so both go out in one write.
    stream = new ChunkedStream(HttpResponseHead.chunked(status, headers(contentType).build()));
    return stream;
  }

  /** After the endpoint returns: end a stream it left open. */
  void finishStream() throws IOException {
    if (stream != null && !complete) {
      stream.close();
    }
  }

  /**
   * After the endpoint failed: if nothing of a streamed response has gone out yet (its head waits
   * for the first chunk), forget it so an error status can still be sent.
   *
   * @return whether a response may be sent now
   */
  boolean withdrawUnsentStream() {
    if (stream == null || complete || !stream.discardIfUnsent()) {
      return !responded();
    }
    stream = null;
    status = 0;
    return true;
  }

  private void startResponse(int code) {
    if (responded()) {
      throw new IllegalStateException("a response has already been sent");
    }
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("not a final status code: " + code);
    }
    // An unread request body would be taken for the next request: close instead of guessing.
    if (!body.ended()) {
      closeAfter = true;
    }
    status = code;
  }

  private HttpHeaders.Builder headers(String contentType) {
    HttpHeaders.Builder builder = ResponseHeaders.standard(clock, closeAfter);
    if (contentType != null) {
      builder.add("Content-Type", contentType);
    }
    for (String[] header : responseHeaders) {
      builder.add(header[0], header[1]);
    }
    return builder;
  }

  private void write(HttpResponseMessage message) throws IOException {
    await(session.write(message));
  }

  private void await(WriteFuture future) throws IOException {
    if (!future.awaitUninterruptibly(writeTimeout.toMillis())) {
      session.closeNow();
      throw new IOException("response write timed out after " + writeTimeout.toMillis() + " ms");
    }
    if (!future.isWritten()) {
      Throwable cause = future.getException();
      throw new IOException("response write failed", cause);
    }
  }

  /**
   * Each flush sends what was written as one chunk; close sends the last chunk. The head goes out
   * with the first chunk, and the last data with the last chunk: a response written whole before
   * close is one write, a flushed prefix and the rest two.
   */
  private final class ChunkedStream extends OutputStream {
    private byte[] buffer = new byte[CHUNK_SIZE];
    private int count;
    private HttpResponseHead unsentHead;
    private boolean closed;

    ChunkedStream(HttpResponseHead head) {
      this.unsentHead = head;
    }

    /** Closes the stream unless its head went out (a keep-alive thread may be sending). */
    synchronized boolean discardIfUnsent() {
      if (unsentHead == null) {
        return false;
      }
      closed = true;
      count = 0;
      return true;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
      if (closed) {
        throw new IOException("the response stream is closed");
      }
      while (length > 0) {
        int n = Math.min(length, buffer.length - count);
        System.arraycopy(data, offset, buffer, count, n);
        count += n;
        offset += n;
        length -= n;
        if (count == buffer.length) {
          send(false);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      if (!closed) {
        send(false);
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      send(true);
      closed = true;
      complete = true;
    }

    /** One write: the unsent head, the buffered chunk and, when {@code last}, the last chunk. */
    private synchronized void send(boolean last) throws IOException {
      List<HttpResponseMessage> parts = new ArrayList<>(3);
      if (unsentHead != null) {
        parts.add(unsentHead);
        unsentHead = null;
      }
      if (count > 0) {
        parts.add(new HttpChunk(java.util.Arrays.copyOf(buffer, count)));
        bytesSent += count;
        count = 0;
      }
      if (last) {
        parts.add(HttpLastChunk.NO_TRAILERS);
      }
      if (parts.size() == 1) {
        ServerExchange.this.write(parts.get(0));
      } else if (!parts.isEmpty()) {
        ServerExchange.this.write(new HttpResponseParts(parts));
      }
    }
  }
}

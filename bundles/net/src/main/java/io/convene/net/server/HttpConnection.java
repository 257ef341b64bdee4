package io.convene.net.server;

import io.convene.net.http.HttpBodyEnd;
import io.convene.net.http.HttpBodyPart;
import io.convene.net.http.HttpErrorResponses;
import io.convene.net.http.HttpProtocolException;
import io.convene.net.http.HttpRequestHead;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import org.apache.mina.core.service.IoProcessor;
import org.apache.mina.core.session.AbstractIoSession;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline of one connection. Requests are answered one at a time in the order they
 * arrived (RFC 9112 9.3.2): pipelined requests wait in a short queue, and socket reads pause when
 * it or a request body's buffer is full. The I/O thread feeds decoded messages in; a worker thread
 * runs each exchange and hands the connection back when its response is complete.
 */
final class HttpConnection implements RequestBody.FlowControl {

  private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
  private static final Logger ACCESS = LoggerFactory.getLogger("io.convene.net.access");

  private final IoSession session;
  private final boolean secure;
  private final ServerContext context;
  private final Deque<ServerExchange> waiting = new ArrayDeque<>();
  private ServerExchange receiving;
  private ServerExchange running;
  private HttpProtocolException pendingError;
  private boolean pipelineFull;
  private boolean errorPending;
  private int pausedBodies;
  private boolean readsSuspended;
  private boolean closed;
  /** System.nanoTime() when the current head's first bytes came, or 0 between requests. */
  private volatile long headStartedNanos;

  HttpConnection(IoSession session, boolean secure, ServerContext context) {
    this.session = session;
    this.secure = secure;
    this.context = context;
  }

  /** Raw bytes arrived while no request head is complete: start the header-read clock. */
  void bytesArrived() {
    if (headStartedNanos == 0 && receiving == null) {
      headStartedNanos = System.nanoTime();
    }
  }

  long headStartedNanos() {
    return headStartedNanos;
  }

  boolean idle() {
    synchronized (this) {
      return running == null && waiting.isEmpty() && receiving == null;
    }
  }

  synchronized void onHead(HttpRequestHead head) {
    headStartedNanos = 0;
    RequestBody body =
        head.hasBody()
            ? new RequestBody(context.bodyBufferBytes(), context.bodyReadTimeout().toNanos(), this)
            : RequestBody.empty();
    ServerExchange exchange = new ServerExchange(session, head, body, secure, context.clock(), context.writeTimeout());
    receiving = head.hasBody() ? exchange : null;
    waiting.add(exchange);
    pipelineFull = waiting.size() > context.maxPipelined();
    updateReads();
    startNext();
  }

  synchronized void onBodyPart(HttpBodyPart part) {
    if (receiving != null) {
      receiving.body().offer(part.bytes());
    }
  }

  synchronized void onBodyEnd(HttpBodyEnd end) {
    if (receiving != null) {
      receiving.body().end();
      receiving = null;
    }
  }

  /** Bad framing: answer after the responses already owed, then close (no smuggling). */
  synchronized void onProtocolError(HttpProtocolException error) {
    LOG.warn("Bad request from {}: {} ({})", session.getRemoteAddress(), error.getMessage(), error.status());
    if (receiving != null) {
      receiving.body().fail(new IOException("malformed request body: " + error.getMessage()));
      if (receiving != running) {
        waiting.remove(receiving); // never started: nothing to answer but the error
      }
      receiving = null;
    }
    if (running == null && waiting.isEmpty()) {
      writeErrorAndClose(error);
    } else {
      pendingError = error;
      errorPending = true;
      updateReads();
    }
  }

  /** The header section took longer than allowed (slow clients, slowloris). */
  synchronized void onHeaderTimeout() {
    if (running == null && waiting.isEmpty()) {
      LOG.warn("Request header from {} not complete in time; closing", session.getRemoteAddress());
      writeErrorAndClose(new HttpProtocolException(408, "request header timeout"));
    }
  }

  synchronized void onClosed() {
    closed = true;
    IOException gone = new IOException("connection closed by the client");
    if (receiving != null) {
      receiving.body().fail(gone);
    }
    for (ServerExchange exchange : waiting) {
      exchange.body().fail(gone);
    }
    waiting.clear();
  }

  private void startNext() {
    if (running != null || waiting.isEmpty() || closed) {
      return;
    }
    ServerExchange next = waiting.poll();
    running = next;
    pipelineFull = waiting.size() > context.maxPipelined();
    updateReads();
    try {
      context.workers().execute(() -> run(next));
    } catch (RejectedExecutionException e) {
      // Back-pressure: every worker is busy and the queue is full. This is the I/O thread, which
      // must not wait for its own writes, so the answer is written without waiting.
      LOG.warn("Overloaded: answering 503 to {} {} from {}", next.method(), next.path(), session.getRemoteAddress());
      running = null;
      session.write(ResponseHeaders.overloaded(context.clock()));
      closeSession();
    }
  }

  private void run(ServerExchange exchange) {
    context.dispatcher().dispatch(exchange);
    finished(exchange);
  }

  private void finished(ServerExchange exchange) {
    // client, method, path, status, body bytes sent, time from head to response end
    ACCESS.info("{} {} {} {} {} {}ms",
        client(), exchange.method(), exchange.path(), exchange.status(), exchange.bytesSent(), exchange.elapsed().toMillis());
    synchronized (this) {
      running = null;
      exchange.body().discard();
      if (receiving == exchange) {
        receiving = null;
      }
      if (pendingError != null && !exchange.responded()) {
        // the request the endpoint was reading broke the framing: the decoder's status is the answer
        writeErrorAndClose(pendingError);
        return;
      }
      if (exchange.closeAfter() || !exchange.complete()) {
        closeSession();
        return;
      }
      if (pendingError != null && waiting.isEmpty()) {
        writeErrorAndClose(pendingError);
        return;
      }
      startNext();
    }
  }

  private String client() {
    return session.getRemoteAddress() instanceof java.net.InetSocketAddress address
        ? address.getAddress().getHostAddress() + ":" + address.getPort()
        : String.valueOf(session.getRemoteAddress());
  }

  private void writeErrorAndClose(HttpProtocolException error) {
    session.write(HttpErrorResponses.forException(error));
    closeSession();
  }

  private void closeSession() {
    closed = true;
    session.closeOnFlush();
  }

  @Override
  public synchronized void pause() {
    pausedBodies++;
    updateReads();
  }

  @Override
  public synchronized void resume() {
    pausedBodies--;
    updateReads();
  }

  /** Stops reading the socket while anything downstream is full; reads on once it drains. */
  private void updateReads() {
    boolean suspend = pipelineFull || errorPending || pausedBodies > 0;
    if (suspend && !readsSuspended) {
      readsSuspended = true;
      session.suspendRead();
    } else if (!suspend && readsSuspended && !closed) {
      readsSuspended = false;
      session.resumeRead();
      wakeUpProcessor();
    }
  }

  /**
   * MINA's resumeRead only changes the selection key's interest set; a selector already blocked in
   * select() does not see it until something else wakes it (up to a second later), which stalled
   * uploads on every pause. A flush request wakes the selector and is harmless with nothing queued.
   */
  @SuppressWarnings("unchecked")
  private void wakeUpProcessor() {
    if (session instanceof AbstractIoSession polled) {
      ((IoProcessor<AbstractIoSession>) polled.getProcessor()).flush(polled);
    }
  }
}

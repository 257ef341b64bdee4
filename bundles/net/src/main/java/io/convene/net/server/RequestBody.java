package io.convene.net.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The request body as the endpoint reads it: body parts arrive from the I/O thread, the endpoint
 * reads on a worker thread. At most {@code highWatermark} bytes wait here; above that the
 * connection stops reading from the socket until the endpoint catches up (back-pressure), so a
 * large upload never sits in memory whole.
 */
final class RequestBody extends InputStream {

  /** Told when the buffer fills up or drains, to suspend or resume socket reads. */
  interface FlowControl {
    void pause();

    void resume();
  }

  private final int highWatermark;
  private final long readTimeoutNanos;
  private final FlowControl flow;
  private final Deque<byte[]> parts = new ArrayDeque<>();
  private int offsetInFirst;
  private long buffered;
  private boolean ended;
  private boolean paused;
  private boolean discarding;
  private IOException failure;

  RequestBody(int highWatermark, long readTimeoutNanos, FlowControl flow) {
    this.highWatermark = highWatermark;
    this.readTimeoutNanos = readTimeoutNanos;
    this.flow = flow;
  }

  static RequestBody empty() {
    RequestBody body = new RequestBody(0, 0, null);
    body.ended = true;
    return body;
  }

  /** Called on the I/O thread for each decoded part. */
  synchronized void offer(byte[] part) {
    if (discarding || failure != null) {
      return;
    }
    parts.add(part);
    buffered += part.length;
    if (buffered >= highWatermark && !paused) {
      paused = true;
      flow.pause();
    }
    notifyAll();
  }

  synchronized void end() {
    ended = true;
    notifyAll();
  }

  synchronized boolean ended() {
    return ended;
  }

  /** The connection broke or timed out: readers get this exception. */
  synchronized void fail(IOException cause) {
    failure = cause;
    notifyAll();
  }

  /** The exchange is over: drop what is buffered and what still arrives, and read on. */
  synchronized void discard() {
    discarding = true;
    parts.clear();
    buffered = 0;
    resumeIfPaused();
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    long deadline = System.nanoTime() + readTimeoutNanos;
    while (parts.isEmpty()) {
      if (failure != null) {
        throw failure;
      }
      if (ended) {
        return -1;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new InterruptedIOException("request body read timed out");
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the request body");
      }
    }
    byte[] first = parts.peekFirst();
    int n = Math.min(length, first.length - offsetInFirst);
    System.arraycopy(first, offsetInFirst, target, offset, n);
    offsetInFirst += n;
    buffered -= n;
    if (offsetInFirst == first.length) {
      parts.removeFirst();
      offsetInFirst = 0;
    }
    if (buffered < highWatermark / 2) {
      resumeIfPaused();
    }
    return n;
  }

  @Override
  public synchronized int available() {
    return (int) Math.min(Integer.MAX_VALUE, buffered);
  }

  private void resumeIfPaused() {
    if (paused) {
      paused = false;
      flow.resume();
    }
  }
}

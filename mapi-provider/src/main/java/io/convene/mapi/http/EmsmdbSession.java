package io.convene.mapi.http;

import io.convene.mapi.rop.RopSessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One mailbox Session Context (MS-OXCMAPIHTTP 3.1.1): a {@link MapiSession} with the ROP state of
 * its logons and the signal a NotificationWait sleeps on.
 */
final class EmsmdbSession extends MapiSession {

  private final RopSessionState rops;
  private final ReentrantLock ropLock = new ReentrantLock();
  private final ReentrantLock signalLock = new ReentrantLock();
  private final Condition signal = signalLock.newCondition();
  private boolean eventPending;
  private boolean closed;

  EmsmdbSession(
      String contextCookie, String accountId, RopSessionState rops, String sequence, Instant now) {
    super(contextCookie, accountId, sequence, now);
    this.rops = rops;
  }

  RopSessionState rops() {
    return rops;
  }

  /** Held while the ROP engine runs on this session, and while the session is torn down. */
  ReentrantLock ropLock() {
    return ropLock;
  }

  /**
   * Ends the session for good: wakes a waiting NotificationWait, then, once a request running ROPs
   * on it is done, hands its ROP state to {@code release}.
   */
  void close(Consumer<RopSessionState> release) {
    markClosed();
    ropLock.lock();
    try {
      release.accept(rops);
    } finally {
      ropLock.unlock();
    }
  }

  /** Marks an event pending and wakes a waiting NotificationWait (notifications, part 2). */
  void signalEvent() {
    signalLock.lock();
    try {
      eventPending = true;
      signal.signalAll();
    } finally {
      signalLock.unlock();
    }
  }

  /** Waits up to {@code timeout} for an event; true if one is pending. Consumes the flag. */
  boolean awaitEvent(Duration timeout) throws InterruptedException {
    signalLock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!eventPending && !closed && nanos > 0) {
        nanos = signal.awaitNanos(nanos);
      }
      boolean pending = eventPending;
      eventPending = false;
      return pending;
    } finally {
      signalLock.unlock();
    }
  }

  /** Wakes waiters for good. */
  private void markClosed() {
    signalLock.lock();
    try {
      closed = true;
      signal.signalAll();
    } finally {
      signalLock.unlock();
    }
  }
}

package io.convene.mapi.http;

import io.convene.mapi.rop.RopSessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One MAPI/HTTP Session Context (MS-OXCMAPIHTTP 3.1.1): its cookies, owner, ROP state and the
 * signal a NotificationWait sleeps on. The sequence cookie changes with every sequenced request,
 * so two requests presenting the same one cannot both run (3.2.5.1).
 */
final class EmsmdbSession {

  private final String contextCookie;
  private final String accountId;
  private final RopSessionState rops;
  private final ReentrantLock ropLock = new ReentrantLock();
  private final ReentrantLock signalLock = new ReentrantLock();
  private final Condition signal = signalLock.newCondition();
  private String sequence;
  private Instant lastUsed;
  private boolean eventPending;
  private boolean closed;

  EmsmdbSession(
      String contextCookie, String accountId, RopSessionState rops, String sequence, Instant now) {
    this.contextCookie = contextCookie;
    this.accountId = accountId;
    this.rops = rops;
    this.sequence = sequence;
    this.lastUsed = now;
  }

  String contextCookie() {
    return contextCookie;
  }

  String accountId() {
    return accountId;
  }

  RopSessionState rops() {
    return rops;
  }

  /** Held while the ROP engine runs on this session, and while the session is torn down. */
  ReentrantLock ropLock() {
    return ropLock;
  }

  synchronized String sequence() {
    return sequence;
  }

  /** Replaces the sequence cookie if {@code presented} is the current one. */
  synchronized boolean advance(String presented, String next) {
    if (!sequence.equals(presented)) {
      return false;
    }
    sequence = next;
    return true;
  }

  synchronized void touch(Instant now) {
    if (now.isAfter(lastUsed)) {
      lastUsed = now;
    }
  }

  synchronized Instant lastUsed() {
    return lastUsed;
  }

  synchronized boolean expired(Instant now, Duration idleTimeout) {
    return !now.isBefore(lastUsed.plus(idleTimeout));
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

  /** Wakes waiters for good; the registry calls it when the session goes. */
  void markClosed() {
    signalLock.lock();
    try {
      closed = true;
      signal.signalAll();
    } finally {
      signalLock.unlock();
    }
  }
}

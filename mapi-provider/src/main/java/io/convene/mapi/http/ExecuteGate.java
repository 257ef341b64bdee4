package io.convene.mapi.http;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets a fixed number of Execute requests run their ROPs at once; the others wait in arrival order.
 * ROP work is CPU and store work of about a millisecond: with the HTTP server's 16 workers all in it
 * on 2 cores, the operating system preempts them in the middle (of Derby latches among others), and
 * each Execute cost up to twice the CPU (contents Executes of the MAPI benchmark, 32 sessions: 2.8-5.4
 * ms of server CPU each ungated, 1.4-2.9 ms with two at a time, on a shared machine). TLS, HTTP and
 * framing stay outside, so they overlap with the gated work.
 */
final class ExecuteGate {

  private final Semaphore running;

  /** @param concurrent how many Executes run ROPs at once, at least 1 */
  ExecuteGate(int concurrent) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("at least one Execute must run, not " + concurrent);
    }
    running = new Semaphore(concurrent, true);
  }

  /** Two per available processor: room for an Execute that waits on a disk sync or a lock. */
  static int defaultConcurrency() {
    return 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  <T> T run(Supplier<T> work) {
    // Uninterruptible: a waiting Execute gets its turn within milliseconds, and a half-answered
    // request would serve a stopping server no better.
    running.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      running.release();
    }
  }
}

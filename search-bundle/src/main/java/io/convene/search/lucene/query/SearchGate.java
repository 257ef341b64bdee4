package io.convene.search.lucene.query;

import io.convene.api.search.SearchException;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Lets at most one search per core run, the others wait their turn in arrival order. A search is
 * pure CPU work of well under a millisecond; with more running than there are cores the operating
 * system preempts some in the middle, and those wait for every other thread's time slice: the
 * tail of the latency (p99 15-20 ms with 16 callers on 2 cores, p50 0.4 ms). Queued in order,
 * every search waits about as long as the others, and the cores do no switching.
 */
final class SearchGate {

  /** A search run under the gate. */
  @FunctionalInterface
  interface Search<T> {
    T run() throws IOException;
  }

  private final Semaphore running;

  SearchGate(int concurrent) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("at least one search must run, not " + concurrent);
    }
    running = new Semaphore(concurrent, true);
  }

  /** One search per available processor. */
  static SearchGate perCore() {
    return new SearchGate(Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  <T> T run(Search<T> search) throws IOException {
    try {
      running.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchException(SearchException.Reason.UNAVAILABLE, "interrupted while waiting to search");
    }
    try {
      return search.run();
    } finally {
      running.release();
    }
  }
}

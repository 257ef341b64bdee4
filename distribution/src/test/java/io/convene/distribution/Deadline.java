package io.convene.distribution;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that no event announces (a file's contents, a bundle state) with a limit. */
final class Deadline {

  private static final long POLL_MILLIS = 50;

  private Deadline() {}

  static void await(Duration limit, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Not within " + limit.toMillis() + " ms: " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting: " + what, e);
      }
    }
  }
}

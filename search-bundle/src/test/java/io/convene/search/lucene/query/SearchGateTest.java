package io.convene.search.lucene.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.search.SearchException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SearchGateTest {

  @Test
  void noMoreSearchesRunAtOnceThanItAllowsAndAllRun() throws Exception {
    SearchGate gate = new SearchGate(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        results.add(pool.submit(() -> gate.run(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          pause(2);
          running.decrementAndGet();
          return n;
        })));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
      }
      assertThat(most.get()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCallerInterruptedWhileWaitingGetsUnavailableAndKeepsItsInterrupt() throws Exception {
    SearchGate gate = new SearchGate(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try {
        gate.run(() -> {
          holding.countDown();
          await(release);
          return null;
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    holder.start();
    holding.await();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        gate.run(() -> "never");
      } catch (Exception | Error e) {
        failure.set(e);
      }
      interrupted.set(Thread.currentThread().isInterrupted());
    });
    waiter.start();
    waiter.interrupt();
    waiter.join(10_000);
    release.countDown();
    holder.join(10_000);

    assertThat(failure.get()).isInstanceOfSatisfying(SearchException.class,
        e -> assertThat(e.reason()).isEqualTo(SearchException.Reason.UNAVAILABLE));
    assertThat(interrupted.get()).isTrue();
    assertThatThrownBy(() -> new SearchGate(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void pause(long millis) throws java.io.InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new java.io.InterruptedIOException();
    }
  }

  private static void await(CountDownLatch latch) throws java.io.InterruptedIOException {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new java.io.InterruptedIOException();
    }
  }
}

package io.convene.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Drives one target: {@code connections} client threads, each owning one keep-alive connection
 * and sending the next request as soon as the previous response is in (a closed loop, so latency is
 * service time under this concurrency, not under a fixed arrival rate). A warm-up phase runs the
 * same load unrecorded, then the measure phase records every request that starts and ends inside
 * it. Every response is checked; a wrong one is an error, never a sample.
 */
final class LoadRun {

  static final String THREAD_PREFIX = "bench-client-";
  private static final int MAX_ERROR_SAMPLES = 5;
  private static final int WARMUP = 0;
  private static final int MEASURE = 1;
  private static final int DONE = 2;

  private final Target target;
  private final LoadSettings settings;
  private final int timeoutMillis;
  private final AtomicLong errors = new AtomicLong();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private final CountDownLatch start = new CountDownLatch(1);
  private volatile int phase = WARMUP;

  private LoadRun(Target target, LoadSettings settings) {
    this.target = target;
    this.settings = settings;
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
  }

  static TargetResult drive(Target target, LoadSettings settings) throws IOException, InterruptedException {
    return new LoadRun(target, settings).run();
  }

  private TargetResult run() throws IOException, InterruptedException {
    // Connect (and handshake) every connection before the clock starts.
    List<ClientConnection> connections = new ArrayList<>();
    try {
      for (int i = 0; i < settings.connections(); i++) {
        connections.add(ClientConnection.open(target.address(), target.tls(), timeoutMillis));
      }
    } catch (IOException e) {
      for (ClientConnection connection : connections) {
        connection.close();
      }
      throw new IOException("cannot open connection " + (connections.size() + 1) + " to " + target.name(), e);
    }
    List<Client> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      Client client = new Client(connections.get(i));
      clients.add(client);
      Thread thread = new Thread(client, THREAD_PREFIX + target.name() + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }

    start.countDown();
    TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
    ThreadCpu.Sample cpuBefore = ThreadCpu.sample();
    long measureStart = System.nanoTime();
    phase = MEASURE;
    TimeUnit.NANOSECONDS.sleep(settings.measure().toNanos());
    // Sample before DONE: clients exit right after it, and an exited thread's CPU time is gone.
    ThreadCpu.Sample cpu = ThreadCpu.sample().minus(cpuBefore);
    long measureEnd = System.nanoTime();
    phase = DONE;

    long deadline = System.nanoTime() + settings.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
    for (int i = 0; i < threads.size(); i++) {
      Thread thread = threads.get(i);
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (thread.isAlive()) {
        error("client " + i + " still waiting for a response after the run");
        clients.get(i).abort();
      }
    }

    Histogram latency = newHistogram();
    long requests = 0;
    for (Client client : clients) {
      latency.add(client.latency);
      requests += client.requests;
    }
    return new TargetResult(
        target, requests, measureEnd - measureStart, latency, errors.get(), List.copyOf(errorSamples), cpu);
  }

  private Histogram newHistogram() {
    // 1 us resolution is ample for loopback latencies in the 0.1-100 ms range.
    return new Histogram(TimeUnit.MICROSECONDS.toNanos(1), settings.timeout().toNanos() * 2, 3);
  }

  private void error(String description) {
    errors.incrementAndGet();
    if (errorSamples.size() < MAX_ERROR_SAMPLES) {
      errorSamples.add(description);
    }
  }

  /** One connection's request loop; its counters are read only after its thread has ended. */
  private final class Client implements Runnable {
    private volatile ClientConnection connection;
    private final Histogram latency = newHistogram();
    private long requests;

    Client(ClientConnection connection) {
      this.connection = connection;
    }

    @Override
    public void run() {
      byte[] request = BenchPayload.request(target.authority());
      try {
        start.await();
        while (connection != null) {
          int startedIn = phase;
          if (startedIn == DONE) {
            break;
          }
          exchangeOnce(request, startedIn);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        abort();
      }
    }

    private void exchangeOnce(byte[] request, int startedIn) {
      long begin = System.nanoTime();
      ResponseReader.Response response;
      try {
        response = connection.exchange(request);
      } catch (IOException e) {
        error(target.name() + ": " + e);
        reconnect();
        return;
      }
      long elapsed = System.nanoTime() - begin;
      if (response.status() != 200 || !BenchPayload.isExpectedResponse(response.body())) {
        error(target.name() + ": status " + response.status() + " with " + response.body().length
            + " body bytes, expected 200 with the " + BenchPayload.SIZE + " byte body");
      } else if (startedIn == MEASURE && phase == MEASURE) {
        latency.recordValue(Math.min(elapsed, latency.getHighestTrackableValue()));
        requests++;
      }
      if (!response.keepAlive()) {
        error(target.name() + ": server closed the keep-alive connection (status " + response.status() + ")");
        reconnect();
      }
    }

    private void reconnect() {
      abort();
      if (phase == DONE) {
        return;
      }
      try {
        connection = ClientConnection.open(target.address(), target.tls(), timeoutMillis);
      } catch (IOException e) {
        error(target.name() + ": reconnect failed, client stops: " + e);
      }
    }

    void abort() {
      ClientConnection current = connection;
      connection = null;
      if (current != null) {
        try {
          current.close();
        } catch (IOException e) {
          // closing a connection we are done with; nothing to report
        }
      }
    }
  }
}

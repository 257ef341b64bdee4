package io.convene.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads grouped by owner, so a run on a small machine where client and
 * servers share the cores can still say how much CPU each server spent per request.
 *
 * <p>Owners are told apart by thread name: Convene's {@code convene-http-*} workers and sweeper;
 * the MINA threads its listeners run, which MINA takes from the JDK's default thread factory
 * ({@code pool-N-thread-M}, told from other such threads by MINA frames on their stack) plus MINA's
 * {@code ssl-exec-*} TLS task threads; the Jetty pool (named by {@link JettyServer}); the driver's
 * client threads (named by {@link LoadRun}). GC and JIT threads are not Java threads and appear
 * only in the process total.
 */
final class ThreadCpu {

  /**
   * Looked up once: {@code ManagementFactory.getOperatingSystemMXBean()} searches the platform
   * beans with streams on every call, work inside a benchmark's timed loop that the warm-up did
   * not run, so the JIT was still compiling it in the measured phase.
   */
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  enum Owner {
    CONVENE,
    JETTY,
    CLIENT,
    OTHER
  }

  /** CPU nanoseconds per owner and for the whole process, at one instant. */
  record Sample(Map<Owner, Long> byOwner, long process) {

    Sample minus(Sample earlier) {
      Map<Owner, Long> delta = new HashMap<>();
      for (Owner owner : Owner.values()) {
        delta.put(owner, byOwner.getOrDefault(owner, 0L) - earlier.byOwner.getOrDefault(owner, 0L));
      }
      return new Sample(delta, process - earlier.process);
    }

    long of(Owner owner) {
      return byOwner.getOrDefault(owner, 0L);
    }
  }

  private ThreadCpu() {}

  /** Whether per-thread CPU times are available on this JVM; without them samples are zero. */
  static boolean supported() {
    return ManagementFactory.getThreadMXBean().isThreadCpuTimeSupported();
  }

  static Sample sample() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Owner, Long> byOwner = new HashMap<>();
    if (threads.isThreadCpuTimeSupported()) {
      if (!threads.isThreadCpuTimeEnabled()) {
        threads.setThreadCpuTimeEnabled(true);
      }
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info == null) {
          continue; // ended between the two calls
        }
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          byOwner.merge(owner(threads, info), cpu, Long::sum);
        }
      }
    }
    return new Sample(byOwner, processCpuNanos());
  }

  private static Owner owner(ThreadMXBean threads, ThreadInfo info) {
    String name = info.getThreadName();
    if (name.startsWith("pool-")) {
      ThreadInfo withStack = threads.getThreadInfo(info.getThreadId(), Integer.MAX_VALUE);
      if (withStack != null && runsMina(withStack.getStackTrace())) {
        return Owner.CONVENE;
      }
    }
    return owner(name);
  }

  private static boolean runsMina(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("org.apache.mina.")) {
        return true;
      }
    }
    return false;
  }

  static Owner owner(String threadName) {
    if (threadName.startsWith("convene-http-")
        || threadName.startsWith("NioProcessor-")
        || threadName.startsWith("NioSocketAcceptor-")
        || threadName.startsWith("ssl-exec-")) {
      return Owner.CONVENE;
    }
    if (threadName.startsWith(JettyServer.THREAD_PREFIX)) {
      return Owner.JETTY;
    }
    if (threadName.startsWith(LoadRun.THREAD_PREFIX)) {
      return Owner.CLIENT;
    }
    return Owner.OTHER;
  }

  /** CPU time of the whole process (every thread, GC and JIT) so far; 0 where unknown. */
  static long processCpuNanos() {
    if (OS instanceof com.sun.management.OperatingSystemMXBean hotspot) {
      return Math.max(0, hotspot.getProcessCpuTime());
    }
    return 0;
  }
}

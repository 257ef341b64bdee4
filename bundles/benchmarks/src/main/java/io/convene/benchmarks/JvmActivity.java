package io.convene.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the JVM itself has spent so far: JIT compile time and GC time. On this 2-core machine a
 * C2 compiler still busy in a measured phase takes a core from it, so benchmarks warm up until the
 * JIT settles and print what was left.
 */
public final class JvmActivity {

  private JvmActivity() {}

  /** Milliseconds the JIT compilers have spent so far (0 when the JVM does not tell). */
  public static long compilationMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /** Collections and their accumulated milliseconds over all collectors. */
  public static long[] gcCountAndMillis() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }
}

package io.convene.benchmarks;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Timed calls of one operation on one target: each call's latency, the items they moved and the
 * sum of their times (time spent preparing inputs between calls is not counted).
 */
final class Measurement {

  private final Histogram latency = new Histogram(3);
  private long calls;
  private long items;
  private long nanos;
  private long cpuNanos;
  private long wallNanos;
  /** JIT and GC milliseconds when the measurement began: the phase line prints what it had of them. */
  private final long jitMillisAtStart = JvmActivity.compilationMillis();
  private final long gcMillisAtStart = JvmActivity.gcCountAndMillis()[1];

  /** Records one call that took {@code elapsedNanos} and handled {@code itemCount} items. */
  void record(long elapsedNanos, int itemCount) {
    latency.recordValue(Math.max(1, elapsedNanos));
    calls++;
    items += itemCount;
    nanos += elapsedNanos;
  }

  /**
   * Records one call as {@link #record(long, int)} and the process CPU time it took (all threads,
   * GC and JIT included): on a shared machine wall time also counts waiting for a core, CPU time
   * does not.
   */
  void record(long elapsedNanos, long processCpuNanos, int itemCount) {
    record(elapsedNanos, itemCount);
    cpuNanos += Math.max(0, processCpuNanos);
  }

  /** Adds another measurement's calls (one per thread of a concurrent phase); its CPU time is not added. */
  void add(Measurement other) {
    latency.add(other.latency);
    calls += other.calls;
    items += other.items;
    nanos += other.nanos;
  }

  /** Sets the process CPU time of a concurrent phase, measured around all its threads. */
  void processCpu(long processCpuNanos) {
    cpuNanos = processCpuNanos;
  }

  /** Process CPU microseconds per item over the recorded calls. */
  double cpuMicrosPerItem() {
    return items == 0 ? Double.NaN : cpuNanos / 1e3 / items;
  }

  /** Process CPU milliseconds per call. */
  double cpuMillisPerCall() {
    return calls == 0 ? Double.NaN : cpuNanos / 1e6 / calls;
  }

  long calls() {
    return calls;
  }

  long items() {
    return items;
  }

  double seconds() {
    return (wallNanos > 0 ? wallNanos : nanos) / 1e9;
  }

  double itemsPerSecond() {
    long time = wallNanos > 0 ? wallNanos : nanos;
    return time == 0 ? Double.NaN : items * 1e9 / time;
  }

  /**
   * Sets the wall time of a concurrent phase: its throughput is items over that time, not over the
   * sum of its calls' times (which overlap).
   */
  void wall(long nanos) {
    wallNanos = nanos;
  }

  double p50Millis() {
    return percentileMillis(50);
  }

  double p99Millis() {
    return percentileMillis(99);
  }

  double percentileMillis(double percentile) {
    return calls == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
  }

  double maxMillis() {
    return calls == 0 ? Double.NaN : latency.getMaxValue() / 1e6;
  }

  /** {@code 412 items/s p50=2.31ms p99=5.10ms}. */
  String throughputSummary() {
    return String.format(Locale.ROOT, "%.0f items/s p50=%.2fms p99=%.2fms cpu=%.0fus/item", itemsPerSecond(), p50Millis(),
        p99Millis(), cpuMicrosPerItem());
  }

  /** {@code p50=2.31ms p99=5.10ms}. */
  String latencySummary() {
    return String.format(Locale.ROOT, "p50=%.2fms p99=%.2fms cpu=%.2fms/call", p50Millis(), p99Millis(), cpuMillisPerCall());
  }

  /** The PHASE line detail: calls, items, time, percentiles up to the maximum. */
  String detail() {
    return String.format(Locale.ROOT,
        "calls=%d items=%d in %.2fs: %.0f items/s; per call p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms;"
            + " process cpu %.2fms/call %.0fus/item; since it began JIT compiling %dms, GC %dms",
        calls, items, seconds(), itemsPerSecond(), p50Millis(), percentileMillis(90), p99Millis(), maxMillis(),
        cpuMillisPerCall(), cpuMicrosPerItem(), JvmActivity.compilationMillis() - jitMillisAtStart,
        JvmActivity.gcCountAndMillis()[1] - gcMillisAtStart);
  }
}

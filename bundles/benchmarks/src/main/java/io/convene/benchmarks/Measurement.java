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

  /** Records one call that took {@code elapsedNanos} and handled {@code itemCount} items. */
  void record(long elapsedNanos, int itemCount) {
    latency.recordValue(Math.max(1, elapsedNanos));
    calls++;
    items += itemCount;
    nanos += elapsedNanos;
  }

  long calls() {
    return calls;
  }

  long items() {
    return items;
  }

  double seconds() {
    return nanos / 1e9;
  }

  double itemsPerSecond() {
    return nanos == 0 ? Double.NaN : items * 1e9 / nanos;
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
    return String.format(Locale.ROOT, "%.0f items/s p50=%.2fms p99=%.2fms", itemsPerSecond(), p50Millis(), p99Millis());
  }

  /** {@code p50=2.31ms p99=5.10ms}. */
  String latencySummary() {
    return String.format(Locale.ROOT, "p50=%.2fms p99=%.2fms", p50Millis(), p99Millis());
  }

  /** The PHASE line detail: calls, items, time, percentiles up to the maximum. */
  String detail() {
    return String.format(Locale.ROOT,
        "calls=%d items=%d in %.2fs: %.0f items/s; per call p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms",
        calls, items, seconds(), itemsPerSecond(), p50Millis(), percentileMillis(90), p99Millis(), maxMillis());
  }
}

package io.convene.benchmarks;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What the measure phase of one target produced.
 *
 * @param target the target
 * @param requests correct responses that started and ended inside the measure phase
 * @param measuredNanos the length of the measure phase
 * @param latency per-request latency in nanoseconds, from writing the request to the last body byte
 * @param errors failed or wrong exchanges over warm-up and measure phases
 * @param errorSamples the first few error descriptions
 * @param cpu CPU spent during the measure phase
 */
record TargetResult(
    Target target,
    long requests,
    long measuredNanos,
    Histogram latency,
    long errors,
    List<String> errorSamples,
    ThreadCpu.Sample cpu) {

  double throughput() {
    return requests * 1e9 / measuredNanos;
  }

  double p50Millis() {
    return percentileMillis(50);
  }

  double p99Millis() {
    return percentileMillis(99);
  }

  double percentileMillis(double percentile) {
    return requests == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
  }

  /** CPU microseconds the target's server threads spent per measured request. */
  double serverCpuMicrosPerRequest() {
    return requests == 0 ? Double.NaN : cpu.of(target.owner()) / 1e3 / requests;
  }

  double clientCpuMicrosPerRequest() {
    return requests == 0 ? Double.NaN : cpu.of(ThreadCpu.Owner.CLIENT) / 1e3 / requests;
  }

  /** Busy cores over the measure phase, whole process (GC and JIT included). */
  double processCores() {
    return cpu.process() / (double) measuredNanos;
  }

  /** {@code convene=45000 req/s p50=1.20ms p99=4.10ms errors=0}, the piece a RESULT line compares. */
  String summary() {
    return String.format(
        Locale.ROOT, "%s=%.0f req/s p50=%.2fms p99=%.2fms errors=%d",
        target.server(), throughput(), p50Millis(), p99Millis(), errors);
  }

  /** The full line for one target. */
  String detail() {
    return String.format(
        Locale.ROOT,
        "TARGET %-14s requests=%d in %.1fs: %.0f req/s; latency p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms"
            + " max=%.2fms; cpu/request server=%.1fus client=%.1fus; process busy %.2f cores; errors=%d",
        target.name(), requests, measuredNanos / 1e9, throughput(), p50Millis(), percentileMillis(90),
        p99Millis(), percentileMillis(99.9), requests == 0 ? Double.NaN : latency.getMaxValue() / 1e6,
        serverCpuMicrosPerRequest(), clientCpuMicrosPerRequest(), processCores(), errors);
  }
}

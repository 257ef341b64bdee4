package io.convene.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Options of {@link MapiLoadDriver}, {@code --name=value}. */
record MapiBenchSettings(
    int sessions, Duration warmup, Duration measure, Duration ropCostMeasure, int items, int rows, int workers,
    int workerQueue, Duration timeout, int concurrentExecutes) {

  static final String USAGE = "options: --sessions=32 --warmup=5s --measure=15s --rop-cost-measure=5s --items=10000 "
      + "--rows=50 --workers=16 --worker-queue=256 --timeout=120s "
      + "--concurrent-executes=0 (0: the endpoint's default, two per core)";

  private static final Set<String> OPTIONS =
      Set.of("sessions", "warmup", "measure", "rop-cost-measure", "items", "rows", "workers", "worker-queue", "timeout",
          "concurrent-executes");

  static MapiBenchSettings parse(String... args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0 || !OPTIONS.contains(arg.substring(2, equals))) {
        throw new IllegalArgumentException("unknown or malformed option " + arg + "; " + USAGE);
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return new MapiBenchSettings(
        Integer.parseInt(options.getOrDefault("sessions", "32")),
        LoadSettings.duration(options.getOrDefault("warmup", "5s")),
        LoadSettings.duration(options.getOrDefault("measure", "15s")),
        LoadSettings.duration(options.getOrDefault("rop-cost-measure", "5s")),
        Integer.parseInt(options.getOrDefault("items", "10000")),
        Integer.parseInt(options.getOrDefault("rows", "50")),
        Integer.parseInt(options.getOrDefault("workers", "16")),
        Integer.parseInt(options.getOrDefault("worker-queue", "256")),
        LoadSettings.duration(options.getOrDefault("timeout", "120s")),
        Integer.parseInt(options.getOrDefault("concurrent-executes", "0")));
  }
}

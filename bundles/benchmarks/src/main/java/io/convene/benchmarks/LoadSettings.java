package io.convene.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one driver run does, from {@code --name=value} arguments.
 *
 * @param warmup how long each target is driven before measuring (JIT, pools, TLS sessions)
 * @param measure how long each target is measured
 * @param connections keep-alive connections per target, each with one request in flight
 * @param workers Convene's endpoint threads; Jetty's pool is sized from it
 * @param workerQueue Convene's worker queue (a full queue answers 503, which counts as an error)
 * @param timeout socket connect and read timeout of the driver's connections
 */
record LoadSettings(
    Duration warmup, Duration measure, int connections, int workers, int workerQueue, Duration timeout) {

  static final String USAGE =
      "usage: HttpLoadDriver [--warmup=5s] [--measure=15s] [--connections=64] [--workers=16]"
          + " [--worker-queue=256] [--timeout=30s]   (durations: 500ms, 5s, 2m; a bare number is seconds)";

  private static final Set<String> OPTIONS =
      Set.of("warmup", "measure", "connections", "workers", "worker-queue", "timeout");

  LoadSettings {
    if (warmup.isNegative() || measure.isZero() || measure.isNegative() || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("warmup must be >= 0, measure and timeout > 0");
    }
    if (connections < 1 || workers < 1 || workerQueue < 0) {
      throw new IllegalArgumentException("connections and workers must be >= 1, worker-queue >= 0");
    }
  }

  static LoadSettings defaults() {
    return new LoadSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 64, 16, 256, Duration.ofSeconds(30));
  }

  static LoadSettings parse(String... args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("not --name=value: " + arg);
      }
      String name = arg.substring(2, equals);
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      options.put(name, arg.substring(equals + 1));
    }
    LoadSettings defaults = defaults();
    return new LoadSettings(
        option(options, "warmup", LoadSettings::duration, defaults.warmup()),
        option(options, "measure", LoadSettings::duration, defaults.measure()),
        option(options, "connections", Integer::valueOf, defaults.connections()),
        option(options, "workers", Integer::valueOf, defaults.workers()),
        option(options, "worker-queue", Integer::valueOf, defaults.workerQueue()),
        option(options, "timeout", LoadSettings::duration, defaults.timeout()));
  }

  private static <T> T option(Map<String, String> options, String name, Function<String, T> parser, T fallback) {
    String value = options.get(name);
    try {
      return value == null ? fallback : parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
    }
  }

  static Duration duration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: " + text, e);
    }
  }
}

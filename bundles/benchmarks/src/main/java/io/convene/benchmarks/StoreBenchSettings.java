package io.convene.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one {@link StoreBenchmark} run does, from {@code --name=value} arguments.
 *
 * @param singles measured single-item saves per target
 * @param warmup unmeasured single saves per target (and 2 bulk calls) before any measured phase;
 *     0 also skips the settling of the save phases and the warm-up of the query phases
 * @param bulkCalls measured bulk calls per target
 * @param bulkSize items per bulk call (and per batch of the calendar import)
 * @param calendarItems appointments imported into the calendar folder the queries run on
 * @param queries measured range queries and measured page reads per target, at most
 * @param querySeconds time budget of each query phase per target: it stops measuring once this
 *     has passed, so a slow side still finishes (the lines say how many queries ran)
 * @param pageSize rows per page read
 * @param seed seeds item contents, appointment times, query weeks and page positions
 * @param strace whether to count log syncs in a child JVM under strace
 * @param syncOps single saves per target in that child run
 * @param data the database directory; {@code null} for a fresh temporary one deleted afterwards
 * @param phase {@code all}, or {@code syncs}: the child mode {@link SyncCounter} starts under strace
 * @param saveThreads threads of the concurrent-save phase, each saving into a mailbox (store) or
 *     over a connection (plain) of its own; {@code singles} saves in all
 */
record StoreBenchSettings(
    int singles,
    int warmup,
    int bulkCalls,
    int bulkSize,
    int calendarItems,
    int queries,
    int querySeconds,
    int pageSize,
    long seed,
    Strace strace,
    int syncOps,
    Path data,
    String phase,
    int saveThreads) {

  /** Whether to run the strace child: {@code auto} does so if strace is on the PATH. */
  enum Strace {
    AUTO,
    ON,
    OFF
  }

  static final String USAGE =
      "usage: StoreBenchmark [--singles=2000] [--warmup=200] [--bulk-calls=20] [--bulk-size=1000]"
          + " [--calendar-items=100000] [--queries=200] [--query-seconds=30] [--page-size=50] [--seed=42]"
          + " [--strace=auto|on|off] [--sync-ops=500] [--save-threads=4] [--data=DIR (must not exist; kept)]";

  private static final Set<String> OPTIONS =
      Set.of("singles", "warmup", "bulk-calls", "bulk-size", "calendar-items", "queries", "query-seconds", "page-size", "seed",
          "strace", "sync-ops", "data", "phase", "save-threads");

  /** The store refuses bulk calls above this (DerbyMailbox.MAX_BULK), and pages above it. */
  private static final int MAX_BULK = 10_000;

  StoreBenchSettings {
    if (singles < 1 || warmup < 0 || bulkCalls < 1 || queries < 1 || querySeconds < 1 || syncOps < 1) {
      throw new IllegalArgumentException(
          "singles, bulk-calls, queries, query-seconds and sync-ops must be >= 1, warmup >= 0");
    }
    if (saveThreads < 1 || saveThreads > singles) {
      throw new IllegalArgumentException("save-threads must be 1 to singles");
    }
    if (bulkSize < 1 || bulkSize > MAX_BULK || pageSize < 1 || pageSize > MAX_BULK) {
      throw new IllegalArgumentException("bulk-size and page-size must be 1 to " + MAX_BULK);
    }
    if (calendarItems < pageSize) {
      throw new IllegalArgumentException("calendar-items must be at least page-size");
    }
    if (!phase.equals("all") && !phase.equals("syncs")) {
      throw new IllegalArgumentException("phase is all or syncs");
    }
  }

  static StoreBenchSettings defaults() {
    return new StoreBenchSettings(2000, 200, 20, 1000, 100_000, 200, 30, 50, 42, Strace.AUTO, 500, null, "all", 4);
  }

  static StoreBenchSettings parse(String... args) {
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
    StoreBenchSettings d = defaults();
    return new StoreBenchSettings(
        option(options, "singles", Integer::valueOf, d.singles()),
        option(options, "warmup", Integer::valueOf, d.warmup()),
        option(options, "bulk-calls", Integer::valueOf, d.bulkCalls()),
        option(options, "bulk-size", Integer::valueOf, d.bulkSize()),
        option(options, "calendar-items", Integer::valueOf, d.calendarItems()),
        option(options, "queries", Integer::valueOf, d.queries()),
        option(options, "query-seconds", Integer::valueOf, d.querySeconds()),
        option(options, "page-size", Integer::valueOf, d.pageSize()),
        option(options, "seed", Long::valueOf, d.seed()),
        option(options, "strace", value -> Strace.valueOf(value.toUpperCase(java.util.Locale.ROOT)), d.strace()),
        option(options, "sync-ops", Integer::valueOf, d.syncOps()),
        option(options, "data", Path::of, d.data()),
        option(options, "phase", Function.identity(), d.phase()),
        option(options, "save-threads", Integer::valueOf, d.saveThreads()));
  }

  /** The arguments that make a child run do the same work (see {@link SyncCounter}). */
  String[] childArgs(Path childData) {
    return new String[] {
      "--phase=syncs", "--data=" + childData, "--sync-ops=" + syncOps, "--bulk-size=" + bulkSize,
      "--warmup=" + Math.min(warmup, 50), "--seed=" + seed, "--strace=off"
    };
  }

  private static <T> T option(Map<String, String> options, String name, Function<String, T> parser, T fallback) {
    String value = options.get(name);
    try {
      return value == null ? fallback : parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
    }
  }
}

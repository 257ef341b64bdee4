package io.convene.benchmarks;

import io.convene.api.store.Mailbox;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.benchmarks.ItemTarget.Folder;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.store.DerbyStore;
import io.convene.storage.derby.store.StoreSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Durable write and read throughput of the Convene store ({@link DerbyStore} through the {@link
 * Mailbox} API) against plain JDBC on the same embedded Derby database in the same run.
 *
 * <p>Phases, each on the store and then on the plain table: single-item saves (one transaction
 * each), bulk import ({@code createItems}, one transaction per call), a calendar import that
 * fills one folder, then week range queries and 50-row pages on it. Derby runs with its default
 * durability: every commit is on disk before the call returns. Optionally ({@code --strace}) the
 * save phases run again in a child JVM under strace to count log syncs per operation.
 *
 * <p>Every answer is checked: saved items read back with the properties given, folder counts,
 * each range query against the appointments that overlap the week, each page against the ids
 * that follow the position. The run prints one {@code RESULT} line per figure with the
 * store/plain ratio and the target, and exits 1 if any check failed (2 on bad
 * arguments); missing a performance target is reported, never an exit failure.
 */
public final class StoreBenchmark {

  // The targets.
  static final double MIN_SINGLE_SAVES_PER_SECOND = 2_000;
  static final double MAX_LOG_SYNCS_PER_OPERATION = 1;
  static final double MIN_BULK_ITEMS_PER_SECOND = 20_000;
  static final double MAX_QUERY_P50_MILLIS = 5;
  static final double MAX_OVERHEAD = 2;

  private static final long ACCOUNT = 1;
  private static final int CALENDAR_VIEW_COLUMNS = 7;
  private static final int DISK_PROBE_WRITES = 200;
  private static final int MIN_QUERY_WARMUP = 5;
  private static final long QUERY_WARMUP_NANOS = 5_000_000_000L;
  private static final long SETTLE_SLICE_NANOS = 1_000_000_000L;
  /** Single saves per call of {@link #timedSingleSaves}, in the settling and the measured phase alike. */
  private static final int SAVES_PER_RUN = 10;
  private static final long SETTLED_JIT_MILLIS = 20;
  private static final int QUIET_SLICES = 2;
  private static final long MIN_SETTLE_NANOS = 5_000_000_000L;
  private static final long MAX_SETTLE_NANOS = 60_000_000_000L;
  private static final int CONTENT_CHECKS = 10;

  // Item index ranges per phase, so no two phases save the same generated item.
  private static final int WARMUP_BASE = 0;
  private static final int SINGLE_BASE = 10_000_000;
  private static final int BULK_BASE = 20_000_000;
  private static final int CHILD_BASE = 30_000_000;
  private static final int CONCURRENT_BASE = 40_000_000;
  /** The plain side's ids per concurrent thread, so the threads' rows never collide. */
  private static final long PLAIN_IDS_PER_THREAD = 1_000_000_000L;

  private final StoreBenchSettings settings;
  private final PrintStream out;
  private final BenchItems items;
  /** The next generated item a warm-up or settling saves (never content-checked). */
  private int nextWarmupItem = WARMUP_BASE;
  /** Items the settlings saved into measured folders, by target name and folder. */
  private final Map<String, Integer> settledItems = new HashMap<>();
  private final List<String> failures = new ArrayList<>();

  StoreBenchmark(StoreBenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.items = new BenchItems(settings.seed());
  }

  public static void main(String[] args) throws Exception {
    StoreBenchSettings settings;
    try {
      settings = StoreBenchSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(StoreBenchSettings.USAGE);
      System.exit(2);
      return;
    }
    if (System.getProperty("derby.system.durability") != null) {
      System.err.println("derby.system.durability is set: this benchmark measures durable commits only; unset it.");
      System.exit(2);
      return;
    }
    System.exit(new StoreBenchmark(settings, System.out).run());
  }

  /** Runs the phases and prints the results; returns the process exit status. */
  int run() throws Exception {
    Path dir;
    if (settings.data() != null) {
      if (Files.exists(settings.data())) {
        System.err.println("--data " + settings.data() + " exists; give a directory that does not");
        return 2;
      }
      dir = Files.createDirectories(settings.data());
    } else {
      dir = Files.createTempDirectory("convene-store-bench-");
    }
    // Derby's own log, before the engine boots; otherwise derby.log lands in the working directory.
    System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
    try {
      return settings.phase().equals("syncs") ? runSyncChild(dir) : runAll(dir);
    } finally {
      if (settings.data() == null) {
        deleteTree(dir);
      }
    }
  }

  private int runAll(Path dir) throws Exception {
    long began = System.nanoTime();
    double diskSeconds = DiskSyncProbe.secondsPerSyncedWrite(dir, DISK_PROBE_WRITES);
    Measurement[] single;
    Measurement[] concurrent;
    Measurement[] bulk;
    Measurement[] calendar;
    Measurement[] range;
    Measurement[] rangeWhole;
    Measurement[] page;
    double itemsPerWeek;
    try (Database database = Database.open(dir.resolve("db"), List.of(new StoreSchema(), PlainJdbcTarget.SCHEMA))) {
      PropertyBagCodec codec = new PropertyBagCodec();
      DerbyStore derbyStore = new DerbyStore(database, codec, Clock.systemUTC());
      StoreTarget store = StoreTarget.provision(derbyStore, ACCOUNT);
      PropTag startWhole = appointmentTag(store.mailbox(), 0x820D);
      PropTag endWhole = appointmentTag(store.mailbox(), 0x820E);
      try (PlainJdbcTarget plain = new PlainJdbcTarget(database, codec, startWhole, endWhole)) {
        List<ItemTarget> targets = List.of(store, plain);
        printConfig(database, dir, diskSeconds);
        warmUp(targets);
        single = singleSaves(targets, SINGLE_BASE, settings.singles());
        concurrent = concurrentSaves(derbyStore, database, codec, startWhole, endWhole);
        bulk = bulkImport(targets, Folder.IMPORT, BULK_BASE, settings.bulkCalls());
        long[][] calendarIds = new long[targets.size()][];
        calendar = calendarImport(targets, startWhole, endWhole, calendarIds);
        long[] starts = new long[settings.calendarItems()];
        long[] ends = new long[settings.calendarItems()];
        for (int i = 0; i < starts.length; i++) {
          starts[i] = items.startMillis(i);
          ends[i] = items.endMillis(i);
        }
        Set<PropTag> view = calendarView(store.mailbox(), startWhole, endWhole);
        // whole items first, as before the warm-up lasted 5 s (the figures stay comparable)
        rangeWhole = rangeQueries(targets, calendarIds, starts, ends, null, "range-query-whole");
        range = rangeQueries(targets, calendarIds, starts, ends, view, "range-query");
        itemsPerWeek = range[0].items() / (double) range[0].calls();
        page = pages(targets, calendarIds);
        checkWalkFromStart(targets);
        checkCount(targets, Folder.INBOX, settings.singles());
        checkCount(targets, Folder.IMPORT, settings.bulkCalls() * settings.bulkSize());
        checkCount(targets, Folder.CALENDAR, settings.calendarItems());
      }
    }
    SyncCounter.Result syncs = countSyncs(dir);

    out.println(String.format(Locale.ROOT,
        "RESULT single-save store=%s | plain=%s | ratio %.2fx (targets: store >= %.0f items/s %s; ratio < %.2fx %s)",
        single[0].throughputSummary(), single[1].throughputSummary(), throughputRatio(single),
        MIN_SINGLE_SAVES_PER_SECOND, met(single[0].itemsPerSecond() >= MIN_SINGLE_SAVES_PER_SECOND),
        MAX_OVERHEAD, met(throughputRatio(single) < MAX_OVERHEAD)));
    out.println(String.format(Locale.ROOT,
        "RESULT concurrent-save store=%s | plain=%s | ratio %.2fx (%d threads, each its own mailbox or connection,"
            + " %d saves in all; targets: store >= %.0f items/s %s; ratio < %.2fx %s)",
        concurrent[0].throughputSummary(), concurrent[1].throughputSummary(), throughputRatio(concurrent),
        settings.saveThreads(), concurrent[0].items(), MIN_SINGLE_SAVES_PER_SECOND,
        met(concurrent[0].itemsPerSecond() >= MIN_SINGLE_SAVES_PER_SECOND), MAX_OVERHEAD,
        met(throughputRatio(concurrent) < MAX_OVERHEAD)));
    out.println(String.format(Locale.ROOT,
        "RESULT bulk-import store=%.0f items/s (%d calls of %d, per call p50=%.2fms p99=%.2fms) | plain=%.0f items/s"
            + " (per call p50=%.2fms p99=%.2fms) | ratio %.2fx (targets: store >= %.0f items/s %s; ratio < %.2fx %s)",
        bulk[0].itemsPerSecond(), settings.bulkCalls(), settings.bulkSize(), bulk[0].p50Millis(), bulk[0].p99Millis(),
        bulk[1].itemsPerSecond(), bulk[1].p50Millis(), bulk[1].p99Millis(), throughputRatio(bulk),
        MIN_BULK_ITEMS_PER_SECOND, met(bulk[0].itemsPerSecond() >= MIN_BULK_ITEMS_PER_SECOND),
        MAX_OVERHEAD, met(throughputRatio(bulk) < MAX_OVERHEAD)));
    out.println(String.format(Locale.ROOT,
        "RESULT calendar-import store=%.0f items/s (%d appointments, %d per call, per call p50=%.2fms p99=%.2fms)"
            + " | plain=%.0f items/s (per call p50=%.2fms p99=%.2fms) | ratio %.2fx (bulk import into a growing folder)",
        calendar[0].itemsPerSecond(), settings.calendarItems(), settings.bulkSize(), calendar[0].p50Millis(),
        calendar[0].p99Millis(), calendar[1].itemsPerSecond(), calendar[1].p50Millis(), calendar[1].p99Millis(),
        throughputRatio(calendar)));
    out.println(latencyResult("range-query", range, String.format(Locale.ROOT,
        "random weeks of %d appointments, %.0f items per week, %d calendar-view columns", settings.calendarItems(),
        itemsPerWeek, CALENDAR_VIEW_COLUMNS)));
    out.println(String.format(Locale.ROOT,
        "RESULT range-query-whole store=%s (%d queries) | plain=%s (%d queries) | ratio %.2fx p50 (informational:"
            + " the same weeks, whole items)",
        rangeWhole[0].latencySummary(), rangeWhole[0].calls(), rangeWhole[1].latencySummary(), rangeWhole[1].calls(),
        rangeWhole[0].p50Millis() / rangeWhole[1].p50Millis()));
    out.println(latencyResult("page", page, String.format(Locale.ROOT,
        "random positions in %d items, %d rows", settings.calendarItems(), settings.pageSize())));
    if (syncs != null) {
      out.println(syncResult("single-save", "op", syncs.storeSingle(), syncs.plainSingle(), syncs.ops(),
          syncs.ops() + " ops each under strace"));
      out.println(syncResult("bulk-import", "call of " + settings.bulkSize(), syncs.storeBulk(), syncs.plainBulk(),
          SyncCounter.BULK_CALLS, SyncCounter.BULK_CALLS + " calls each under strace"));
    }
    out.printf(Locale.ROOT, "DONE in %.0fs (load %s)%n", (System.nanoTime() - began) / 1e9, loadAverage());
    if (!failures.isEmpty()) {
      out.println("FAILED: " + failures.size() + " check(s): " + String.join("; ", failures));
      return 1;
    }
    return 0;
  }

  // ---- phases ----

  private void warmUp(List<ItemTarget> targets) throws Exception {
    for (ItemTarget target : targets) {
      for (int i = 0; i < settings.warmup(); i++) {
        target.create(Folder.WARMUP, items.note(nextWarmupItem++));
      }
    }
    bulkImport(targets, Folder.WARMUP, nextWarmupItem, Math.min(2, settings.bulkCalls()));
    nextWarmupItem += Math.min(2, settings.bulkCalls()) * settings.bulkSize();
  }

  /**
   * Runs {@code operation} unrecorded on a target right before its measured phase: at least {@link
   * #MIN_SETTLE_NANOS}, then in slices of {@link #SETTLE_SLICE_NANOS} until {@link
   * #QUIET_SLICES} slices in a row leave the JIT compiling for less than {@link
   * #SETTLED_JIT_MILLIS} each (at most {@link #MAX_SETTLE_NANOS}; not at all with {@code
   * --warmup=0}). The two targets run the same Derby code with different statements, so each switch
   * between them (and between single and bulk saves) made C2 deoptimize Derby's insert path and
   * compile it again: 2-6 s of compile time inside a measured phase after a fixed warm-up, and a
   * single quiet second was no sign of the end (C2 had not yet started on code C1 had compiled).
   * A server does one kind of work all day, so the figures are those of code compiled for it.
   */
  private void settle(ItemTarget target, String phase, UnrecordedCall operation) throws Exception {
    if (settings.warmup() == 0) {
      return;
    }
    long start = System.nanoTime();
    int quietSlices = 0;
    int calls = 0;
    long jitInSlice;
    do {
      long jitBefore = JvmActivity.compilationMillis();
      long sliceEnd = System.nanoTime() + SETTLE_SLICE_NANOS;
      do {
        operation.run();
        calls++;
      } while (System.nanoTime() < sliceEnd);
      jitInSlice = JvmActivity.compilationMillis() - jitBefore;
      quietSlices = jitInSlice < SETTLED_JIT_MILLIS ? quietSlices + 1 : 0;
    } while ((quietSlices < QUIET_SLICES || System.nanoTime() - start < MIN_SETTLE_NANOS)
        && System.nanoTime() - start < MAX_SETTLE_NANOS);
    out.printf(Locale.ROOT, "SETTLE %-15s %-5s %d unrecorded calls in %.1f s; JIT compiling %d ms in the last %.1f s%s%n",
        phase, target.name(), calls, (System.nanoTime() - start) / 1e9, jitInSlice, SETTLE_SLICE_NANOS / 1e9,
        quietSlices >= QUIET_SLICES ? "" : " (not settled: time limit)");
  }

  private Measurement[] singleSaves(List<ItemTarget> targets, int base, int count) throws Exception {
    Measurement[] result = new Measurement[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      ItemTarget target = targets.get(t);
      // The settling runs the very code of the measured phase (same method, folder, argument shapes):
      // C2 drops compiled code at the first branch it never saw taken (a null ids array did that here)
      // and compiles again, which had put 1-3 s of compile time inside the measured phase.
      Measurement unrecorded = new Measurement();
      long[] unrecordedIds = new long[SAVES_PER_RUN];
      settle(target, "single-save", () -> {
        timedSingleSaves(target, Folder.INBOX, nextWarmupItem, SAVES_PER_RUN, unrecorded, unrecordedIds, 0);
        nextWarmupItem += SAVES_PER_RUN;
        settled(target, Folder.INBOX, SAVES_PER_RUN);
      });
      result[t] = new Measurement();
      long[] ids = new long[count];
      for (int done = 0; done < count; done += SAVES_PER_RUN) {
        timedSingleSaves(target, Folder.INBOX, base + done, Math.min(SAVES_PER_RUN, count - done), result[t], ids, done);
      }
      phase("single-save", target, result[t]);
      checkContent(target, Folder.INBOX, ids, i -> items.note(base + i));
    }
    return result;
  }

  /** Saves items {@code first} to {@code first + count - 1} one call each, recording each call. */
  private void timedSingleSaves(ItemTarget target, Folder folder, int first, int count, Measurement measurement, long[] ids,
      int offset) throws Exception {
    for (int i = 0; i < count; i++) {
      List<PropValue> item = items.note(first + i);
      long cpu = ThreadCpu.processCpuNanos();
      long start = System.nanoTime();
      long id = target.create(folder, item);
      measurement.record(System.nanoTime() - start, ThreadCpu.processCpuNanos() - cpu, 1);
      ids[offset + i] = id;
    }
  }

  /**
   * Single saves from {@code --save-threads} threads at once, as a server's clients make them: on
   * the store each thread saves into a mailbox of its own (its writer lock is per mailbox), on the
   * plain side over a connection of its own. Durable commits that are under way together may
   * share one log write (Derby flushes the log up to the newest record, and a waiting committer
   * finds its record already on disk), so the throughput is items over the phase's wall time, not
   * over the sum of the calls' times.
   */
  private Measurement[] concurrentSaves(DerbyStore derbyStore, Database database, PropertyBagCodec codec,
      PropTag startWhole, PropTag endWhole) throws Exception {
    int threads = settings.saveThreads();
    int perThread = settings.singles() / threads;
    List<ItemTarget> stores = new ArrayList<>();
    List<PlainJdbcTarget> plains = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        stores.add(StoreTarget.provision(derbyStore, ACCOUNT + 1 + t));
        plains.add(new PlainJdbcTarget(database, codec, startWhole, endWhole, PLAIN_IDS_PER_THREAD * (t + 1)));
      }
      for (int t = 0; t < threads; t++) { // warm each mailbox and connection (statements, counters)
        for (int i = 0; i < Math.min(settings.warmup(), 20); i++) {
          stores.get(t).create(Folder.WARMUP, items.note(WARMUP_BASE + i));
          plains.get(t).create(Folder.WARMUP, items.note(WARMUP_BASE + i));
        }
      }
      Measurement store = concurrentPhase(stores, Folder.INBOX, perThread);
      // the plain side's Inbox is counted and walked by the later checks, so its threads use another folder
      Measurement plain = concurrentPhase(new ArrayList<>(plains), Folder.WARMUP, perThread);
      for (int t = 0; t < threads; t++) {
        check(stores.get(t).count(Folder.INBOX) == perThread, "store concurrent mailbox " + t + " counts "
            + stores.get(t).count(Folder.INBOX) + " items in its Inbox, expected " + perThread);
      }
      return new Measurement[] {store, plain};
    } finally {
      for (PlainJdbcTarget plain : plains) {
        plain.close();
      }
    }
  }

  private Measurement concurrentPhase(List<ItemTarget> targets, Folder folder, int perThread) throws Exception {
    int threads = targets.size();
    Measurement[] parts = new Measurement[threads];
    long[][] ids = new long[threads][perThread];
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        parts[t] = new Measurement();
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            List<PropValue> item = items.note(CONCURRENT_BASE + thread * perThread + i);
            long began = System.nanoTime();
            ids[thread][i] = targets.get(thread).create(folder, item);
            parts[thread].record(System.nanoTime() - began, 1);
          }
          return null;
        }));
      }
      long cpu = ThreadCpu.processCpuNanos();
      long began = System.nanoTime();
      start.countDown();
      for (java.util.concurrent.Future<?> future : done) {
        future.get();
      }
      long wall = System.nanoTime() - began;
      Measurement all = new Measurement();
      for (Measurement part : parts) {
        all.add(part);
      }
      all.processCpu(ThreadCpu.processCpuNanos() - cpu);
      all.wall(wall);
      phase("concurrent-save", targets.get(0), all);
      for (int t = 0; t < threads; t++) {
        int thread = t;
        checkContent(targets.get(t), folder, ids[t], i -> items.note(CONCURRENT_BASE + thread * perThread + i));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private Measurement[] bulkImport(List<ItemTarget> targets, Folder folder, int base, int calls) throws Exception {
    Measurement[] result = new Measurement[targets.size()];
    int size = settings.bulkSize();
    for (int t = 0; t < targets.size(); t++) {
      ItemTarget target = targets.get(t);
      if (folder != Folder.WARMUP) {
        Measurement unrecorded = new Measurement();
        settle(target, "bulk-import", () -> {
          timedBulkCall(target, folder, nextWarmupItem, unrecorded);
          nextWarmupItem += size;
          settled(target, folder, size);
        });
      }
      result[t] = new Measurement();
      long[] ids = new long[calls * size];
      for (int c = 0; c < calls; c++) {
        long[] saved = timedBulkCall(target, folder, base + c * size, result[t]);
        System.arraycopy(saved, 0, ids, c * size, saved.length);
      }
      if (folder != Folder.WARMUP) {
        phase("bulk-import", target, result[t]);
        checkContent(target, folder, ids, i -> items.note(base + i));
      }
    }
    return result;
  }

  /** Saves {@code --bulk-size} items from {@code first} on in one call, recording the call. */
  private long[] timedBulkCall(ItemTarget target, Folder folder, int first, Measurement measurement) throws Exception {
    int size = settings.bulkSize();
    List<List<PropValue>> batch = notes(first, size);
    long cpu = ThreadCpu.processCpuNanos();
    long start = System.nanoTime();
    long[] saved = target.createAll(folder, batch);
    measurement.record(System.nanoTime() - start, ThreadCpu.processCpuNanos() - cpu, size);
    check(saved.length == size, target.name() + " bulk call returned " + saved.length + " ids for " + size + " items");
    return saved;
  }

  private Measurement[] calendarImport(List<ItemTarget> targets, PropTag startWhole, PropTag endWhole, long[][] ids)
      throws Exception {
    Measurement[] result = new Measurement[targets.size()];
    int total = settings.calendarItems();
    for (int t = 0; t < targets.size(); t++) {
      ItemTarget target = targets.get(t);
      result[t] = new Measurement();
      ids[t] = new long[total];
      for (int first = 0; first < total; first += settings.bulkSize()) {
        int size = Math.min(settings.bulkSize(), total - first);
        List<List<PropValue>> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          batch.add(items.appointment(first + i, startWhole, endWhole));
        }
        long cpu = ThreadCpu.processCpuNanos();
        long start = System.nanoTime();
        long[] saved = target.createAll(Folder.CALENDAR, batch);
        result[t].record(System.nanoTime() - start, ThreadCpu.processCpuNanos() - cpu, size);
        check(saved.length == size, target.name() + " calendar import returned " + saved.length + " ids for " + size);
        System.arraycopy(saved, 0, ids[t], first, saved.length);
      }
      phase("calendar-import", target, result[t]);
      checkContent(target, Folder.CALENDAR, ids[t], i -> items.appointment(i, startWhole, endWhole));
    }
    return result;
  }

  /**
   * The columns of a calendar view (what Outlook's day/week view and free/busy read of each
   * appointment): message class, subject, start, end, location, busy status, recurring. The named
   * ones are mapped here, after the imports, so the saves are measured as before; the benchmark's
   * appointments have no location, busy status or recurrence flag, so each item returns four.
   */
  private static Set<PropTag> calendarView(Mailbox mailbox, PropTag startWhole, PropTag endWhole) throws Exception {
    Set<PropTag> columns = Set.of(PropTag.of(0x001A, PropType.PT_UNICODE), PropTag.of(0x0037, PropType.PT_UNICODE),
        startWhole, endWhole, appointmentTag(mailbox, 0x8208, PropType.PT_UNICODE),
        appointmentTag(mailbox, 0x8205, PropType.PT_LONG), appointmentTag(mailbox, 0x8223, PropType.PT_BOOLEAN));
    if (columns.size() != CALENDAR_VIEW_COLUMNS) {
      throw new IllegalStateException("calendar view has " + columns.size() + " columns");
    }
    return columns;
  }

  /** Week queries on both targets, decoding {@code columns} of each item (all if null). */
  private Measurement[] rangeQueries(List<ItemTarget> targets, long[][] ids, long[] starts, long[] ends,
      Set<PropTag> columns, String name) throws Exception {
    int[] weeks = new SplittableRandom(settings.seed()).ints(settings.queries(), 0, BenchItems.CALENDAR_WEEKS).toArray();
    Measurement[] result = new Measurement[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      ItemTarget target = targets.get(t);
      SplittableRandom warmupWeeks = new SplittableRandom(settings.seed() + 2);
      warmUpQueries(() -> {
        Instant from = BenchItems.CALENDAR_START.plus(BenchItems.WEEK.multipliedBy(warmupWeeks.nextInt(BenchItems.CALENDAR_WEEKS)));
        target.range(Folder.CALENDAR, from, from.plus(BenchItems.WEEK), columns);
      });
      result[t] = new Measurement();
      long deadline = System.nanoTime() + settings.querySeconds() * 1_000_000_000L;
      for (int q = 0; q < weeks.length && System.nanoTime() < deadline; q++) {
        Instant from = BenchItems.CALENDAR_START.plus(BenchItems.WEEK.multipliedBy(weeks[q]));
        Instant to = from.plus(BenchItems.WEEK);
        long cpu = ThreadCpu.processCpuNanos();
        long start = System.nanoTime();
        List<Long> found = target.range(Folder.CALENDAR, from, to, columns);
        long elapsed = System.nanoTime() - start;
        result[t].record(elapsed, ThreadCpu.processCpuNanos() - cpu, found.size());
        long[] expected = overlapping(ids[t], starts, ends, from.toEpochMilli(), to.toEpochMilli());
        long[] actual = found.stream().mapToLong(Long::longValue).sorted().toArray();
        check(Arrays.equals(expected, actual), String.format(Locale.ROOT,
            "%s range query for the week of %s returned %d items, expected %d", target.name(), from, actual.length,
            expected.length));
      }
      phase(name, target, result[t]);
    }
    return result;
  }

  private Measurement[] pages(List<ItemTarget> targets, long[][] ids) throws Exception {
    int[] positions = new SplittableRandom(settings.seed() + 1).ints(settings.queries(), 0, settings.calendarItems()).toArray();
    Measurement[] result = new Measurement[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      ItemTarget target = targets.get(t);
      long[] targetIds = ids[t];
      SplittableRandom warmupPositions = new SplittableRandom(settings.seed() + 3);
      warmUpQueries(() -> target.page(Folder.CALENDAR, targetIds[warmupPositions.nextInt(targetIds.length)], settings.pageSize()));
      result[t] = new Measurement();
      long[] sorted = ids[t].clone();
      Arrays.sort(sorted);
      long deadline = System.nanoTime() + settings.querySeconds() * 1_000_000_000L;
      for (int q = 0; q < positions.length && System.nanoTime() < deadline; q++) {
        long afterId = ids[t][positions[q]];
        long cpu = ThreadCpu.processCpuNanos();
        long start = System.nanoTime();
        List<Long> found = target.page(Folder.CALENDAR, afterId, settings.pageSize());
        long elapsed = System.nanoTime() - start;
        result[t].record(elapsed, ThreadCpu.processCpuNanos() - cpu, found.size());
        int from = Arrays.binarySearch(sorted, afterId) + 1;
        long[] expected = Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + settings.pageSize()));
        long[] actual = found.stream().mapToLong(Long::longValue).toArray();
        check(Arrays.equals(expected, actual), String.format(Locale.ROOT,
            "%s page after id %d returned %d items, expected the %d that follow it", target.name(), afterId,
            actual.length, expected.length));
      }
      phase("page", target, result[t]);
    }
    return result;
  }

  /** One unrecorded call: a query or a save of a warm-up. */
  @FunctionalInterface
  private interface UnrecordedCall {
    void run() throws Exception;
  }

  /**
   * Unrecorded queries before a target's measured ones, for {@link #QUERY_WARMUP_NANOS} and at
   * least {@link #MIN_QUERY_WARMUP} (none with {@code --warmup=0}): a server answers such queries
   * all day, so the figure is that of compiled code, not of the JIT's first few hundred calls.
   */
  private void warmUpQueries(UnrecordedCall query) throws Exception {
    if (settings.warmup() == 0) {
      return;
    }
    long until = System.nanoTime() + QUERY_WARMUP_NANOS;
    for (int q = 0; q < MIN_QUERY_WARMUP || System.nanoTime() < until; q++) {
      query.run();
    }
  }

  /** The child JVM under strace: the save phases again, each segment behind a marker file. */
  private int runSyncChild(Path dir) throws Exception {
    try (Database database = Database.open(dir.resolve("db"), List.of(new StoreSchema(), PlainJdbcTarget.SCHEMA))) {
      PropertyBagCodec codec = new PropertyBagCodec();
      StoreTarget store = StoreTarget.provision(new DerbyStore(database, codec, Clock.systemUTC()), ACCOUNT);
      PropTag startWhole = appointmentTag(store.mailbox(), 0x820D);
      PropTag endWhole = appointmentTag(store.mailbox(), 0x820E);
      try (PlainJdbcTarget plain = new PlainJdbcTarget(database, codec, startWhole, endWhole)) {
        List<ItemTarget> targets = List.of(store, plain);
        for (ItemTarget target : targets) {
          for (int i = 0; i < settings.warmup(); i++) {
            target.create(Folder.WARMUP, items.note(WARMUP_BASE + i));
          }
          target.createAll(Folder.WARMUP, notes(WARMUP_BASE + settings.warmup(), settings.bulkSize()));
        }
        for (ItemTarget target : targets) {
          mark(dir, target.name() + "-single");
          for (int i = 0; i < settings.syncOps(); i++) {
            target.create(Folder.INBOX, items.note(CHILD_BASE + i));
          }
        }
        for (ItemTarget target : targets) {
          List<List<List<PropValue>>> batches = new ArrayList<>();
          for (int c = 0; c < SyncCounter.BULK_CALLS; c++) {
            batches.add(notes(CHILD_BASE + settings.syncOps() + c * settings.bulkSize(), settings.bulkSize()));
          }
          mark(dir, target.name() + "-bulk");
          for (List<List<PropValue>> batch : batches) {
            target.createAll(Folder.IMPORT, batch);
          }
        }
        mark(dir, SyncCounter.END);
      }
    }
    return 0;
  }

  private SyncCounter.Result countSyncs(Path dir) throws IOException, InterruptedException {
    if (settings.strace() == StoreBenchSettings.Strace.OFF) {
      out.println("SYNCS not counted (--strace=off)");
      return null;
    }
    if (!SyncCounter.available()) {
      if (settings.strace() == StoreBenchSettings.Strace.ON) {
        throw new IOException("--strace=on but strace does not run here (install it: apt-get install -y strace)");
      }
      out.println("SYNCS not counted: strace is not installed (apt-get install -y strace); Derby has no sync counter");
      return null;
    }
    out.println("SYNCS counting log syncs: " + settings.syncOps() + " single saves and " + SyncCounter.BULK_CALLS
        + " bulk calls per target again, in a child JVM under strace");
    out.flush();
    return SyncCounter.count(settings, dir);
  }

  // ---- checks ----

  @FunctionalInterface
  private interface ItemSource {
    List<PropValue> item(int index);
  }

  /** A few saved items, spread over the phase, read back with every property as given. */
  private void checkContent(ItemTarget target, Folder folder, long[] ids, ItemSource source) throws Exception {
    SplittableRandom random = new SplittableRandom(settings.seed() ^ ids.length);
    for (int c = 0; c < CONTENT_CHECKS; c++) {
      int i = random.nextInt(ids.length);
      Map<PropTag, PropValue> stored = target.read(folder, ids[i]);
      for (PropValue given : source.item(i)) {
        if (!given.equals(stored.get(given.tag()))) {
          check(false, target.name() + " item " + ids[i] + " in " + folder + " has " + stored.get(given.tag())
              + " where " + given + " was saved");
          return;
        }
      }
    }
  }

  /**
   * {@code Mailbox.items(folder, 0, ...)} documents 0 as the start of the folder; walking it page
   * by page must see every item.
   */
  private void checkWalkFromStart(List<ItemTarget> targets) throws Exception {
    for (ItemTarget target : targets) {
      int seen = 0;
      long after = 0;
      for (List<Long> page = target.page(Folder.INBOX, after, 1000); !page.isEmpty();
          page = target.page(Folder.INBOX, after, 1000)) {
        seen += page.size();
        after = page.get(page.size() - 1);
      }
      int expected = settings.singles() + settledItems(target, Folder.INBOX);
      check(seen == expected, target.name() + " paging the Inbox from id 0 saw " + seen + " of " + expected + " items");
    }
  }

  private void checkCount(List<ItemTarget> targets, Folder folder, int expected) throws Exception {
    for (ItemTarget target : targets) {
      int count = target.count(folder);
      int all = expected + settledItems(target, folder);
      check(count == all, target.name() + " counts " + count + " items in " + folder + ", expected " + all);
    }
  }

  /** Counts items a settling saved into a measured folder, for the checks of that folder. */
  private void settled(ItemTarget target, Folder folder, int saved) {
    settledItems.merge(target.name() + "/" + folder, saved, Integer::sum);
  }

  private int settledItems(ItemTarget target, Folder folder) {
    return settledItems.getOrDefault(target.name() + "/" + folder, 0);
  }

  private void check(boolean ok, String failure) {
    if (!ok) {
      failures.add(failure);
      out.println("CHECK FAILED " + failure);
      out.flush();
    }
  }

  // ---- output ----

  private void printConfig(Database database, Path dir, double diskSeconds) throws SQLException {
    String derby;
    try (Connection connection = database.connection()) {
      derby = connection.getMetaData().getDatabaseProductVersion();
      connection.commit();
    }
    out.printf(Locale.ROOT,
        "CONFIG cores=%d java=%s derby=%s durability=default (log synced at every commit) data=%s singles=%d"
            + " warmup=%d bulk=%dx%d calendar-items=%d queries=%d page=%d seed=%d load=%s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), derby, dir, settings.singles(),
        settings.warmup(), settings.bulkCalls(), settings.bulkSize(), settings.calendarItems(), settings.queries(),
        settings.pageSize(), settings.seed(), loadAverage());
    // the Derby system settings of this run (run-store-bench takes the distribution's)
    out.printf(Locale.ROOT, "DERBY %s%n", System.getProperties().stringPropertyNames().stream().sorted()
        .filter(name -> name.startsWith("derby.storage."))
        .map(name -> name + "=" + System.getProperty(name)).reduce((a, b) -> a + " " + b).orElse("(Derby defaults)"));
    out.printf(Locale.ROOT,
        "DISK %d synchronous (O_DSYNC) 4 KiB writes: %.2fms each, %.0f/s: the ceiling for one durable commit at a"
            + " time%n", DISK_PROBE_WRITES, diskSeconds * 1e3, 1 / diskSeconds);
    out.flush();
  }

  private void phase(String name, ItemTarget target, Measurement measurement) {
    out.printf(Locale.ROOT, "PHASE %-15s %-5s %s; load %s%n", name, target.name(), measurement.detail(), loadAverage());
    out.flush();
  }

  private String latencyResult(String name, Measurement[] m, String what) {
    double p50Ratio = m[0].p50Millis() / m[1].p50Millis();
    return String.format(Locale.ROOT,
        "RESULT %s store=%s (%d queries) | plain=%s (%d queries) | ratio %.2fx p50, %.2fx p99 (%s; at most %d"
            + " queries or %ds per side; targets: store p50 < %.0fms %s; ratio < %.2fx %s)",
        name, m[0].latencySummary(), m[0].calls(), m[1].latencySummary(), m[1].calls(), p50Ratio,
        m[0].p99Millis() / m[1].p99Millis(), what, settings.queries(), settings.querySeconds(), MAX_QUERY_P50_MILLIS,
        met(m[0].p50Millis() < MAX_QUERY_P50_MILLIS), MAX_OVERHEAD, met(p50Ratio < MAX_OVERHEAD));
  }

  /**
   * Log syncs per operation, split into synchronous log writes (commits, and full log buffers in
   * big transactions) and fsyncs of log files (log switches, checkpoints' control files).
   */
  private static String syncResult(String name, String unit, StraceLog.Counts store, StraceLog.Counts plain, int ops,
      String what) {
    double storePerOp = store.logSyncs() / (double) ops;
    double plainPerOp = plain.logSyncs() / (double) ops;
    return String.format(Locale.ROOT,
        "RESULT log-syncs %s store=%.2f per %s (%.2f log writes + %.2f log fsyncs; data-file syncs %.2f) | plain=%.2f"
            + " (%.2f + %.2f; data-file syncs %.2f) | ratio %.2fx (%s; target: store <= %.0f per client operation %s)",
        name, storePerOp, unit, store.logSyncedWrites / (double) ops, store.logFsyncs / (double) ops,
        store.dataFsyncs / (double) ops, plainPerOp, plain.logSyncedWrites / (double) ops,
        plain.logFsyncs / (double) ops, plain.dataFsyncs / (double) ops, storePerOp / plainPerOp, what,
        MAX_LOG_SYNCS_PER_OPERATION, met(storePerOp <= MAX_LOG_SYNCS_PER_OPERATION));
  }

  /** Store time per item over plain time per item. */
  private static double throughputRatio(Measurement[] m) {
    return m[1].itemsPerSecond() / m[0].itemsPerSecond();
  }

  /** The machine's load averages (1, 5, 15 minutes) where Linux tells them, so shared-machine runs say how shared. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String met(boolean met) {
    return met ? "met" : "missed";
  }

  // ---- helpers ----

  private static PropTag appointmentTag(Mailbox mailbox, long lid) throws Exception {
    return appointmentTag(mailbox, lid, PropType.PT_SYSTIME);
  }

  private static PropTag appointmentTag(Mailbox mailbox, long lid, PropType type) throws Exception {
    int id = mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, lid), true);
    return PropTag.of(id, type);
  }

  private List<List<PropValue>> notes(int base, int count) {
    List<List<PropValue>> notes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      notes.add(items.note(base + i));
    }
    return notes;
  }

  /** The ids (sorted) of the appointments overlapping {@code [from, to)}, as the store defines overlap. */
  private static long[] overlapping(long[] ids, long[] starts, long[] ends, long from, long to) {
    return java.util.stream.IntStream.range(0, ids.length)
        .filter(i -> starts[i] < to && ends[i] > from)
        .mapToLong(i -> ids[i])
        .sorted()
        .toArray();
  }

  private static void mark(Path dir, String segment) throws IOException {
    Files.createFile(dir.resolve(StraceLog.MARKER_PREFIX + segment));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

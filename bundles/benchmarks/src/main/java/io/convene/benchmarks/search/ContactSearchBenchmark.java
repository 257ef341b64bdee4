package io.convene.benchmarks.search;

import io.convene.api.search.ContactHit;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.store.Caller;
import io.convene.benchmarks.JvmActivity;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.IndexEntry;
import io.convene.search.lucene.query.FolderAccess;
import io.convene.search.lucene.query.LuceneContactSearch;
import io.convene.storage.derby.db.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Contact search at scale: builds the index of {@code --contacts} generated entries (default one
 * million) with the search bundle's own {@link ContactIndex}, runs ANR queries through {@link
 * LuceneContactSearch} from {@code --threads} concurrent threads (default 16), and runs the same
 * queries as {@code LOWER(column) LIKE 'word%'} lookups on embedded Derby over the same rows from
 * as many threads. Prints build rate, index size, latency percentiles of both and the p99 ratio,
 * and, because the machine may be shared, the CPU time behind them: the build's CPU seconds and
 * each query's thread CPU time (p50/p99), so figures taken under load still say what the work
 * costs. It also checks the results: every Lucene hit must be visible to the caller, and whenever Derby finds
 * a row, Lucene must find one too (Lucene also folds accents, so it may find more).
 *
 * <p>Options: {@code --contacts=N}, {@code --threads=N}, {@code --queries=N} (Lucene queries per
 * thread, default 2000), {@code --warmup=N} (Lucene queries per thread before measuring, default
 * 4000, then more until the JIT has settled: see {@link #warmUp}), {@code --sql-queries=N} (Derby queries in all, default 48; each is a full table scan),
 * {@code --sql-seconds=N} (default 180: no Derby query starts later than this after the first, and
 * the Lucene/Derby comparison gets half as long again, so a million rows stay within minutes),
 * {@code --dir=PATH} (default a temporary directory, deleted at the end).
 */
public final class ContactSearchBenchmark {

  private static final Caller CALLER = Caller.account(1);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** The one foreign mailbox that shared its contacts folder with {@link #CALLER}. */
  private static final long SHARING_OWNER = 2;

  public static void main(String[] args) throws Exception {
    int contacts = intOption(args, "contacts", 1_000_000);
    int threads = intOption(args, "threads", 16);
    int queriesPerThread = intOption(args, "queries", 2_000);
    // 500 per thread left the JIT compiling through the measured searches (about 10 s of compile
    // time on 2 cores, a third of the process CPU per search): the figures were of warm-up
    int warmupPerThread = intOption(args, "warmup", 4_000);
    int sqlQueries = intOption(args, "sql-queries", 48);
    int sqlSeconds = intOption(args, "sql-seconds", 180);
    String dirOption = option(args, "dir", null);
    Path dir = dirOption != null ? Path.of(dirOption) : Files.createTempDirectory("contact-bench");
    System.out.printf(Locale.ROOT, "CONFIG contacts=%d threads=%d warm-up=%d lucene-queries=%d sql-queries=%d sql-seconds=%d cores=%d load=%s dir=%s%n",
        contacts, threads, threads * warmupPerThread, threads * queriesPerThread, sqlQueries, sqlSeconds, Runtime.getRuntime().availableProcessors(),
        loadAverage(), dir);
    boolean ok;
    try {
      ok = run(dir, contacts, threads, warmupPerThread, queriesPerThread, sqlQueries, Duration.ofSeconds(sqlSeconds));
    } finally {
      if (dirOption == null) {
        deleteRecursively(dir);
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private static boolean run(Path dir, int contacts, int threads, int warmupPerThread, int queriesPerThread, int sqlQueries,
      Duration sqlTime)
      throws Exception {
    Path indexDir = dir.resolve("index");
    long started = System.nanoTime();
    try (ContactIndex index = ContactIndex.open(indexDir, Duration.ofSeconds(1))) {
      long processCpuStart = processCpuNanos();
      long builderCpu = build(index, contacts);
      index.commit();
      double buildSeconds = (System.nanoTime() - started) / 1e9;
      double buildCpuSeconds = (processCpuNanos() - processCpuStart) / 1e9;
      long bytes = size(indexDir);
      System.out.printf(Locale.ROOT, "BUILD %d entries in %.1f s: %.0f contacts/s (target >= 20000: %s); index %.1f MB (%.0f bytes/contact)%n",
          index.size(), buildSeconds, contacts / buildSeconds, contacts / buildSeconds >= 20_000 ? "met" : "missed",
          bytes / 1e6, (double) bytes / contacts);
      System.out.printf(Locale.ROOT, "BUILD CPU %.1f s in the process (%.1f s in the %d builder threads; the rest merges, GC, JIT):"
              + " %.0f contacts per process CPU second%n",
          buildCpuSeconds, builderCpu / 1e9, Runtime.getRuntime().availableProcessors(), contacts / buildCpuSeconds);

      // a bulk load ends by merging the index into one segment in the background; searches run on
      // the segments meanwhile, and the merge is timed on its own so the build rate stays that of a
      // searchable index
      long mergeStart = System.nanoTime();
      long mergeCpu = processCpuNanos();
      index.mergeToOneSegment();
      index.refresh();
      double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
      double totalSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "MERGE into %d segment(s): %.1f s more after the build (%.1f s of process CPU);"
              + " build and merge together %.0f contacts/s%n",
          index.search(searcher -> searcher.getIndexReader().leaves().size()), mergeSeconds,
          (processCpuNanos() - mergeCpu) / 1e9, contacts / totalSeconds);

      FolderAccess access = (caller, owner, folder) -> owner == SHARING_OWNER;
      LuceneContactSearch search = new LuceneContactSearch(index, access, 200);
      List<String> queries = GeneratedContacts.queries(4_096);
      warmUp(search, queries, threads, warmupPerThread);
      long phaseCpu = processCpuNanos();
      long jitBefore = JvmActivity.compilationMillis();
      long phaseStart = System.nanoTime();
      long[] gcBefore = JvmActivity.gcCountAndMillis();
      Timings lucene = runLucene(search, queries, threads, queriesPerThread);
      double phaseSeconds = (System.nanoTime() - phaseStart) / 1e9;
      double phaseCpuMillis = (processCpuNanos() - phaseCpu) / 1e6;
      long[] gcAfter = JvmActivity.gcCountAndMillis();
      long jitMillis = JvmActivity.compilationMillis() - jitBefore;
      int violations = checkVisibility(search, queries.subList(0, 500));
      print("LUCENE", lucene, threads * queriesPerThread);
      int count = threads * queriesPerThread;
      // all of the process's CPU (search threads, the benchmark's own work, GC, JIT) per search: on
      // a shared machine the steadiest figure of what a search costs
      // JIT compilation still running in the measured phase takes CPU from the searches on few cores
      System.out.printf(Locale.ROOT, "LUCENE CPU %.3f ms per query in the process (%.0f queries/s); GC %d collections, %d ms;"
              + " JIT compiling %d ms%n",
          phaseCpuMillis / count, count / phaseSeconds, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], jitMillis);

      Path derbyDir = dir.resolve("derby");
      System.setProperty("derby.system.durability", "test"); // loading rows for reads: durability does not matter
      System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
      Database database = Database.open(derbyDir, List.of());
      try {
        long loadStart = System.nanoTime();
        load(database, contacts);
        System.out.printf(Locale.ROOT, "DERBY loaded %d rows in %.1f s%n", contacts, (System.nanoTime() - loadStart) / 1e9);
        // warm-up: one scan brings the table into Derby's page cache
        sql(database, queries.get(0));
        // each Derby query scans the whole table: at a million rows the count is bounded by time too
        long deadline = System.nanoTime() + sqlTime.toNanos();
        AtomicInteger ran = new AtomicInteger();
        Timings derby = runSql(database, queries, threads, sqlQueries, deadline, ran);
        print("DERBY ", derby, ran.get());
        if (ran.get() < sqlQueries) {
          System.out.printf(Locale.ROOT, "NOTE Derby ran %d of %d queries within --sql-seconds=%d; its percentiles are over those%n",
              ran.get(), sqlQueries, sqlTime.toSeconds());
        }
        int missed = compare(search, database, queries.subList(0, Math.min(ran.get(), 32)), deadline + sqlTime.toNanos() / 2);

        double ratio = (double) derby.wall().getValueAtPercentile(99) / lucene.wall().getValueAtPercentile(99);
        double cpuRatio = (double) derby.cpu().getValueAtPercentile(99) / lucene.cpu().getValueAtPercentile(99);
        double luceneP99 = lucene.wall().getValueAtPercentile(99) / 1000.0;
        double luceneCpuP99 = lucene.cpu().getValueAtPercentile(99) / 1000.0;
        System.out.printf(Locale.ROOT, "RESULT lucene p99=%.2f ms (target < 5 ms: %s); derby/lucene p99 ratio %.0fx (target >= 50x: %s);"
                + " visibility violations=%d, queries Derby answered and Lucene not=%d%n",
            luceneP99, luceneP99 < 5 ? "met" : "missed", ratio, ratio >= 50 ? "met" : "missed", violations, missed);
        System.out.printf(Locale.ROOT, "RESULT CPU lucene p99=%.3f ms per query (< 5 ms: %s); derby/lucene CPU p99 ratio %.0fx (>= 50x: %s)%n",
            luceneCpuP99, luceneCpuP99 < 5 ? "met" : "missed", cpuRatio, cpuRatio >= 50 ? "met" : "missed");
        return violations == 0 && missed == 0;
      } finally {
        database.close();
      }
    }
  }

  /**
   * Fills the empty index from as many threads as there are cores, as a rebuild would: plain adds
   * in one bulk load. Returns the CPU nanoseconds of the builder threads.
   */
  private static long build(ContactIndex index, int contacts) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> done = new ArrayList<>();
    try (ContactIndex.BulkLoad bulk = index.bulkLoad()) {
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          long cpu = THREADS.getCurrentThreadCpuTime();
          for (int i = next.getAndIncrement(); i < contacts; i = next.getAndIncrement()) {
            index.add(GeneratedContacts.entry(i));
          }
          return THREADS.getCurrentThreadCpuTime() - cpu;
        }));
      }
      long cpu = 0;
      for (Future<Long> f : done) {
        cpu += f.get();
      }
      return cpu;
    } finally {
      pool.shutdown();
    }
  }

  /** Wall-clock and thread CPU time per query, in microseconds. */
  private record Timings(Histogram wall, Histogram cpu) {
    Timings() {
      this(new Histogram(600_000_000L, 3), new Histogram(600_000_000L, 3));
    }

    void record(long wallNanos, long cpuNanos) {
      wall.recordValue(Math.max(1, wallNanos / 1000));
      cpu.recordValue(Math.max(1, cpuNanos / 1000));
    }

    void add(Timings other) {
      wall.add(other.wall);
      cpu.add(other.cpu);
    }
  }

  private static Timings runLucene(LuceneContactSearch search, List<String> queries, int threads, int perThread) throws Exception {
    return concurrently(threads, thread -> {
      Timings timings = new Timings();
      for (int i = 0; i < perThread; i++) {
        String query = queries.get((thread * 7919 + i) % queries.size());
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        HitPage page = search.resolve(CALLER, query, QueryOptions.DEFAULT);
        timings.record(System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu);
        if (page.hits().size() > QueryOptions.DEFAULT.limit()) {
          throw new IllegalStateException("page larger than asked");
        }
      }
      return timings;
    });
  }

  /** At most {@code total} queries, none started after {@code deadline} ({@link System#nanoTime()}); counts them in {@code ran}. */
  private static Timings runSql(Database database, List<String> queries, int threads, int total, long deadline, AtomicInteger ran)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    return concurrently(threads, thread -> {
      Timings timings = new Timings();
      for (int i = next.getAndIncrement(); i < total && System.nanoTime() < deadline; i = next.getAndIncrement()) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        sql(database, queries.get(i));
        timings.record(System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu);
        ran.incrementAndGet();
      }
      return timings;
    });
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private interface PerThread {
    Timings run(int thread) throws Exception;
  }

  private static Timings concurrently(int threads, PerThread work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Timings>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit((Callable<Timings>) () -> work.run(thread)));
      }
      Timings all = new Timings();
      for (Future<Timings> result : results) {
        all.add(result.get());
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Warm-up (JIT, page cache): {@code perThread} searches per thread, then rounds of a quarter as
   * many until a round leaves the JIT compiling for less than {@link #JIT_SETTLED_MILLIS} (at most
   * {@link #MAX_WARMUP}). On two cores a fixed count left C2 compiling Lucene through the measured
   * phase in some runs (3-7 s of compile time there), so the figures were partly of the warm-up.
   */
  private static void warmUp(LuceneContactSearch search, List<String> queries, int threads, int perThread)
      throws Exception {
    long start = System.nanoTime();
    runLucene(search, queries, threads, perThread);
    long searches = (long) threads * perThread;
    long jitInRound;
    do {
      long jitBefore = JvmActivity.compilationMillis();
      runLucene(search, queries, threads, Math.max(1, perThread / 4));
      searches += (long) threads * Math.max(1, perThread / 4);
      jitInRound = JvmActivity.compilationMillis() - jitBefore;
    } while (jitInRound >= JIT_SETTLED_MILLIS && System.nanoTime() - start < MAX_WARMUP.toNanos());
    System.out.printf(Locale.ROOT, "WARMUP %d searches in %.1f s; JIT compiling %d ms in the last round of %d%n", searches,
        (System.nanoTime() - start) / 1e9, jitInRound, threads * Math.max(1, perThread / 4));
  }

  private static final long JIT_SETTLED_MILLIS = 100;
  private static final Duration MAX_WARMUP = Duration.ofSeconds(90);


  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /** Every hit must be a GAL entry, the caller's own contact, or in the one folder shared with the caller. */
  private static int checkVisibility(LuceneContactSearch search, List<String> queries) {
    int violations = 0;
    for (String query : queries) {
      for (ContactHit hit : search.resolve(CALLER, query, QueryOptions.DEFAULT).hits()) {
        if (!hit.kind().isGal() && hit.accountId() != CALLER.accountId() && hit.accountId() != SHARING_OWNER) {
          violations++;
        }
      }
    }
    return violations;
  }

  /** Queries where Derby finds rows but Lucene finds none (Lucene's matching is a superset). */
  private static int compare(LuceneContactSearch search, Database database, List<String> queries, long deadline)
      throws SQLException {
    int missed = 0;
    int compared = 0;
    for (String query : queries) {
      if (System.nanoTime() > deadline) {
        System.out.printf(Locale.ROOT, "NOTE compared %d of %d queries with Derby before the time ran out%n", compared, queries.size());
        break;
      }
      compared++;
      int rows = sql(database, query);
      boolean found = !search.resolve(CALLER, query, QueryOptions.DEFAULT).hits().isEmpty();
      if (rows > 0 && !found) {
        missed++;
        System.out.println("MISMATCH Derby found " + rows + " rows for '" + query + "', Lucene none");
      }
    }
    return missed;
  }

  private static void load(Database database, int contacts) throws SQLException {
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      try (var ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE CONTACTS (ID INT PRIMARY KEY, OWNER BIGINT NOT NULL, FOLDER BIGINT NOT NULL,"
            + " DISPLAY_NAME VARCHAR(256) NOT NULL, GIVEN VARCHAR(128) NOT NULL, SURNAME VARCHAR(128) NOT NULL,"
            + " ALIAS VARCHAR(128) NOT NULL, SMTP VARCHAR(256) NOT NULL)");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CONTACTS VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < contacts; i++) {
          IndexEntry entry = GeneratedContacts.entry(i);
          insert.setInt(1, i);
          insert.setLong(2, entry.kind().isGal() ? 0 : entry.accountId());
          insert.setLong(3, entry.folderId());
          insert.setString(4, entry.displayName());
          insert.setString(5, entry.givenName());
          insert.setString(6, entry.surname());
          insert.setString(7, entry.alias());
          insert.setString(8, entry.emails().get(0));
          insert.addBatch();
          if (i % 5_000 == 4_999) {
            insert.executeBatch();
            connection.commit();
          }
        }
        insert.executeBatch();
        connection.commit();
      }
    }
  }

  /** The ANR as SQL: each word a prefix of a name column, visible rows only, first page by name. */
  private static int sql(Database database, String query) throws SQLException {
    List<String> words = new ArrayList<>();
    for (String word : query.toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
      if (!word.isEmpty()) {
        words.add(word.replace("%", "").replace("_", "") + "%");
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ID, DISPLAY_NAME FROM CONTACTS WHERE (OWNER = 0 OR OWNER = ? OR OWNER = ?)");
    for (int w = 0; w < words.size(); w++) {
      sql.append(" AND (LOWER(DISPLAY_NAME) LIKE ? OR LOWER(GIVEN) LIKE ? OR LOWER(SURNAME) LIKE ? OR LOWER(ALIAS) LIKE ?"
          + " OR LOWER(SMTP) LIKE ?)");
    }
    sql.append(" ORDER BY DISPLAY_NAME FETCH FIRST 50 ROWS ONLY");
    try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(sql.toString())) {
      int p = 1;
      select.setLong(p++, CALLER.accountId());
      select.setLong(p++, SHARING_OWNER);
      for (String word : words) {
        for (int c = 0; c < 5; c++) {
          select.setString(p++, word);
        }
      }
      int rows = 0;
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows++;
        }
      }
      return rows;
    }
  }

  private static void print(String what, Timings timings, long count) {
    Histogram wall = timings.wall();
    Histogram cpu = timings.cpu();
    System.out.printf(Locale.ROOT, "%s %d queries: p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms;"
            + " CPU per query p50=%.3f ms p99=%.3f ms max=%.3f ms%n", what, count,
        wall.getValueAtPercentile(50) / 1000.0, wall.getValueAtPercentile(90) / 1000.0,
        wall.getValueAtPercentile(99) / 1000.0, wall.getMaxValue() / 1000.0,
        cpu.getValueAtPercentile(50) / 1000.0, cpu.getValueAtPercentile(99) / 1000.0, cpu.getMaxValue() / 1000.0);
  }

  private static long size(Path dir) throws Exception {
    AtomicLong total = new AtomicLong();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> total.addAndGet(f.toFile().length()));
    }
    return total.get();
  }

  private static void deleteRecursively(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith("--" + name + "=")) {
        return arg.substring(name.length() + 3);
      }
    }
    return fallback;
  }

  private static int intOption(String[] args, String name, int fallback) {
    String value = option(args, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " needs a number, not " + value);
    }
  }
}

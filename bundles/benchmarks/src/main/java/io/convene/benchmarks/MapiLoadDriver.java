package io.convene.benchmarks;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.mapiclient.http.EmsmdbSession;
import io.convene.mapiclient.http.MapiHttpTransport;
import io.convene.mapiclient.rop.PropertyValue;
import io.convene.mapiclient.rop.RopBatch;
import io.convene.mapiclient.rop.RopResults;
import io.convene.mapiclient.rop.Rops;
import io.convene.net.tls.ServerKeyStore;
import io.convene.storage.derby.codec.CodecLimits;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.store.DerbyStore;
import io.convene.storage.derby.store.StoreSchema;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.HdrHistogram.Histogram;

/**
 * The MAPI/HTTP Execute benchmark of issue 6: a Derby mailbox with a folder of {@code --items}
 * messages, Convene's HTTPS server with the mailbox endpoint, and {@code --sessions} concurrent
 * MAPI/HTTP sessions of the independent client ({@code convene-mapi-client}) on loopback TLS. Each
 * Execute is OpenFolder + GetContentsTable + SetColumns (10 columns) + QueryRows + 2 x Release,
 * sent compressed and obfuscated as Outlook does; every answer is checked (rows, columns, order).
 * Then the cost of one RopGetPropertiesSpecific: Executes holding one such ROP on an open message
 * against empty Executes, the difference per Execute being the ROP's cost.
 */
public final class MapiLoadDriver {

  private static final long ACCOUNT = 1;
  private static final char[] PASSWORD = "bench-password".toCharArray();
  private static final double TARGET_EXECUTES_PER_SECOND = 2000;
  private static final double TARGET_P50_MILLIS = 5;
  /** GetPropertiesSpecific ROPs in one Execute for the per-ROP slope; the one-ROP figure is within noise on a shared machine. */
  private static final int MANY_ROPS = 32;

  private static final int PID_TAG_MID = 0x674A0014;
  private static final int[] COLUMNS = {
      PID_TAG_MID, 0x0037001F /* Subject */, 0x001A001F /* MessageClass */, 0x00170003 /* Importance */,
      0x0E060040 /* MessageDeliveryTime */, 0x30080040 /* LastModificationTime */, 0x0E070003 /* MessageFlags */,
      0x0E080003 /* MessageSize */, 0x0C1A001F /* SenderName */, 0x0E1D001F /* NormalizedSubject */};

  private final MapiBenchSettings settings;
  private final PrintStream out;
  private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

  private MapiLoadDriver(MapiBenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    MapiBenchSettings settings;
    try {
      settings = MapiBenchSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(new MapiLoadDriver(settings, System.out).run());
  }

  int run() throws Exception {
    long started = System.nanoTime();
    Path dir = Files.createTempDirectory("convene-mapi-bench-");
    System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
    try (Database database = Database.open(dir.resolve("db"), List.of(new StoreSchema()))) {
      DerbyStore store = new DerbyStore(database, new PropertyBagCodec(CodecLimits.DEFAULT), Clock.systemUTC());
      store.provision(ACCOUNT);
      Mailbox mailbox = store.mailbox(ACCOUNT, Caller.account(ACCOUNT));
      FolderId folder = mailbox.createFolder(mailbox.folder(SpecialFolder.IPM_SUBTREE).id(), "Bench 10k", "IPF.Note").id();
      long seedStart = System.nanoTime();
      List<SavedItem> saved = seed(mailbox, folder);
      out.printf("SEED %d items in folder %s in %.1fs%n", saved.size(), folder, (System.nanoTime() - seedStart) / 1e9);

      ServerKeyStore keys = ServerKeyStore.selfSigned(dir, "localhost", Clock.systemUTC());
      try (MapiBenchServer server = MapiBenchServer.start(store, ACCOUNT, PASSWORD, settings.workers(), settings.workerQueue(),
          settings.concurrentExecutes(), keys.sslContext())) {
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(keys.keyStore())).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout()).build();
        URI endpoint = URI.create("https://localhost:" + server.tlsAddress().getPort() + "/mapi/emsmdb/");
        out.printf("CONFIG cores=%d java=%s sessions=%d items=%d columns=%d rows=%d workers=%d queue=%d concurrent-executes=%s "
                + "warmup=%s measure=%s rop-cost-measure=%s; client and server in one JVM on loopback TLS; requests compressed and obfuscated%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), settings.sessions(), settings.items(),
            COLUMNS.length, settings.rows(), settings.workers(), settings.workerQueue(),
            settings.concurrentExecutes() > 0 ? settings.concurrentExecutes() : "default", settings.warmup(), settings.measure(),
            settings.ropCostMeasure());
        List<BenchSession> sessions = new ArrayList<>();
        for (int i = 0; i < settings.sessions(); i++) {
          sessions.add(BenchSession.open(http, endpoint, settings.timeout()));
        }
        long messageId = saved.get(saved.size() / 2).id().toLong();

        Phase contents = phase("contents", sessions, s -> s.contentsExecute(folder.toLong(), settings.rows(), settings.items()));
        out.println(contents.line());
        out.printf("RESULT execute %.0f Executes/s p50=%.2fms p99=%.2fms server-cpu/execute=%.0fus process-cpu/execute=%.0fus "
                + "(targets: >= %.0f/s %s; p50 < %.0fms %s)%n",
            contents.rate(), contents.p50Millis(), contents.p99Millis(), contents.serverCpuMicros(), contents.processCpuMicros(),
            TARGET_EXECUTES_PER_SECOND, contents.rate() >= TARGET_EXECUTES_PER_SECOND ? "met" : "missed", TARGET_P50_MILLIS,
            contents.executes() > 0 && contents.p50Millis() < TARGET_P50_MILLIS ? "met" : "missed");
        if (contents.executes() < settings.sessions()) {
          out.println("NOTE fewer Executes completed than there are sessions: lengthen --measure for stable figures");
        }

        for (BenchSession session : sessions) {
          session.openMessage(folder.toLong(), messageId);
        }
        Phase empty = phase("empty", sessions, BenchSession::emptyExecute, settings.ropCostMeasure());
        Phase one = phase("getprops1", sessions, s -> s.getPropertiesExecute(1), settings.ropCostMeasure());
        Phase many = phase("getprops" + MANY_ROPS, sessions, s -> s.getPropertiesExecute(MANY_ROPS), settings.ropCostMeasure());
        out.println(empty.line());
        out.println(one.line());
        out.println(many.line());
        out.printf("RESULT getpropertiesspecific one ROP (9 tags, one open message) over an empty Execute: "
                + "%+.0fus server CPU, %+.0fus process CPU, %+.2fms p50 (%.0f vs %.0f Executes/s); "
                + "per ROP from %d ROPs per Execute: %.0fus server CPU, %.0fus process CPU, %.3fms p50%n",
            one.serverCpuMicros() - empty.serverCpuMicros(), one.processCpuMicros() - empty.processCpuMicros(),
            one.p50Millis() - empty.p50Millis(), one.rate(), empty.rate(), MANY_ROPS,
            (many.serverCpuMicros() - empty.serverCpuMicros()) / MANY_ROPS,
            (many.processCpuMicros() - empty.processCpuMicros()) / MANY_ROPS, (many.p50Millis() - empty.p50Millis()) / MANY_ROPS);
        for (BenchSession session : sessions) {
          session.close();
        }
      }
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    out.printf("DONE in %.0fs%n", (System.nanoTime() - started) / 1e9);
    if (!failures.isEmpty()) {
      out.println("FAILED: " + failures.size() + " check(s), first: " + failures.get(0));
      return 1;
    }
    return 0;
  }

  private List<SavedItem> seed(Mailbox mailbox, FolderId folder) throws Exception {
    List<SavedItem> saved = new ArrayList<>(settings.items());
    Instant base = Instant.parse("2026-01-05T08:00:00Z");
    for (int start = 0; start < settings.items(); start += 1000) {
      List<List<PropValue>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(settings.items(), start + 1000); i++) {
        String subject = "Quarterly report " + i;
        batch.add(List.of(
            PropValue.ofString(PropTag.of(0x0037001F), subject),
            PropValue.ofString(PropTag.of(0x0E1D001F), subject),
            PropValue.ofString(PropTag.of(0x001A001F), "IPM.Note"),
            PropValue.ofInt(PropTag.of(0x00170003), i % 3),
            PropValue.ofTime(PropTag.of(0x0E060040), base.plusSeconds(60L * i)),
            PropValue.ofTime(PropTag.of(0x30080040), base.plusSeconds(60L * i + 5)),
            PropValue.ofInt(PropTag.of(0x0E070003), 1),
            PropValue.ofInt(PropTag.of(0x0E080003), 2048 + i % 977),
            PropValue.ofString(PropTag.of(0x0C1A001F), "Sender " + (i % 50)),
            PropValue.ofString(PropTag.of(0x1000001F), ("Body of message " + i + ". ").repeat(20))));
      }
      saved.addAll(mailbox.createItems(folder, batch));
    }
    return saved;
  }

  @FunctionalInterface
  interface Work {
    void execute(BenchSession session) throws Exception;
  }

  /** One measured phase: throughput, latency and CPU per Execute. */
  record Phase(String name, long executes, double seconds, Histogram latency, ThreadCpu.Sample cpu) {
    double rate() {
      return executes / seconds;
    }

    double p50Millis() {
      return latency.getValueAtPercentile(50) / 1e6;
    }

    double p99Millis() {
      return latency.getValueAtPercentile(99) / 1e6;
    }

    double serverCpuMicros() {
      return cpu.of(ThreadCpu.Owner.CONVENE) / 1e3 / Math.max(1, executes);
    }

    double processCpuMicros() {
      return cpu.process() / 1e3 / Math.max(1, executes);
    }

    String line() {
      return String.format("PHASE %-9s executes=%d in %.1fs: %.0f/s; latency p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms; "
              + "cpu/execute server=%.0fus process=%.0fus; process busy %.2f cores",
          name, executes, seconds, rate(), p50Millis(), latency.getValueAtPercentile(90) / 1e6, p99Millis(),
          latency.getMaxValue() / 1e6, serverCpuMicros(), processCpuMicros(), cpu.process() / 1e9 / seconds);
    }
  }

  private Phase phase(String name, List<BenchSession> sessions, Work work) throws Exception {
    return phase(name, sessions, work, settings.measure());
  }

  /** Runs {@code work} in a loop on every session: warm-up unrecorded, then the measured span. */
  private Phase phase(String name, List<BenchSession> sessions, Work work, Duration measure) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(sessions.size(), runnable -> {
      Thread thread = new Thread(runnable, LoadRun.THREAD_PREFIX + name);
      thread.setDaemon(true);
      return thread;
    });
    try {
      long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
      long measureStart = warmupEnd;
      long measureEnd = measureStart + measure.toNanos();
      AtomicLong count = new AtomicLong();
      List<Future<Histogram>> futures = new ArrayList<>();
      ThreadCpu.Sample[] before = new ThreadCpu.Sample[1];
      for (BenchSession session : sessions) {
        futures.add(threads.submit(() -> {
          Histogram histogram = new Histogram(600_000_000_000L, 3);
          while (true) {
            long begin = System.nanoTime();
            if (begin >= measureEnd) {
              break;
            }
            try {
              work.execute(session);
            } catch (Exception e) {
              failures.add(name + ": " + e);
              if (failures.size() > 100) {
                break;
              }
              continue;
            }
            long end = System.nanoTime();
            // an Execute counts when it completes inside the window (under overload one can take
            // longer than the warm-up); its latency is its whole duration
            if (end >= measureStart && end <= measureEnd) {
              histogram.recordValue(Math.min(end - begin, histogram.getHighestTrackableValue()));
              count.incrementAndGet();
            }
          }
          return histogram;
        }));
      }
      Thread.sleep(Math.max(0, (measureStart - System.nanoTime()) / 1_000_000));
      before[0] = ThreadCpu.sample();
      long sampledAt = System.nanoTime();
      Histogram all = new Histogram(600_000_000_000L, 3);
      for (Future<Histogram> future : futures) {
        all.add(future.get());
      }
      ThreadCpu.Sample cpu = ThreadCpu.sample().minus(before[0]);
      double seconds = (Math.min(System.nanoTime(), measureEnd) - sampledAt) / 1e9;
      return new Phase(name, count.get(), Math.max(seconds, 1e-3), all, cpu);
    } finally {
      threads.shutdownNow();
    }
  }

  /** One client session: its own cookies, a logon and its handles. */
  static final class BenchSession {
    private final EmsmdbSession session;
    private final int logonHandle;
    private int messageHandle = RopBatch.NEW_HANDLE;
    private long checkedExecutes;

    private BenchSession(EmsmdbSession session, int logonHandle) {
      this.session = session;
      this.logonHandle = logonHandle;
    }

    static BenchSession open(HttpClient http, URI endpoint, Duration timeout) throws Exception {
      MapiHttpTransport transport = new MapiHttpTransport(http, endpoint, MapiBenchServer.USER, new String(PASSWORD), timeout);
      EmsmdbSession session = new EmsmdbSession(transport, EmsmdbSession.Options.compressedAndObfuscated());
      session.connect(MapiBenchServer.LEGACY_DN);
      RopBatch batch = new RopBatch();
      int slot = batch.output();
      batch.add(Rops.logon(0, slot, Rops.OPEN_FLAGS_HOME, MapiBenchServer.LEGACY_DN));
      RopResults results = session.execute(batch).results();
      return new BenchSession(session, results.handle(slot));
    }

    void contentsExecute(long folderId, int rows, int items) throws Exception {
      RopBatch batch = new RopBatch();
      int logon = batch.input(logonHandle);
      int folder = batch.output();
      int table = batch.output();
      batch.add(Rops.openFolder(0, logon, folder, folderId));
      RopBatch.Ticket<Rops.TableOpened> opened = batch.add(Rops.getContentsTable(0, folder, table, 0));
      batch.add(Rops.setColumns(0, table, COLUMNS));
      RopBatch.Ticket<Rops.Rows> queried = batch.add(Rops.queryRows(0, table, rows, COLUMNS));
      batch.add(Rops.release(0, table));
      batch.add(Rops.release(0, folder));
      RopResults results = session.execute(batch).results();
      if (results.get(opened).rowCount() != items) {
        throw new IllegalStateException("contents table of " + results.get(opened).rowCount() + " rows, expected " + items);
      }
      List<List<PropertyValue>> page = results.get(queried).rows();
      if (page.size() != Math.min(rows, items)) {
        throw new IllegalStateException(page.size() + " rows where " + rows + " were asked");
      }
      // check every cell of one row in 16: all ten columns are set on every item
      if ((checkedExecutes++ & 15) == 0) {
        for (List<PropertyValue> row : page) {
          for (PropertyValue cell : row) {
            if (cell.isError()) {
              throw new IllegalStateException("row with an error cell " + cell);
            }
          }
          if (!row.get(1).asString().startsWith("Quarterly report ") || !row.get(1).asString().equals(row.get(9).asString())) {
            throw new IllegalStateException("row with subject " + row.get(1) + " / " + row.get(9));
          }
        }
      }
    }

    void openMessage(long folderId, long messageId) throws Exception {
      RopBatch batch = new RopBatch();
      int logon = batch.input(logonHandle);
      int slot = batch.output();
      RopBatch.Ticket<Rops.OpenMessageResponse> opened = batch.add(Rops.openMessage(0, logon, slot, folderId, messageId));
      RopResults results = session.execute(batch).results();
      results.get(opened);
      messageHandle = results.handle(slot);
    }

    void emptyExecute() throws Exception {
      session.execute(new RopBatch());
    }

    void getPropertiesExecute(int count) throws Exception {
      RopBatch batch = new RopBatch();
      int message = batch.input(messageHandle);
      List<RopBatch.Ticket<List<PropertyValue>>> reads = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        reads.add(batch.add(Rops.getPropertiesSpecific(0, message, COLUMNS_OF_MESSAGE)));
      }
      RopResults results = session.execute(batch).results();
      for (RopBatch.Ticket<List<PropertyValue>> read : reads) {
        List<PropertyValue> values = results.get(read);
        if (values.get(0).isError() || !values.get(0).asString().startsWith("Quarterly report ")) {
          throw new IllegalStateException("GetPropertiesSpecific answered " + values);
        }
      }
    }

    void close() throws Exception {
      session.close();
    }
  }

  /** The table's columns minus PidTagMid (a table column): nine tags, so 32 answers fit one 32 KiB response. */
  private static final int[] COLUMNS_OF_MESSAGE = {
      0x0037001F, 0x001A001F, 0x00170003, 0x0E060040, 0x30080040, 0x0E070003, 0x0E080003, 0x0C1A001F, 0x0E1D001F};

  private static SSLContext trusting(KeyStore keyStore) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Latency of 50-row {@link Mailbox#query} pages at random offsets of one large folder, per kind of
 * view (the views a MAPI contents table asks for). A command, not a test:
 *
 * <pre>
 *   storage-bundle/run-query-bench [items] [queries]
 * </pre>
 */
public final class QueryPageBenchmark {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  private static final PropTag DELIVERY_TIME = PropTag.of(0x0E06, PropType.PT_SYSTIME);
  private static final int PAGE = 50;
  private static final int WARMUP = 30;

  private QueryPageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    System.setProperty("derby.system.durability", "test");
    Path dir = Files.createTempDirectory("query-bench");
    try (Database database = Database.open(dir.resolve("db"), List.of(new StoreSchema()))) {
      DerbyStore store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
      store.provision(1);
      Mailbox mailbox = store.mailbox(1, Caller.account(1));
      FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
      SplittableRandom random = new SplittableRandom(42);
      for (int done = 0; done < items; done += 1000) {
        List<List<PropValue>> batch = new ArrayList<>();
        for (int i = done; i < Math.min(items, done + 1000); i++) {
          batch.add(List.of(PropValue.ofString(SUBJECT, "message " + random.nextInt(1_000_000)),
              PropValue.ofInt(IMPORTANCE, random.nextInt(3)),
              PropValue.ofTime(DELIVERY_TIME, Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000))),
              PropValue.ofString(Tags.MESSAGE_CLASS, "IPM.Note")));
        }
        mailbox.createItems(inbox, batch);
      }
      System.out.printf(Locale.ROOT, "items=%d queries=%d page=%d%n", items, queries, PAGE);
      long[] nanos = new long[queries];
      long cpu = 0;
      for (int q = -WARMUP; q < queries; q++) {
        if (q == 0) {
          cpu = processCpuNanos();
        }
        long start = System.nanoTime();
        mailbox.items(inbox, 0, PAGE);
        if (q >= 0) {
          nanos[q] = System.nanoTime() - start;
        }
      }
      print("baseline: Mailbox.items(folder, 0, 50)", nanos, processCpuNanos() - cpu);
      measure(mailbox, inbox, "no restriction, no sort", null, SortOrderSet.NONE, items, queries);
      measure(mailbox, inbox, "no restriction, by id descending", null,
          SortOrderSet.of(SortOrder.descending(Tags.MID)), items, queries);
      measure(mailbox, inbox, "no restriction, by delivery time descending", null,
          SortOrderSet.of(SortOrder.descending(DELIVERY_TIME)), items, queries);
      measure(mailbox, inbox, "no restriction, by subject, then delivery time", null,
          SortOrderSet.of(SortOrder.ascending(SUBJECT), SortOrder.descending(DELIVERY_TIME)), items, queries);
      measure(mailbox, inbox, "class = IPM.Note, by last modification time", new Restriction.Property(Relop.EQ,
              Tags.MESSAGE_CLASS, PropValue.ofString(Tags.MESSAGE_CLASS, "IPM.Note")),
          SortOrderSet.of(SortOrder.descending(Tags.LAST_MODIFICATION_TIME)), items, queries);
      List<io.convene.api.store.MessageId> all = new ArrayList<>();
      for (long after = 0; ; ) {
        List<io.convene.api.store.StoredItem> page = mailbox.items(inbox, after, 1000);
        if (page.isEmpty()) {
          break;
        }
        page.forEach(item -> all.add(item.id()));
        after = page.get(page.size() - 1).id().toLong();
      }
      // a mostly read Inbox: one item in ten stays unread
      mailbox.setRead(inbox, all.stream().filter(id -> Math.floorMod(id.toLong(), 10) != 0).toList(), true);
      measure(mailbox, inbox, "unread (PidTagMessageFlags bitmask), no sort",
          new Restriction.Bitmask(io.convene.api.store.query.BitmaskRelop.EQZ, Tags.MESSAGE_FLAGS, Tags.MSGFLAG_READ),
          SortOrderSet.NONE, items / 10, queries);
      measure(mailbox, inbox, "importance = 2, no sort",
          new Restriction.Property(Relop.EQ, IMPORTANCE, PropValue.ofInt(IMPORTANCE, 2)), SortOrderSet.NONE, items / 3,
          queries);
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void measure(Mailbox mailbox, FolderId folder, String view, Restriction restriction, SortOrderSet sort,
      int rows, int queries) throws Exception {
    measure(view, queries, rows, offset -> mailbox.query(folder, restriction, sort, offset, PAGE));
    if (sort.sorts().isEmpty() && restriction == null) {
      return;
    }
    // the peer in the same run: every bag decoded whole, matched and sorted in memory
    DerbyMailbox derby = (DerbyMailbox) mailbox;
    measure("  the same, all decoded (queryInMemory)", queries, rows,
        offset -> derby.queryInMemory(folder, restriction, sort, offset, PAGE));
  }

  @FunctionalInterface
  private interface PageQuery {
    void run(int offset) throws Exception;
  }

  private static void measure(String view, int queries, int rows, PageQuery query) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    long[] nanos = new long[queries];
    long cpu = 0;
    for (int q = -WARMUP; q < queries; q++) {
      int offset = random.nextInt(Math.max(1, rows - PAGE));
      if (q == 0) {
        cpu = processCpuNanos();
      }
      long start = System.nanoTime();
      query.run(offset);
      if (q >= 0) {
        nanos[q] = System.nanoTime() - start;
      }
    }
    print(view, nanos, processCpuNanos() - cpu);
  }

  private static void print(String view, long[] nanos, long cpuNanos) {
    Arrays.sort(nanos);
    // process CPU (all threads, GC included) per query: on a shared machine the wall times include
    // waiting for a core
    System.out.printf(Locale.ROOT, "%-48s p50 %8.2f ms  p99 %8.2f ms  cpu %8.2f ms/query  (load %s)%n", view,
        nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, cpuNanos / 1e6 / nanos.length,
        loadAverage());
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.Caller;
import io.convene.api.store.Contents;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SearchCriteria;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Latency of a 50-row page of a search folder (criteria evaluated at each read) against the same
 * restricted query on the scope folder itself, its baseline, and of a folder-associated page beside
 * as many normal items. Checks both return the same rows. A command, not a test (classpath as
 * {@code run-query-bench} builds it):
 *
 * <pre>
 *   java -cp ... io.convene.storage.derby.store.SearchFolderBenchmark [items] [queries]
 * </pre>
 */
public final class SearchFolderBenchmark {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  private static final int PAGE = 50;

  private SearchFolderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    System.setProperty("derby.system.durability", "test");
    Path dir = Files.createTempDirectory("search-bench");
    try (Database database = Database.open(dir.resolve("db"), List.of(new StoreSchema()))) {
      DerbyStore store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
      store.provision(1);
      Mailbox mailbox = store.mailbox(1, Caller.account(1));
      FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
      SplittableRandom random = new SplittableRandom(42);
      for (int done = 0; done < items; done += 1000) {
        List<List<PropValue>> batch = new ArrayList<>();
        for (int i = done; i < Math.min(items, done + 1000); i++) {
          List<PropValue> item = new ArrayList<>(List.of(PropValue.ofString(SUBJECT, "message " + random.nextInt(1_000_000)),
              PropValue.ofInt(IMPORTANCE, random.nextInt(3))));
          if (i % 2 == 1) {
            item.add(PropValue.ofBoolean(Contents.ASSOCIATED_TAG, true));
          }
          batch.add(item);
        }
        mailbox.createItems(inbox, batch);
      }
      Restriction high = Restriction.property(Relop.EQ, PropValue.ofInt(IMPORTANCE, 2));
      FolderId search = mailbox.createSearchFolder(mailbox.folder(SpecialFolder.FINDER).id(), "High").id();
      mailbox.setSearchCriteria(search, high, List.of(inbox), SearchCriteria.RESTART_SEARCH);
      var direct = mailbox.query(inbox, high, SortOrderSet.NONE, 0, 10_000).rows().stream().map(item -> item.id()).toList();
      var found = mailbox.query(search, null, SortOrderSet.NONE, 0, 10_000).rows().stream().map(item -> item.id()).toList();
      if (!direct.equals(found)) {
        throw new AssertionError("the search folder and the restricted folder differ: " + found.size() + " / " + direct.size());
      }
      System.out.printf(Locale.ROOT, "items=%d (half FAI) matches=%d queries=%d page=%d%n", items, found.size(), queries, PAGE);
      long[] baseline = measure(() -> mailbox.query(inbox, high, SortOrderSet.NONE, 0, PAGE), queries);
      long[] searched = measure(() -> mailbox.query(search, null, SortOrderSet.NONE, 0, PAGE), queries);
      long[] normal = measure(() -> mailbox.query(inbox, Contents.NORMAL, null, SortOrderSet.NONE, 0, PAGE), queries);
      long[] associated = measure(() -> mailbox.query(inbox, Contents.ASSOCIATED, null, SortOrderSet.NONE, 0, PAGE), queries);
      print("baseline: restricted query on the folder", baseline, baseline);
      print("search folder page", searched, baseline);
      print("normal page, no restriction", normal, normal);
      print("associated page, no restriction", associated, normal);
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private interface Query {
    void run() throws Exception;
  }

  private static long[] measure(Query query, int queries) throws Exception {
    long[] nanos = new long[queries];
    for (int q = -10; q < queries; q++) {
      long start = System.nanoTime();
      query.run();
      if (q >= 0) {
        nanos[q] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void print(String view, long[] nanos, long[] baseline) {
    double p50 = nanos[nanos.length / 2] / 1e6;
    System.out.printf(Locale.ROOT, "%-44s p50 %8.2f ms  p99 %8.2f ms  (%.2fx baseline p50)%n", view, p50,
        nanos[nanos.length * 99 / 100] / 1e6, p50 / (baseline[baseline.length / 2] / 1e6));
  }
}

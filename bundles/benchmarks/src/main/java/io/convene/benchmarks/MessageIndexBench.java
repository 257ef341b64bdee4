package io.convene.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What index layouts of the store's {@code MESSAGES} table cost a bulk insert, measured without the
 * store: tables with the store's columns and a 1,400-byte BLOB, one per variant, in one JVM and one
 * database, filled 1,000 rows per batch and commit, the variants taking turns batch by batch, so the
 * load of a shared machine falls on all of them alike. Prints the median, lower quartile and least
 * thread CPU per row of each variant after 8 unrecorded rounds.
 *
 * <pre>
 * java -Xms1g -Xmx1g -Dderby.storage.pageCacheSize=8000 ... \
 *   -cp "bundles/benchmarks/target/classes:$(cat bundles/benchmarks/target/driver.classpath)" \
 *   io.convene.benchmarks.MessageIndexBench 60 reversed,reversed-sync,counter-sync
 * </pre>
 *
 * A variant names its ids ({@code reversed}: {@code MessageId.toLong()}, the counter byte-reversed,
 * as the store keeps them; {@code counter}: in counter order) and optionally {@code -sync} (the
 * change-number and read-state indexes merged on a generated {@code SYNC_CN}, schema migration 10)
 * and then optionally {@code -calendar} (the start and series-end indexes merged, migration 11).
 * Not a test: a measurement for the storage README ("Bulk import: one sync index").
 */
public final class MessageIndexBench {

  private static final int WARM_UP_ROUNDS = 8;
  private static final int BATCH = 1000;

  private record Variant(String name, String table, boolean counterOrder, boolean sync, boolean calendar) {

    /** The benchmark's plain JDBC peer: PlainJdbcTarget's table, 5 columns and 3 indexes, ids ascending. */
    boolean plain() {
      return name.equals("plain");
    }
  }

  private MessageIndexBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MessageIndexBench ROUNDS VARIANT[,VARIANT...]   (variants: reversed|counter[-sync[-calendar]], plain)");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    List<Variant> variants = new ArrayList<>();
    for (String name : args[1].split(",")) {
      if (!name.matches("(reversed|counter)(-sync(-calendar)?)?|plain")) {
        throw new IllegalArgumentException("unknown variant " + name);
      }
      variants.add(new Variant(name, "M_" + variants.size(), !name.startsWith("reversed"), name.contains("-sync"),
          name.endsWith("-calendar")));
    }
    Path directory = Files.createTempDirectory("message-index-bench");
    try {
      run(directory.resolve("db"), rounds, variants);
    } finally {
      try {
        DriverManager.getConnection("jdbc:derby:;shutdown=true");
      } catch (SQLException expected) {
        // Derby reports a clean shutdown as an exception
      }
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void run(Path database, int rounds, List<Variant> variants) throws SQLException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Connection connection = DriverManager.getConnection("jdbc:derby:" + database + ";create=true")) {
      List<PreparedStatement> inserts = new ArrayList<>();
      try (Statement statement = connection.createStatement()) {
        for (Variant variant : variants) {
          for (String sql : schema(variant)) {
            statement.execute(sql);
          }
          inserts.add(connection.prepareStatement(variant.plain()
              ? "INSERT INTO " + variant.table() + " (ID, FOLDER, START_TIME, END_TIME, PROPS) VALUES (?, ?, NULL, NULL, ?)"
              : "INSERT INTO " + variant.table()
                  + " (ACCOUNT_ID, MESSAGE_ID, FOLDER_ID, CREATOR_ID, MESSAGE_CLASS, CHANGE_NUMBER, READ_CN, IS_READ,"
                  + " START_TIME, END_TIME, RECUR_END, LAST_MODIFIED, PROPS, ASSOCIATED)"
                  + " VALUES (?, ?, ?, 1, 'IPM.Note', ?, ?, 0, ?, ?, ?, ?, ?, 0)"));
        }
      }
      connection.setAutoCommit(false);
      long[][] cpu = new long[variants.size()][rounds];
      long[] counters = new long[variants.size()];
      Arrays.fill(counters, 1000);
      Random random = new Random(42);
      byte[] props = new byte[1400];
      for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
        for (int v = 0; v < variants.size(); v++) {
          PreparedStatement insert = inserts.get(v);
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < BATCH; i++) {
            long counter = counters[v];
            counters[v] += 2; // an id and a change number per item, as the store allocates them
            random.nextBytes(props);
            if (variants.get(v).plain()) {
              insert.setLong(1, counter);
              insert.setLong(2, round < WARM_UP_ROUNDS ? 7 : 9);
              insert.setBytes(3, props.clone());
              insert.addBatch();
              continue;
            }
            insert.setLong(1, 1);
            insert.setLong(2, variants.get(v).counterOrder() ? counter << 16 | 1 : Long.reverseBytes(counter) | 1);
            insert.setLong(3, round < WARM_UP_ROUNDS ? 7 : 9);
            insert.setLong(4, counter + 1);
            insert.setLong(5, counter + 1);
            insert.setNull(6, Types.BIGINT);
            insert.setNull(7, Types.BIGINT);
            insert.setNull(8, Types.BIGINT);
            insert.setLong(9, System.currentTimeMillis());
            insert.setBytes(10, props.clone());
            insert.addBatch();
          }
          insert.executeBatch();
          connection.commit();
          if (round >= WARM_UP_ROUNDS) {
            cpu[v][round - WARM_UP_ROUNDS] = threads.getCurrentThreadCpuTime() - start;
          }
        }
      }
      for (int v = 0; v < variants.size(); v++) {
        long[] sorted = cpu[v].clone();
        Arrays.sort(sorted);
        System.out.printf("VARIANT %-16s thread cpu per row: median %6.1f us, p25 %6.1f us, min %6.1f us (%d batches of %d)%n",
            variants.get(v).name(), perRow(sorted[sorted.length / 2]), perRow(sorted[sorted.length / 4]), perRow(sorted[0]),
            rounds, BATCH);
      }
    }
  }

  private static double perRow(long batchNanos) {
    return batchNanos / 1e3 / BATCH;
  }

  /**
   * The store's MESSAGES after migration 9 (six indexes), after 10 with {@code sync}, after 11 with
   * {@code calendar} too (four).
   */
  private static List<String> schema(Variant variant) {
    String t = variant.table();
    if (variant.plain()) {
      return List.of(
          "CREATE TABLE " + t + " (ID BIGINT NOT NULL PRIMARY KEY, FOLDER BIGINT NOT NULL, START_TIME BIGINT,"
              + " END_TIME BIGINT, PROPS BLOB(64M) NOT NULL)",
          "CREATE INDEX " + t + "_FOLDER_START ON " + t + " (FOLDER, START_TIME)",
          "CREATE INDEX " + t + "_FOLDER_ID ON " + t + " (FOLDER, ID)");
    }
    List<String> sql = new ArrayList<>(List.of(
        "CREATE TABLE " + t + " (ACCOUNT_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL, FOLDER_ID BIGINT NOT NULL,"
            + " CREATOR_ID BIGINT NOT NULL, MESSAGE_CLASS VARCHAR(255), CHANGE_NUMBER BIGINT NOT NULL,"
            + " READ_CN BIGINT NOT NULL, IS_READ SMALLINT NOT NULL, START_TIME BIGINT, END_TIME BIGINT,"
            + " LAST_MODIFIED BIGINT NOT NULL, DELETED_AT BIGINT, PROPS BLOB(64M) NOT NULL, RECUR_END BIGINT,"
            + " ASSOCIATED SMALLINT NOT NULL DEFAULT 0, PRIMARY KEY (ACCOUNT_ID, MESSAGE_ID))",
        "CREATE INDEX " + t + "_ID ON " + t + " (ACCOUNT_ID, FOLDER_ID, ASSOCIATED, MESSAGE_ID, DELETED_AT)"));
    if (variant.calendar()) {
      sql.add("ALTER TABLE " + t + " ADD COLUMN IS_SERIES SMALLINT GENERATED ALWAYS AS"
          + " (CASE WHEN RECUR_END IS NULL THEN 0 ELSE 1 END)");
      sql.add("ALTER TABLE " + t + " ADD COLUMN CAL_KEY BIGINT GENERATED ALWAYS AS"
          + " (CASE WHEN RECUR_END IS NULL THEN START_TIME ELSE RECUR_END END)");
      sql.add("CREATE INDEX " + t + "_CALENDAR ON " + t + " (ACCOUNT_ID, FOLDER_ID, IS_SERIES, CAL_KEY)");
    } else {
      sql.add("CREATE INDEX " + t + "_START ON " + t + " (ACCOUNT_ID, FOLDER_ID, START_TIME)");
      sql.add("CREATE INDEX " + t + "_RECUR ON " + t + " (ACCOUNT_ID, FOLDER_ID, RECUR_END)");
    }
    if (variant.sync()) {
      sql.add("ALTER TABLE " + t + " ADD COLUMN SYNC_CN BIGINT GENERATED ALWAYS AS"
          + " (CASE WHEN CHANGE_NUMBER > READ_CN THEN CHANGE_NUMBER ELSE READ_CN END)");
      sql.add("CREATE INDEX " + t + "_SYNC ON " + t + " (ACCOUNT_ID, FOLDER_ID, SYNC_CN, IS_READ, DELETED_AT, ASSOCIATED)");
    } else {
      sql.add("CREATE INDEX " + t + "_CN ON " + t + " (ACCOUNT_ID, FOLDER_ID, CHANGE_NUMBER)");
      sql.add("CREATE INDEX " + t + "_READ ON " + t + " (ACCOUNT_ID, FOLDER_ID, READ_CN, IS_READ, DELETED_AT, ASSOCIATED)");
    }
    return sql;
  }
}

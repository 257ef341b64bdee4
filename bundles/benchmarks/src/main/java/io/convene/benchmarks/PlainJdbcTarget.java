package io.convene.benchmarks;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.db.SchemaPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peer: the same operations as plain JDBC on the same Derby database, in a table of its own.
 * One connection with prepared statements kept open, auto-commit for single saves and reads, one
 * commit per batch. It does the work any application storing these items must do, and no more:
 * it encodes each item's properties with the store's own {@link PropertyBagCodec} into one BLOB
 * and decodes every row it returns, so the store/plain ratio is the cost of the store's layer
 * (permissions, counters, change tracking, folder checks), not of serialisation.
 */
final class PlainJdbcTarget implements ItemTarget, AutoCloseable {

  /**
   * The peer's table: an id, the folder, the two times range queries filter on and the property
   * bag, indexed for the two queries (the store's MESSAGES has four indexes, this three).
   */
  static final SchemaPart SCHEMA = new SchemaPart() {
    @Override
    public String name() {
      return "benchmark-plain";
    }

    @Override
    public List<List<String>> migrations() {
      return List.of(List.of(
          "CREATE TABLE PLAIN_MESSAGES (ID BIGINT NOT NULL PRIMARY KEY, FOLDER BIGINT NOT NULL,"
              + " START_TIME BIGINT, END_TIME BIGINT, PROPS BLOB(64M) NOT NULL)",
          "CREATE INDEX PLAIN_MESSAGES_FOLDER_START ON PLAIN_MESSAGES (FOLDER, START_TIME)",
          // Without it Derby answers a page by sorting the whole folder (the FOLDER, START_TIME
          // index finds the rows, FETCH FIRST does not steer the optimizer); any application
          // paging a folder by id would create it.
          "CREATE INDEX PLAIN_MESSAGES_FOLDER_ID ON PLAIN_MESSAGES (FOLDER, ID)"));
    }
  };

  private final PropertyBagCodec codec;
  private final PropTag startWhole;
  private final PropTag endWhole;
  private final Connection connection;
  private final PreparedStatement insert;
  private final PreparedStatement range;
  private final PreparedStatement page;
  private final PreparedStatement count;
  private final PreparedStatement read;
  private long nextId;

  /**
   * @param startWhole the tag the benchmark's appointments carry PidLidAppointmentStartWhole under
   *     (the store mailbox's mapping, so both sides get identical items)
   */
  PlainJdbcTarget(Database database, PropertyBagCodec codec, PropTag startWhole, PropTag endWhole) throws SQLException {
    this(database, codec, startWhole, endWhole, 1);
  }

  /** A peer whose ids start at {@code firstId}, so several (one per thread) share the table. */
  PlainJdbcTarget(Database database, PropertyBagCodec codec, PropTag startWhole, PropTag endWhole, long firstId)
      throws SQLException {
    this.nextId = firstId;
    this.codec = codec;
    this.startWhole = startWhole;
    this.endWhole = endWhole;
    this.connection = database.connection();
    connection.setAutoCommit(true);
    insert = connection.prepareStatement(
        "INSERT INTO PLAIN_MESSAGES (ID, FOLDER, START_TIME, END_TIME, PROPS) VALUES (?, ?, ?, ?, ?)");
    range = connection.prepareStatement(
        "SELECT ID, PROPS FROM PLAIN_MESSAGES WHERE FOLDER = ? AND START_TIME < ? AND END_TIME > ?"
            + " ORDER BY START_TIME, ID");
    page = connection.prepareStatement(
        "SELECT ID, PROPS FROM PLAIN_MESSAGES WHERE FOLDER = ? AND ID > ? ORDER BY ID FETCH FIRST ? ROWS ONLY");
    count = connection.prepareStatement("SELECT COUNT(*) FROM PLAIN_MESSAGES WHERE FOLDER = ?");
    read = connection.prepareStatement("SELECT PROPS FROM PLAIN_MESSAGES WHERE ID = ? AND FOLDER = ?");
  }

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public long create(Folder folder, List<PropValue> item) throws SQLException {
    long id = nextId++;
    bind(folder, id, item);
    insert.executeUpdate();
    return id;
  }

  @Override
  public long[] createAll(Folder folder, List<List<PropValue>> items) throws SQLException {
    long[] ids = new long[items.size()];
    connection.setAutoCommit(false);
    try {
      for (int i = 0; i < ids.length; i++) {
        ids[i] = nextId++;
        bind(folder, ids[i], items.get(i));
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    return ids;
  }

  @Override
  public List<Long> range(Folder folder, Instant start, Instant end, Set<PropTag> columns) throws SQLException {
    range.setLong(1, folder.ordinal());
    range.setLong(2, end.toEpochMilli());
    range.setLong(3, start.toEpochMilli());
    if (columns == null) {
      return rows(range);
    }
    // the columns' values only, decoded as the store does (by property id)
    java.util.function.IntPredicate ids = PropertyBagCodec.accepting(columns.stream().mapToInt(PropTag::id));
    List<Long> found = new ArrayList<>();
    try (ResultSet rows = range.executeQuery()) {
      while (rows.next()) {
        found.add(rows.getLong(1));
        if (codec.decodeOnly(rows.getBytes(2), ids).isEmpty()) {
          throw new SQLException("none of the columns in row " + rows.getLong(1));
        }
      }
    }
    return found;
  }

  @Override
  public List<Long> page(Folder folder, long afterId, int limit) throws SQLException {
    page.setLong(1, folder.ordinal());
    page.setLong(2, afterId);
    page.setInt(3, limit);
    return rows(page);
  }

  @Override
  public int count(Folder folder) throws SQLException {
    count.setLong(1, folder.ordinal());
    try (ResultSet row = count.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  @Override
  public Map<PropTag, PropValue> read(Folder folder, long id) throws SQLException {
    read.setLong(1, id);
    read.setLong(2, folder.ordinal());
    try (ResultSet row = read.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("no row " + id + " in " + folder);
      }
      Map<PropTag, PropValue> bag = new LinkedHashMap<>();
      for (PropValue value : codec.decode(row.getBytes(1))) {
        bag.put(value.tag(), value);
      }
      return bag;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private void bind(Folder folder, long id, List<PropValue> item) throws SQLException {
    Long start = null;
    Long end = null;
    for (PropValue value : item) {
      if (value.tag().equals(startWhole)) {
        start = value.asTime().toEpochMilli();
      } else if (value.tag().equals(endWhole)) {
        end = value.asTime().toEpochMilli();
      }
    }
    insert.setLong(1, id);
    insert.setLong(2, folder.ordinal());
    setTime(3, start);
    setTime(4, end);
    insert.setBytes(5, codec.encode(item));
  }

  private void setTime(int index, Long millis) throws SQLException {
    if (millis == null) {
      insert.setNull(index, Types.BIGINT);
    } else {
      insert.setLong(index, millis);
    }
  }

  private List<Long> rows(PreparedStatement query) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
        // Decoded like the store's rows, so both sides hand back usable items.
        List<PropValue> decoded = codec.decode(rows.getBytes(2));
        if (decoded.isEmpty()) {
          throw new SQLException("empty property bag in row " + rows.getLong(1));
        }
      }
    }
    return ids;
  }
}

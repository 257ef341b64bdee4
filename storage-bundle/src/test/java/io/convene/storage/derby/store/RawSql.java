package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.storage.derby.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** SQL the upgrade tests run beside the store: writing rows as an earlier release did, reading what Derby keeps. */
final class RawSql {

  private RawSql() {}

  /** Runs one statement in a transaction of its own. */
  static void execute(Database database, String sql) throws Exception {
    try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.execute();
      connection.commit();
    }
  }

  /** The first column of the one row {@code sql} returns. */
  static long number(Database database, String sql) throws Exception {
    try (Connection connection = database.connection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      assertThat(row.next()).as(sql).isTrue();
      long value = row.getLong(1);
      connection.commit();
      return value;
    }
  }

  /** The names of the indexes on MESSAGES. */
  static List<String> messagesIndexes(Database database) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = database.connection();
        PreparedStatement query = connection.prepareStatement(
            "SELECT C.CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES C JOIN SYS.SYSTABLES T ON C.TABLEID = T.TABLEID"
                + " WHERE T.TABLENAME = 'MESSAGES' AND C.ISINDEX");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      connection.commit();
    }
    return names;
  }
}

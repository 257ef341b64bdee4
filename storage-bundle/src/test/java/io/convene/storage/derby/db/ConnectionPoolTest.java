package io.convene.storage.derby.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#connection()} hands out pooled connections that keep their prepared statements. */
class ConnectionPoolTest {

  @TempDir Path data;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(data.resolve("convene"), List.of(new SchemaPart() {
      @Override
      public String name() {
        return "pool-test";
      }

      @Override
      public List<List<String>> migrations() {
        return List.of(List.of("CREATE TABLE T (ID INT PRIMARY KEY)", "INSERT INTO T VALUES (1), (2), (3)"));
      }
    }));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aStatementIsPreparedOncePerConnectionAndReusedByLaterBorrowers() throws SQLException {
    PreparedStatement first;
    try (Connection connection = database.connection();
        PreparedStatement query = connection.prepareStatement("SELECT ID FROM T WHERE ID = ?")) {
      query.setInt(1, 2);
      assertThat(ids(query)).containsExactly(2);
      first = query.unwrap(PreparedStatement.class);
      connection.commit();
    }
    try (Connection connection = database.connection();
        PreparedStatement query = connection.prepareStatement("SELECT ID FROM T WHERE ID = ?")) {
      assertThat(query.unwrap(PreparedStatement.class)).as("the same Derby statement").isSameAs(first);
      // parameters do not leak from the previous borrower
      assertThatThrownBy(query::executeQuery).isInstanceOf(SQLException.class);
      query.setInt(1, 3);
      assertThat(ids(query)).containsExactly(3);
      connection.commit();
    }
  }

  @Test
  void theSameStatementTwiceAtOnceGetsTwoCursors() throws SQLException {
    try (Connection connection = database.connection();
        PreparedStatement outer = connection.prepareStatement("SELECT ID FROM T ORDER BY ID");
        ResultSet rows = outer.executeQuery()) {
      int visited = 0;
      while (rows.next()) {
        try (PreparedStatement inner = connection.prepareStatement("SELECT ID FROM T ORDER BY ID")) {
          assertThat(ids(inner)).containsExactly(1, 2, 3);
        }
        visited++;
      }
      assertThat(visited).isEqualTo(3);
      connection.commit();
    }
  }

  @Test
  void workLeftUncommittedIsRolledBackWhenTheConnectionReturns() throws SQLException {
    Connection abandoned = database.connection();
    try (PreparedStatement insert = abandoned.prepareStatement("INSERT INTO T VALUES (?)")) {
      insert.setInt(1, 4);
      insert.executeUpdate();
    }
    abandoned.close(); // neither committed nor rolled back
    assertThatThrownBy(() -> abandoned.prepareStatement("SELECT ID FROM T")).isInstanceOf(SQLException.class);
    try (Connection connection = database.connection();
        PreparedStatement query = connection.prepareStatement("SELECT ID FROM T ORDER BY ID")) {
      assertThat(connection.getAutoCommit()).isFalse();
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      assertThat(ids(query)).containsExactly(1, 2, 3);
      connection.commit();
    }
  }

  @Test
  void workAfterTheLastCommitIsRolledBackWhenTheConnectionReturns() throws SQLException {
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO T VALUES (?)")) {
      insert.setInt(1, 4);
      insert.executeUpdate();
      connection.commit();
      insert.setInt(1, 5); // the statement prepared before the commit, run after it
      insert.executeUpdate();
    }
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO T VALUES (?)")) {
      connection.commit();
      insert.setInt(1, 6);
      insert.executeUpdate();
      connection.rollback();
      insert.setInt(1, 7);
      insert.executeUpdate();
    }
    try (Connection connection = database.connection();
        PreparedStatement query = connection.prepareStatement("SELECT ID FROM T ORDER BY ID")) {
      assertThat(ids(query)).containsExactly(1, 2, 3, 4);
      connection.commit();
    }
  }

  @Test
  void aBorrowerThatChangedAutoCommitDoesNotPassItOn() throws SQLException {
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(true);
    }
    try (Connection connection = database.connection()) {
      assertThat(connection.getAutoCommit()).isFalse();
    }
  }

  @Test
  void noConnectionsAfterTheDatabaseIsClosed() {
    database.close();
    assertThatThrownBy(database::connection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
  }

  private static List<Integer> ids(PreparedStatement query) throws SQLException {
    List<Integer> ids = new java.util.ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }
}

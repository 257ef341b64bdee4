package io.convene.storage.derby.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Convene's embedded Derby database in {@code <data>/derby/convene}: opened once, upgraded to the
 * current schema of every {@link SchemaPart}, shut down cleanly. Never re-creates a database over
 * existing files: a missing database in an existing directory, a corrupt one or one locked by
 * another process fails with a message naming the directory.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Idle connections kept: the store's calls are short, so a few serve many threads. */
  private static final int MAX_IDLE_CONNECTIONS = 16;

  /** Prepared statements kept per connection; the store and directory use fewer distinct ones. */
  private static final int STATEMENTS_PER_CONNECTION = 256;

  private final Path directory;
  private final EmbeddedDataSource dataSource;
  private final ConnectionPool pool;

  private Database(Path directory, EmbeddedDataSource dataSource) {
    this.directory = directory;
    this.dataSource = dataSource;
    this.pool = new ConnectionPool(dataSource, MAX_IDLE_CONNECTIONS, STATEMENTS_PER_CONNECTION);
  }

  /**
   * Opens (or, if {@code directory} does not exist yet, creates) the database and migrates it.
   *
   * @throws StorageException with a message naming {@code directory} if it cannot be opened
   */
  public static Database open(Path directory, List<SchemaPart> parts) {
    boolean exists = Files.exists(directory);
    if (exists && !Files.exists(directory.resolve("service.properties"))) {
      throw new StorageException("The data directory " + directory + " exists but holds no Derby database; "
          + "refusing to create one over it. Move it away or point the storage at another directory.");
    }
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(directory.toAbsolutePath().toString());
    if (!exists) {
      dataSource.setCreateDatabase("create");
    }
    Database database = new Database(directory, dataSource);
    try (Connection connection = dataSource.getConnection()) {
      database.migrate(connection, parts);
    } catch (SQLException e) {
      throw new StorageException(describe(directory, e), e);
    }
    dataSource.setCreateDatabase(null);
    LOG.info("Database open in {}", directory);
    return database;
  }

  /**
   * A connection with auto-commit off and read-committed isolation, from a pool; the caller
   * commits or rolls back and closes it, which returns it (anything left uncommitted is rolled
   * back). Its {@code prepareStatement(String)} reuses statements prepared by earlier borrowers,
   * so callers prepare, use and close statements as usual.
   */
  public Connection connection() throws SQLException {
    return pool.borrow();
  }

  public Path directory() {
    return directory;
  }

  /** Copies the database to {@code target} while it runs (Derby online backup). */
  public void backup(Path target) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
      backup.setString(1, target.toAbsolutePath().toString());
      backup.execute();
    }
  }

  /** Shuts this database down so its files are consistent and unlocked. */
  @Override
  public void close() {
    pool.close();
    EmbeddedDataSource shutdown = new EmbeddedDataSource();
    shutdown.setDatabaseName(dataSource.getDatabaseName());
    shutdown.setShutdownDatabase("shutdown");
    try (Connection ignored = shutdown.getConnection()) {
      LOG.warn("Derby did not confirm the shutdown of {}", directory);
    } catch (SQLException e) {
      // Derby reports a successful single-database shutdown as SQLState 08006.
      if (!"08006".equals(e.getSQLState())) {
        LOG.error("Shutting down the database in {} failed", directory, e);
      } else {
        LOG.info("Database in {} shut down", directory);
      }
    }
  }

  private void migrate(Connection connection, List<SchemaPart> parts) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      if (!tableExists(connection, "CONVENE_SCHEMA")) {
        statement.execute("CREATE TABLE CONVENE_SCHEMA (PART VARCHAR(64) PRIMARY KEY, VERSION INT NOT NULL)");
        connection.commit();
      }
    }
    for (SchemaPart part : parts) {
      int current = currentVersion(connection, part.name());
      if (current > part.version()) {
        throw new StorageException("The database in " + directory + " has schema '" + part.name() + "' version " + current
            + ", newer than this Convene knows (" + part.version() + "); run the newer Convene or restore a backup.");
      }
      for (int version = current; version < part.version(); version++) {
        try (Statement statement = connection.createStatement()) {
          for (String sql : part.migrations().get(version)) {
            statement.execute(sql);
          }
          setVersion(connection, part.name(), version + 1, version == 0 && current == 0);
          connection.commit();
          LOG.info("Schema '{}' upgraded to version {}", part.name(), version + 1);
        } catch (SQLException e) {
          connection.rollback();
          throw e;
        }
      }
    }
    connection.commit(); // Derby refuses to close a connection with a transaction open, even a read
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
      return tables.next();
    }
  }

  private static int currentVersion(Connection connection, String part) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT VERSION FROM CONVENE_SCHEMA WHERE PART = ?")) {
      query.setString(1, part);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    }
  }

  private static void setVersion(Connection connection, String part, int version, boolean insert) throws SQLException {
    String sql = insert
        ? "INSERT INTO CONVENE_SCHEMA (VERSION, PART) VALUES (?, ?)"
        : "UPDATE CONVENE_SCHEMA SET VERSION = ? WHERE PART = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setInt(1, version);
      update.setString(2, part);
      update.executeUpdate();
    }
  }

  private static String describe(Path directory, SQLException e) {
    SQLException root = e;
    while (root.getNextException() != null) {
      root = root.getNextException();
    }
    String state = String.valueOf(e.getSQLState());
    if (state.equals("XJ040") && String.valueOf(root.getSQLState()).equals("XSDB6")) {
      return "The database in " + directory + " is in use by another Convene or Derby process; stop it first.";
    }
    return "The database in " + directory + " cannot be opened (" + e.getMessage() + "; " + root.getMessage()
        + "). It may be damaged: restore a backup (see README) rather than deleting it.";
  }
}

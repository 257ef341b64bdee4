package io.convene.storage.derby.db;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps idle embedded connections, each with its {@link PooledConnection prepared statements},
 * for the next call: opening a Derby connection and preparing a statement cost more than the
 * short transactions the store runs. Never blocks: when no connection is idle a new one is
 * opened, and one returned to a full pool is closed. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

  private final DataSource dataSource;
  private final int statementsPerConnection;
  private final BlockingQueue<PooledConnection> idle;
  private volatile boolean closed;

  ConnectionPool(DataSource dataSource, int maxIdle, int statementsPerConnection) {
    this.dataSource = dataSource;
    this.statementsPerConnection = statementsPerConnection;
    this.idle = new ArrayBlockingQueue<>(maxIdle);
  }

  /**
   * A connection with auto-commit off and read-committed isolation; closing it hands it back.
   *
   * @throws SQLException if the pool is closed or Derby cannot open a connection
   */
  Connection borrow() throws SQLException {
    if (closed) {
      throw new SQLException("the database is closed", "08003");
    }
    PooledConnection pooled = idle.poll();
    if (pooled == null) {
      Connection physical = dataSource.getConnection();
      physical.setAutoCommit(false);
      physical.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      pooled = new PooledConnection(physical, statementsPerConnection, this);
    }
    return (Connection) Proxy.newProxyInstance(
        ConnectionPool.class.getClassLoader(), new Class<?>[] {Connection.class}, pooled.lease());
  }

  /** Called when a borrower closes its connection: reset and keep it, or close it. */
  void giveBack(PooledConnection pooled) {
    if (!closed && pooled.reset() && idle.offer(pooled)) {
      if (closed && idle.remove(pooled)) {
        pooled.closePhysical(); // lost a race with close()
      }
      return;
    }
    pooled.closePhysical();
  }

  /** Closes the idle connections; connections still borrowed are closed when they come back. */
  @Override
  public void close() {
    closed = true;
    PooledConnection pooled;
    while ((pooled = idle.poll()) != null) {
      pooled.closePhysical();
    }
    LOG.debug("Connection pool closed");
  }
}

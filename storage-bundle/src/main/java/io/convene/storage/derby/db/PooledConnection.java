package io.convene.storage.derby.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One physical connection of the {@link ConnectionPool} and its prepared statements, kept by SQL
 * text (least recently used dropped first). Borrowers see a proxy per {@link #lease() lease}:
 * {@code prepareStatement(sql)} hands out the kept statement when it is free, and closing the
 * statement only clears it, so code keeps the usual try-with-resources shape and still prepares
 * each statement once per connection. Closing the lease returns the connection to the pool; any
 * later use of that lease fails. Used by one thread at a time, like any JDBC connection.
 */
final class PooledConnection {

  private static final Logger LOG = LoggerFactory.getLogger(PooledConnection.class);

  private final Connection physical;
  private final ConnectionPool pool;
  private final Map<String, Kept> statements;
  // True while nothing ran since the last commit or rollback, so giving the connection back needs
  // no rollback of its own: Derby's rollback walks every kept statement's activation, some 7% of
  // a single save's CPU (JFR) for a transaction the borrower had already committed.
  private boolean transactionEnded = true;

  PooledConnection(Connection physical, int maxStatements, ConnectionPool pool) {
    this.physical = physical;
    this.pool = pool;
    this.statements = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
        if (size() <= maxStatements) {
          return false;
        }
        eldest.getValue().evict();
        return true;
      }
    };
  }

  InvocationHandler lease() {
    return new Lease();
  }

  /** Makes the connection ready for the next borrower; false if it is unusable and must go. */
  boolean reset() {
    try {
      if (physical.isClosed()) {
        return false;
      }
      boolean leftOpen = false;
      for (Kept kept : statements.values()) {
        leftOpen |= kept.inUse;
        kept.inUse = false; // a borrower that forgot to close one gave it up with the connection
      }
      // a borrower that neither committed nor rolled back leaves nothing behind
      if (leftOpen || !transactionEnded) {
        physical.rollback();
        transactionEnded = true;
      }
      if (physical.getAutoCommit()) {
        physical.setAutoCommit(false);
      }
      if (physical.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
        physical.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      physical.clearWarnings();
      return true;
    } catch (SQLException e) {
      LOG.debug("Dropping a pooled connection that cannot be reset", e);
      return false;
    }
  }

  void closePhysical() {
    try {
      if (!physical.isClosed()) {
        physical.rollback();
        physical.close(); // closes its statements too
      }
    } catch (SQLException e) {
      LOG.debug("Closing a pooled connection failed", e);
    }
  }

  private PreparedStatement prepare(String sql, Connection owner) throws SQLException {
    Kept kept = statements.get(sql);
    if (kept == null) {
      kept = new Kept(physical.prepareStatement(sql));
      statements.put(sql, kept);
    } else if (kept.inUse) {
      // the same SQL twice at once (a nested query): a statement of its own, closed after use
      return statementProxy(new Handout(physical.prepareStatement(sql), null, owner, this));
    }
    kept.inUse = true;
    return statementProxy(new Handout(kept.statement, kept, owner, this));
  }

  private static PreparedStatement statementProxy(Handout handout) {
    return (PreparedStatement) Proxy.newProxyInstance(
        PooledConnection.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, handout);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A kept statement; {@code inUse} while handed out. */
  private static final class Kept {
    final PreparedStatement statement;
    boolean inUse;
    boolean evicted;

    Kept(PreparedStatement statement) {
      this.statement = statement;
    }

    void evict() {
      evicted = true;
      if (!inUse) {
        closeQuietly(statement);
      }
    }
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      LOG.debug("Closing a statement failed", e);
    }
  }

  /** One borrower's view of the connection. */
  private final class Lease implements InvocationHandler {
    private boolean closed;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          if (!closed) {
            closed = true;
            pool.giveBack(PooledConnection.this);
          }
          return null;
        case "isClosed":
          return closed || physical.isClosed();
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "pooled " + physical;
        default:
          break;
      }
      if (closed) {
        throw new SQLException("connection closed (returned to the pool)", "08003");
      }
      transactionEnded = false;
      if (method.getName().equals("prepareStatement") && method.getParameterCount() == 1) {
        return prepare((String) args[0], (Connection) proxy);
      }
      Object result = PooledConnection.invoke(physical, method, args);
      if ((method.getName().equals("commit") || method.getName().equals("rollback")) && method.getParameterCount() == 0) {
        transactionEnded = true;
      }
      return result;
    }
  }

  /** One use of a statement, from {@code prepareStatement} to {@code close}. */
  private static final class Handout implements InvocationHandler {
    private final PreparedStatement statement;
    private final Kept kept;
    private final Connection owner;
    private final PooledConnection pooled;
    private boolean closed;

    Handout(PreparedStatement statement, Kept kept, Connection owner, PooledConnection pooled) {
      this.statement = statement;
      this.kept = kept;
      this.owner = owner;
      this.pooled = pooled;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          close();
          return null;
        case "isClosed":
          return closed;
        case "getConnection":
          return owner;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "kept " + statement;
        default:
          break;
      }
      if (closed) {
        throw new SQLException("statement closed", "XJ012");
      }
      pooled.transactionEnded = false; // a statement run after the commit opens a transaction again
      return PooledConnection.invoke(statement, method, args);
    }

    private void close() throws SQLException {
      if (closed) {
        return;
      }
      closed = true;
      if (kept == null || kept.evicted) {
        statement.close();
        return;
      }
      try {
        ResultSet open = statement.getResultSet();
        if (open != null) {
          open.close();
        }
        statement.clearParameters();
        statement.clearBatch();
      } finally {
        kept.inUse = false;
      }
    }
  }
}

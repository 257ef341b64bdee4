package io.convene.storage.derby.store;

import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagFormatException;
import io.convene.storage.derby.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs store work in one transaction: committed on return, rolled back on any failure. Work that
 * allocates counter values (creates or changes anything sync reports) runs through {@link #write},
 * which holds the mailbox's writer lock around the whole transaction (see {@link Counters}) and,
 * whatever its outcome, ends the mailbox's commit epoch before releasing it ({@link FolderStateCache}):
 * every write of a mailbox's folders or items goes through it.
 */
final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException, StoreException;
  }

  private Transactions() {}

  /** Runs {@code work} as a write of {@code counter}'s mailbox, committed before the lock is released. */
  static <T> T write(Database database, Counters.Counter counter, Work<T> work) throws StoreException {
    counter.lock();
    try {
      T result = run(database, work);
      counter.committed();
      return result;
    } catch (StoreException | RuntimeException e) {
      counter.invalidate();
      throw e;
    } finally {
      counter.ended();
      counter.unlock();
    }
  }

  static <T> T run(Database database, Work<T> work) throws StoreException {
    try (Connection connection = database.connection()) {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (StoreException | RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (StoreException e) {
      throw e;
    } catch (PropertyBagFormatException e) {
      throw new StoreException(StoreError.TOO_BIG, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // invalid values from the caller (wrong type for a tag, duplicate ids): nothing was written
      throw new StoreException(StoreError.INVALID_PARAMETER, e.getMessage(), e);
    } catch (SQLException | RuntimeException e) {
      LOG.error("Store operation failed in {}", database.directory(), e);
      throw new StoreException(StoreError.STORAGE_FAILURE, "storage failure: " + e.getMessage(), e);
    }
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Allocates a mailbox's global counter values: folder ids, message ids and change numbers come
 * from one 48-bit counter (MS-OXCFXICS 2.2.2.1), so they order all changes of the mailbox. The
 * row lock taken here also serialises a mailbox's writers until commit.
 */
final class Counters {

  private Counters() {}

  /** Reserves {@code count} consecutive values and returns the first. */
  static long allocate(Connection connection, long accountId, int count) throws SQLException, StoreException {
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE MAILBOXES SET NEXT_COUNTER = NEXT_COUNTER + ? WHERE ACCOUNT_ID = ?")) {
      update.setInt(1, count);
      update.setLong(2, accountId);
      if (update.executeUpdate() != 1) {
        throw new StoreException(StoreError.NO_MAILBOX, "no mailbox for account " + accountId);
      }
    }
    return next(connection, accountId) - count;
  }

  /** The next value that will be allocated: every change so far is below it. */
  static long next(Connection connection, long accountId) throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement("SELECT NEXT_COUNTER FROM MAILBOXES WHERE ACCOUNT_ID = ?")) {
      query.setLong(1, accountId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(StoreError.NO_MAILBOX, "no mailbox for account " + accountId);
        }
        return row.getLong(1);
      }
    }
  }
}

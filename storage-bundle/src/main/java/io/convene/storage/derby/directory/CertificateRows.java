package io.convene.storage.derby.directory;

import io.convene.api.directory.AccountCertificates;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ACCOUNT_CERTIFICATES} rows of {@link DirectorySchema}: limits and SQL for {@link
 * DerbyDirectory}'s certificate calls, run inside its transactions. One row per value, in the
 * order given, so that a client reads back the list it wrote.
 */
final class CertificateRows {

  static final int MAX_VALUES = 16;
  /** A certificate with its chain is a few KB; the column holds at most this. */
  static final int MAX_BYTES = 32_000;
  private static final int USER_X509 = 1;
  private static final int ADDRESS_BOOK_X509 = 2;

  private CertificateRows() {}

  static AccountCertificates validate(AccountCertificates certificates) {
    check("PidTagUserX509Certificate", certificates.userX509());
    check("PidTagAddressBookX509Certificate", certificates.addressBookX509());
    return certificates;
  }

  private static void check(String what, List<byte[]> values) {
    if (values.size() > MAX_VALUES) {
      throw new DirectoryException(Reason.INVALID, "At most " + MAX_VALUES + " " + what + " values, not " + values.size());
    }
    for (byte[] value : values) {
      if (value.length == 0 || value.length > MAX_BYTES) {
        throw new DirectoryException(Reason.INVALID,
            "A " + what + " value must have 1 to " + MAX_BYTES + " bytes, not " + value.length);
      }
    }
  }

  static AccountCertificates find(Connection connection, long accountId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT ACCOUNT_ID, KIND, CERTIFICATE FROM ACCOUNT_CERTIFICATES WHERE ACCOUNT_ID = ? ORDER BY KIND, POSITION")) {
      query.setLong(1, accountId);
      try (ResultSet rows = query.executeQuery()) {
        return read(rows).getOrDefault(accountId, AccountCertificates.EMPTY);
      }
    }
  }

  static Map<Long, AccountCertificates> all(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT ACCOUNT_ID, KIND, CERTIFICATE FROM ACCOUNT_CERTIFICATES ORDER BY ACCOUNT_ID, KIND, POSITION");
        ResultSet rows = query.executeQuery()) {
      return Map.copyOf(read(rows));
    }
  }

  /** Replaces the rows of {@code accountId}; empty certificates delete them. */
  static void store(Connection connection, long accountId, AccountCertificates certificates) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACCOUNT_CERTIFICATES WHERE ACCOUNT_ID = ?")) {
      delete.setLong(1, accountId);
      delete.executeUpdate();
    }
    if (certificates.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO ACCOUNT_CERTIFICATES (ACCOUNT_ID, KIND, POSITION, CERTIFICATE) VALUES (?, ?, ?, ?)")) {
      addRows(insert, accountId, USER_X509, certificates.userX509());
      addRows(insert, accountId, ADDRESS_BOOK_X509, certificates.addressBookX509());
      insert.executeBatch();
    }
  }

  private static void addRows(PreparedStatement insert, long accountId, int kind, List<byte[]> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      insert.setLong(1, accountId);
      insert.setInt(2, kind);
      insert.setInt(3, i);
      insert.setBytes(4, values.get(i));
      insert.addBatch();
    }
  }

  /** Rows ordered by account, kind and position, grouped by account. */
  private static Map<Long, AccountCertificates> read(ResultSet rows) throws SQLException {
    Map<Long, List<List<byte[]>>> byAccount = new HashMap<>();
    while (rows.next()) {
      List<List<byte[]>> kinds = byAccount.computeIfAbsent(rows.getLong(1), id -> List.of(new ArrayList<>(), new ArrayList<>()));
      kinds.get(rows.getInt(2) == USER_X509 ? 0 : 1).add(rows.getBytes(3));
    }
    Map<Long, AccountCertificates> certificates = new HashMap<>();
    byAccount.forEach((id, kinds) -> certificates.put(id, new AccountCertificates(kinds.get(0), kinds.get(1))));
    return certificates;
  }
}

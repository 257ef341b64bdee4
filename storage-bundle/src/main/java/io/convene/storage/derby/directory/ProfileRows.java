package io.convene.storage.derby.directory;

import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ACCOUNT_PROFILES} rows of {@link DirectorySchema}: validation and SQL for {@link
 * DerbyDirectory}'s profile calls, run inside its transactions. An empty profile is no row, so the
 * table stays as small as the set of accounts that have details.
 */
final class ProfileRows {

  static final int MAX_TEXT_LENGTH = 256;
  static final int MAX_PHONE_LENGTH = 64;
  private static final String COLUMNS = "TITLE, DEPARTMENT, COMPANY, BUSINESS_PHONE, MOBILE_PHONE";

  private ProfileRows() {}

  /** {@code profile} stripped, or INVALID naming the first bad attribute. */
  static AccountProfile validate(AccountProfile profile) {
    return new AccountProfile(
        text("title", profile.title(), MAX_TEXT_LENGTH),
        text("department", profile.department(), MAX_TEXT_LENGTH),
        text("company", profile.company(), MAX_TEXT_LENGTH),
        text("business phone", profile.businessPhone(), MAX_PHONE_LENGTH),
        text("mobile phone", profile.mobilePhone(), MAX_PHONE_LENGTH));
  }

  private static String text(String what, String value, int maxLength) {
    String stripped = value.strip();
    if (stripped.length() > maxLength || stripped.chars().anyMatch(Character::isISOControl)) {
      throw new DirectoryException(Reason.INVALID,
          "A " + what + " must be at most " + maxLength + " characters without control characters");
    }
    return stripped;
  }

  static Optional<AccountProfile> find(Connection connection, long accountId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM ACCOUNT_PROFILES WHERE ACCOUNT_ID = ?")) {
      query.setLong(1, accountId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(profile(row)) : Optional.empty();
      }
    }
  }

  static Map<Long, AccountProfile> all(Connection connection) throws SQLException {
    Map<Long, AccountProfile> profiles = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT ACCOUNT_ID, " + COLUMNS + " FROM ACCOUNT_PROFILES");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        profiles.put(rows.getLong("ACCOUNT_ID"), profile(rows));
      }
    }
    return Map.copyOf(profiles);
  }

  /** Replaces the row of {@code accountId}; an empty profile deletes it. */
  static void store(Connection connection, long accountId, AccountProfile profile) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACCOUNT_PROFILES WHERE ACCOUNT_ID = ?")) {
      delete.setLong(1, accountId);
      delete.executeUpdate();
    }
    if (profile.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO ACCOUNT_PROFILES (ACCOUNT_ID, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, accountId);
      insert.setString(2, profile.title());
      insert.setString(3, profile.department());
      insert.setString(4, profile.company());
      insert.setString(5, profile.businessPhone());
      insert.setString(6, profile.mobilePhone());
      insert.executeUpdate();
    }
  }

  private static AccountProfile profile(ResultSet row) throws SQLException {
    return new AccountProfile(
        row.getString("TITLE"),
        row.getString("DEPARTMENT"),
        row.getString("COMPANY"),
        row.getString("BUSINESS_PHONE"),
        row.getString("MOBILE_PHONE"));
  }
}

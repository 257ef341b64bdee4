package io.convene.storage.derby.directory;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.AccountCertificates;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.BookingPolicy;
import io.convene.api.directory.Directory;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import io.convene.api.directory.NewAccount;
import io.convene.storage.derby.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Directory} on the {@code ACCOUNTS} table of {@link DirectorySchema}. One transaction per
 * call; listeners hear about a change after its commit. Password hashing runs outside any
 * transaction so a slow hash holds no locks. Thread-safe.
 */
public final class DerbyDirectory implements Directory {

  private static final Logger LOG = LoggerFactory.getLogger(DerbyDirectory.class);

  private static final int MAX_NAME_LENGTH = 256;
  private static final int MAX_BOOKERS_LENGTH = 16000;
  private static final String COLUMNS = "ID, KIND, DISPLAY_NAME, SMTP_ADDRESS, ALIAS, ENABLED, QUOTA_BYTES, CAPACITY, LOCATION, "
      + "AUTO_ACCEPT, ALLOW_CONFLICTS, BOOKING_WINDOW_DAYS, MAX_DURATION_MINUTES, ALLOW_RECURRING, ALLOWED_BOOKERS";

  private final Database database;
  private final AccountListeners listeners;
  private final Clock clock;
  private volatile PasswordHasher hasher;

  public DerbyDirectory(Database database, PasswordHasher hasher, AccountListeners listeners) {
    this(database, hasher, listeners, Clock.systemUTC());
  }

  DerbyDirectory(Database database, PasswordHasher hasher, AccountListeners listeners, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.clock = clock;
  }

  /** New hashes (and rehashes at login) use {@code next} from now on; existing hashes stay valid. */
  public void passwordHasher(PasswordHasher next) {
    this.hasher = Objects.requireNonNull(next, "hasher");
  }

  @Override
  public Account create(NewAccount request, char[] password) {
    Objects.requireNonNull(request, "account");
    String smtp = AddressSyntax.smtp(request.smtpAddress());
    String alias = request.alias().isBlank() ? AddressSyntax.aliasFor(smtp) : AddressSyntax.alias(request.alias());
    String displayName = request.displayName().isBlank() ? smtp : displayName(request.displayName());
    checkNumbers(request.quotaBytes(), request.capacity());
    String location = location(request.location());
    BookingPolicy policy = request.bookingPolicy();
    String bookers = bookers(policy);
    String hash = password == null ? null : hasher.hash(checkedPassword(password));
    Account created = transaction(connection -> {
      if (findBy(connection, "SMTP_ADDRESS", smtp).isPresent()) {
        throw duplicateAddress(smtp);
      }
      if (findBy(connection, "ALIAS", alias).isPresent()) {
        throw duplicateAlias(alias);
      }
      Timestamp now = Timestamp.from(clock.instant());
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO ACCOUNTS (KIND, DISPLAY_NAME, SMTP_ADDRESS, ALIAS, ENABLED, PASSWORD_HASH, QUOTA_BYTES, CAPACITY, "
              + "LOCATION, AUTO_ACCEPT, ALLOW_CONFLICTS, BOOKING_WINDOW_DAYS, MAX_DURATION_MINUTES, ALLOW_RECURRING, "
              + "ALLOWED_BOOKERS, CREATED, MODIFIED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, request.kind().name());
        insert.setString(2, displayName);
        insert.setString(3, smtp);
        insert.setString(4, alias);
        insert.setBoolean(5, request.enabled());
        insert.setString(6, hash);
        insert.setLong(7, request.quotaBytes());
        insert.setInt(8, request.capacity());
        insert.setString(9, location);
        setPolicy(insert, 10, policy, bookers);
        insert.setTimestamp(16, now);
        insert.setTimestamp(17, now);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          long id = keys.getLong(1);
          return new Account(id, request.kind(), displayName, smtp, alias, request.enabled(), request.quotaBytes(),
              request.capacity(), location, policy);
        }
      } catch (SQLException e) {
        throw duplicateOr(e, smtp, alias);
      }
    });
    LOG.info("Account {} created: {} {}", created.id(), created.kind(), created.smtpAddress());
    listeners.created(created);
    return created;
  }

  @Override
  public Optional<Account> find(long id) {
    return transaction(connection -> findById(connection, id));
  }

  @Override
  public Optional<Account> findBySmtp(String smtpAddress) {
    String key = normalize(smtpAddress);
    return transaction(connection -> findBy(connection, "SMTP_ADDRESS", key));
  }

  @Override
  public Optional<Account> findByAlias(String alias) {
    String key = normalize(alias);
    return transaction(connection -> findBy(connection, "ALIAS", key));
  }

  @Override
  public Optional<Account> resolve(String loginName) {
    String key = normalize(loginName);
    return transaction(connection -> findBy(connection, loginColumn(key), key));
  }

  @Override
  public List<Account> list() {
    return query("SELECT " + COLUMNS + " FROM ACCOUNTS ORDER BY SMTP_ADDRESS", null);
  }

  @Override
  public List<Account> list(AccountKind kind) {
    Objects.requireNonNull(kind, "kind");
    return query("SELECT " + COLUMNS + " FROM ACCOUNTS WHERE KIND = ? ORDER BY SMTP_ADDRESS", kind.name());
  }

  @Override
  public Account update(long id, AccountUpdate update) {
    Objects.requireNonNull(update, "update");
    AccountUpdate checked = validate(update);
    Account[] beforeAndAfter = transaction(connection -> {
      Account current = findById(connection, id).orElseThrow(() -> notFound("id " + id));
      Account next = checked.applyTo(current);
      if (next.equals(current)) {
        return new Account[] {current, current};
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "UPDATE ACCOUNTS SET DISPLAY_NAME = ?, ENABLED = ?, QUOTA_BYTES = ?, CAPACITY = ?, LOCATION = ?, AUTO_ACCEPT = ?, "
              + "ALLOW_CONFLICTS = ?, BOOKING_WINDOW_DAYS = ?, MAX_DURATION_MINUTES = ?, ALLOW_RECURRING = ?, "
              + "ALLOWED_BOOKERS = ?, MODIFIED = ? WHERE ID = ?")) {
        statement.setString(1, next.displayName());
        statement.setBoolean(2, next.enabled());
        statement.setLong(3, next.quotaBytes());
        statement.setInt(4, next.capacity());
        statement.setString(5, next.location());
        setPolicy(statement, 6, next.bookingPolicy(), bookers(next.bookingPolicy()));
        statement.setTimestamp(12, Timestamp.from(clock.instant()));
        statement.setLong(13, id);
        statement.executeUpdate();
      }
      return new Account[] {current, next};
    });
    Account updated = beforeAndAfter[1];
    if (!updated.equals(beforeAndAfter[0])) {
      listeners.changed(updated);
    }
    return updated;
  }

  @Override
  public AccountProfile profile(long id) {
    return transaction(connection -> {
      findById(connection, id).orElseThrow(() -> notFound("id " + id));
      return ProfileRows.find(connection, id).orElse(AccountProfile.EMPTY);
    });
  }

  @Override
  public Map<Long, AccountProfile> profiles() {
    return transaction(ProfileRows::all);
  }

  @Override
  public AccountProfile setProfile(long id, AccountProfile profile) {
    AccountProfile checked = ProfileRows.validate(Objects.requireNonNull(profile, "profile"));
    Account changed = transaction(connection -> {
      Account current = findById(connection, id).orElseThrow(() -> notFound("id " + id));
      if (ProfileRows.find(connection, id).orElse(AccountProfile.EMPTY).equals(checked)) {
        return null;
      }
      ProfileRows.store(connection, id, checked);
      return current;
    });
    if (changed != null) {
      // The GAL and the contact index show the profile, so they hear of it as of any change.
      listeners.changed(changed);
    }
    return checked;
  }

  @Override
  public AccountCertificates certificates(long id) {
    return transaction(connection -> {
      findById(connection, id).orElseThrow(() -> notFound("id " + id));
      return CertificateRows.find(connection, id);
    });
  }

  @Override
  public Map<Long, AccountCertificates> allCertificates() {
    return transaction(CertificateRows::all);
  }

  @Override
  public void setCertificates(long id, AccountCertificates certificates) {
    AccountCertificates checked = CertificateRows.validate(Objects.requireNonNull(certificates, "certificates"));
    Account changed = transaction(connection -> {
      Account current = findById(connection, id).orElseThrow(() -> notFound("id " + id));
      if (CertificateRows.find(connection, id).equals(checked)) {
        return null;
      }
      CertificateRows.store(connection, id, checked);
      return current;
    });
    if (changed != null) {
      LOG.info("Certificates of account {} {}", id, checked.isEmpty() ? "withdrawn" : "published: " + checked);
      // the GAL shows them
      listeners.changed(changed);
    }
  }

  @Override
  public void setPassword(long id, char[] password) {
    String hash = password == null ? null : hasher.hash(checkedPassword(password));
    Account changed = transaction(connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("UPDATE ACCOUNTS SET PASSWORD_HASH = ?, MODIFIED = ? WHERE ID = ?")) {
        statement.setString(1, hash);
        statement.setTimestamp(2, Timestamp.from(clock.instant()));
        statement.setLong(3, id);
        if (statement.executeUpdate() == 0) {
          throw notFound("id " + id);
        }
      }
      return findById(connection, id).orElseThrow();
    });
    LOG.info("Password of account {} {}", id, hash == null ? "cleared" : "changed");
    listeners.changed(changed);
  }

  @Override
  public void remove(long id) {
    Account removed = transaction(connection -> {
      Account current = findById(connection, id).orElseThrow(() -> notFound("id " + id));
      try (PreparedStatement statement = connection.prepareStatement("DELETE FROM ACCOUNTS WHERE ID = ?")) {
        statement.setLong(1, id);
        statement.executeUpdate();
      }
      return current;
    });
    LOG.info("Account {} removed: {}", removed.id(), removed.smtpAddress());
    listeners.removed(removed);
  }

  @Override
  public Optional<Account> checkPassword(String loginName, char[] password) {
    Objects.requireNonNull(password, "password");
    if (loginName == null || loginName.isBlank()) {
      return Optional.empty();
    }
    String key = normalize(loginName);
    Optional<Credentials> found = transaction(connection -> credentials(connection, key));
    PasswordHasher current = hasher;
    if (found.isEmpty() || found.get().hash == null) {
      current.verifyNothing(password);
      return Optional.empty();
    }
    Credentials credentials = found.get();
    if (!current.verify(password, credentials.hash) || !credentials.account.enabled()) {
      return Optional.empty();
    }
    if (current.needsRehash(credentials.hash)) {
      rehash(credentials, current.hash(password));
    }
    return Optional.of(credentials.account);
  }

  private void rehash(Credentials credentials, String newHash) {
    try {
      transaction(connection -> {
        // Compare-and-set: a password changed meanwhile wins over the rehash.
        try (PreparedStatement statement =
            connection.prepareStatement("UPDATE ACCOUNTS SET PASSWORD_HASH = ? WHERE ID = ? AND PASSWORD_HASH = ?")) {
          statement.setString(1, newHash);
          statement.setLong(2, credentials.account.id());
          statement.setString(3, credentials.hash);
          return statement.executeUpdate();
        }
      });
      LOG.info("Password hash of account {} upgraded to {} iterations", credentials.account.id(), hasher.iterations());
    } catch (DirectoryException e) {
      // The login itself succeeded; the upgrade is retried at the next one.
      LOG.warn("Could not upgrade the password hash of account {}: {}", credentials.account.id(), e.getMessage());
    }
  }

  private Optional<Credentials> credentials(Connection connection, String key) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + COLUMNS + ", PASSWORD_HASH FROM ACCOUNTS WHERE " + loginColumn(key) + " = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(new Credentials(account(row), row.getString("PASSWORD_HASH"))) : Optional.empty();
      }
    }
  }

  private List<Account> query(String sql, String parameter) {
    return transaction(connection -> {
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        if (parameter != null) {
          query.setString(1, parameter);
        }
        List<Account> accounts = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            accounts.add(account(rows));
          }
        }
        return List.copyOf(accounts);
      }
    });
  }

  private static Optional<Account> findById(Connection connection, long id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM ACCOUNTS WHERE ID = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(account(row)) : Optional.empty();
      }
    }
  }

  /** {@code column} is one of two constants, never input. */
  private static Optional<Account> findBy(Connection connection, String column, String key) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM ACCOUNTS WHERE " + column + " = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(account(row)) : Optional.empty();
      }
    }
  }

  private static Account account(ResultSet row) throws SQLException {
    String bookers = row.getString("ALLOWED_BOOKERS");
    BookingPolicy policy = new BookingPolicy(
        row.getBoolean("AUTO_ACCEPT"),
        row.getBoolean("ALLOW_CONFLICTS"),
        row.getInt("BOOKING_WINDOW_DAYS"),
        row.getInt("MAX_DURATION_MINUTES"),
        row.getBoolean("ALLOW_RECURRING"),
        bookers.isEmpty() ? List.of() : Arrays.asList(bookers.split("\n")));
    return new Account(
        row.getLong("ID"),
        AccountKind.valueOf(row.getString("KIND")),
        row.getString("DISPLAY_NAME"),
        row.getString("SMTP_ADDRESS"),
        row.getString("ALIAS"),
        row.getBoolean("ENABLED"),
        row.getLong("QUOTA_BYTES"),
        row.getInt("CAPACITY"),
        row.getString("LOCATION"),
        policy);
  }

  private static void setPolicy(PreparedStatement statement, int first, BookingPolicy policy, String bookers) throws SQLException {
    statement.setBoolean(first, policy.autoAccept());
    statement.setBoolean(first + 1, policy.allowConflicts());
    statement.setInt(first + 2, policy.bookingWindowDays());
    statement.setInt(first + 3, policy.maxDurationMinutes());
    statement.setBoolean(first + 4, policy.allowRecurring());
    statement.setString(first + 5, bookers);
  }

  private static AccountUpdate validate(AccountUpdate update) {
    AccountUpdate checked = update;
    if (update.displayName() != null) {
      checked = checked.withDisplayName(displayName(update.displayName()));
    }
    if (update.location() != null) {
      checked = checked.withLocation(location(update.location()));
    }
    checkNumbers(update.quotaBytes() == null ? 0 : update.quotaBytes(), update.capacity() == null ? 0 : update.capacity());
    if (update.bookingPolicy() != null) {
      bookers(update.bookingPolicy());
    }
    return checked;
  }

  private static String displayName(String name) {
    String stripped = name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
      throw new DirectoryException(Reason.INVALID, "A display name must be 1 to " + MAX_NAME_LENGTH + " characters without control characters");
    }
    return stripped;
  }

  private static String location(String location) {
    String stripped = location.strip();
    if (stripped.length() > MAX_NAME_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
      throw new DirectoryException(Reason.INVALID, "A location must be at most " + MAX_NAME_LENGTH + " characters without control characters");
    }
    return stripped;
  }

  private static void checkNumbers(long quotaBytes, int capacity) {
    if (quotaBytes < 0) {
      throw new DirectoryException(Reason.INVALID, "The quota must be 0 (unlimited) or a positive number of bytes, not " + quotaBytes);
    }
    if (capacity < 0) {
      throw new DirectoryException(Reason.INVALID, "The capacity must be 0 or more, not " + capacity);
    }
  }

  /** The allowed bookers as stored: validated addresses, one per line. */
  private static String bookers(BookingPolicy policy) {
    String joined = String.join("\n", policy.allowedBookers().stream().map(AddressSyntax::smtp).toList());
    if (joined.length() > MAX_BOOKERS_LENGTH) {
      throw new DirectoryException(Reason.INVALID, "The list of allowed bookers is too long (" + policy.allowedBookers().size() + " addresses)");
    }
    return joined;
  }

  private static char[] checkedPassword(char[] password) {
    if (password.length == 0 || password.length > PasswordHasher.MAX_PASSWORD_LENGTH) {
      throw new DirectoryException(Reason.INVALID, "A password must be 1 to " + PasswordHasher.MAX_PASSWORD_LENGTH + " characters");
    }
    return password;
  }

  private static String normalize(String name) {
    return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String loginColumn(String key) {
    return key.indexOf('@') >= 0 ? "SMTP_ADDRESS" : "ALIAS";
  }

  private static DirectoryException duplicateOr(SQLException e, String smtp, String alias) {
    // A concurrent create got past the check above; the unique constraint has the last word.
    if ("23505".equals(e.getSQLState())) {
      String message = String.valueOf(e.getMessage());
      if (message.contains(DirectorySchema.ALIAS_UNIQUE)) {
        return duplicateAlias(alias);
      }
      return duplicateAddress(smtp);
    }
    return unavailable(e);
  }

  private static DirectoryException duplicateAddress(String smtp) {
    return new DirectoryException(Reason.DUPLICATE_ADDRESS, "An account with the address " + smtp + " exists already");
  }

  private static DirectoryException duplicateAlias(String alias) {
    return new DirectoryException(Reason.DUPLICATE_ALIAS, "An account with the alias " + alias + " exists already");
  }

  private static DirectoryException notFound(String what) {
    return new DirectoryException(Reason.NOT_FOUND, "No account with " + what);
  }

  private static DirectoryException unavailable(SQLException e) {
    return new DirectoryException(Reason.UNAVAILABLE, "The directory database failed: " + e.getMessage(), e);
  }

  private <T> T transaction(Work<T> work) {
    try (Connection connection = database.connection()) {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private record Credentials(Account account, String hash) {}
}

package io.convene.storage.derby.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.AccountListener;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.BookingPolicy;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import io.convene.api.directory.NewAccount;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyDirectoryTest {

  /** Low so the suite stays fast; production uses {@link PasswordHasher#DEFAULT_ITERATIONS}. */
  private static final int TEST_ITERATIONS = 1_000;

  @TempDir Path data;

  private static String durability;

  /** Skips Derby's syncs, for speed only: the durability of commits is not what this class tests. */
  @BeforeAll
  static void fastDerby() {
    durability = System.setProperty("derby.system.durability", "test");
  }

  @AfterAll
  static void restoreDerby() {
    if (durability == null) {
      System.clearProperty("derby.system.durability");
    } else {
      System.setProperty("derby.system.durability", durability);
    }
  }

  private Database database;
  private final AccountListeners listeners = new AccountListeners();
  private final RecordingListener recorder = new RecordingListener();
  private DerbyDirectory directory;

  @BeforeEach
  void open() {
    database = Database.open(data.resolve("derby/convene"), List.of(new DirectorySchema()));
    listeners.add(recorder);
    directory = new DerbyDirectory(database, new PasswordHasher(TEST_ITERATIONS), listeners);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void createsAndFindsAUserByIdAddressAliasAndLoginName() {
    Account alice = directory.create(NewAccount.user("Alice@Example.com", "Alice Anders"), "pw".toCharArray());

    assertThat(alice.id()).isPositive();
    assertThat(alice.kind()).isEqualTo(AccountKind.USER);
    assertThat(alice.smtpAddress()).isEqualTo("alice@example.com");
    assertThat(alice.alias()).isEqualTo("alice");
    assertThat(alice.enabled()).isTrue();
    assertThat(alice.quotaBytes()).isZero();
    assertThat(alice.location()).isEmpty();
    assertThat(directory.find(alice.id())).contains(alice);
    assertThat(directory.findBySmtp(" ALICE@example.COM")).contains(alice);
    assertThat(directory.findByAlias("Alice")).contains(alice);
    assertThat(directory.resolve("alice")).contains(alice);
    assertThat(directory.resolve("ALICE@EXAMPLE.COM")).contains(alice);
    assertThat(directory.resolve("bob")).isEmpty();
    assertThat(directory.find(alice.id() + 1000)).isEmpty();
    assertThat(recorder.events).containsExactly("created alice@example.com");
  }

  @Test
  void keepsResourceFieldsAndBookingPolicy() {
    BookingPolicy policy = new BookingPolicy(true, true, 90, 240, false, List.of("Alice@Example.com", "bob@example.com"));
    Account room = directory.create(
        NewAccount.room("room.berlin@example.com", "Room Berlin").withCapacity(8).withLocation("Berlin, 2nd floor")
            .withBookingPolicy(policy).withQuotaBytes(1 << 30),
        null);

    Account found = directory.find(room.id()).orElseThrow();
    assertThat(found).isEqualTo(room);
    assertThat(found.capacity()).isEqualTo(8);
    assertThat(found.location()).isEqualTo("Berlin, 2nd floor");
    assertThat(found.quotaBytes()).isEqualTo(1 << 30);
    assertThat(found.bookingPolicy().allowedBookers()).containsExactly("alice@example.com", "bob@example.com");
    assertThat(found.bookingPolicy()).isEqualTo(policy);
  }

  @Test
  void listsByAddressAndByKind() {
    directory.create(NewAccount.user("bob@example.com", "Bob"), null);
    directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    directory.create(NewAccount.room("room@example.com", "Room"), null);
    directory.create(NewAccount.equipment("car@example.com", "Car"), null);

    assertThat(directory.list()).extracting(Account::smtpAddress)
        .containsExactly("alice@example.com", "bob@example.com", "car@example.com", "room@example.com");
    assertThat(directory.list(AccountKind.USER)).extracting(Account::alias).containsExactly("alice", "bob");
    assertThat(directory.list(AccountKind.ROOM)).extracting(Account::alias).containsExactly("room");
    assertThat(directory.list(AccountKind.EQUIPMENT)).extracting(Account::alias).containsExactly("car");
  }

  @Test
  void refusesDuplicateAddressesAndAliasesCaseInsensitively() {
    directory.create(NewAccount.user("alice@example.com", "Alice"), null);

    assertReason(() -> directory.create(NewAccount.user("ALICE@example.com", "Other"), null), Reason.DUPLICATE_ADDRESS);
    assertReason(() -> directory.create(NewAccount.user("alice@other.example", "Other"), null), Reason.DUPLICATE_ALIAS);
    assertReason(() -> directory.create(NewAccount.user("a2@example.com", "Other").withAlias("ALICE"), null), Reason.DUPLICATE_ALIAS);
    assertThat(directory.create(NewAccount.user("alice@other.example", "Other").withAlias("alice2"), null).alias()).isEqualTo("alice2");
    assertThat(directory.list()).hasSize(2);
  }

  @Test
  void theUniqueConstraintsHoldEvenWithoutTheChecks() throws Exception {
    // What a concurrent create that slipped past the look-up runs into.
    directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO ACCOUNTS (KIND, DISPLAY_NAME, SMTP_ADDRESS, ALIAS, ENABLED, QUOTA_BYTES, CAPACITY, LOCATION, AUTO_ACCEPT, "
                + "ALLOW_CONFLICTS, BOOKING_WINDOW_DAYS, MAX_DURATION_MINUTES, ALLOW_RECURRING, ALLOWED_BOOKERS, CREATED, MODIFIED) "
                + "VALUES ('USER', 'X', ?, ?, TRUE, 0, 0, '', TRUE, FALSE, 0, 0, TRUE, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
      insert.setString(1, "alice@example.com");
      insert.setString(2, "other");
      assertThatThrownBy(insert::executeUpdate).hasMessageContaining(DirectorySchema.SMTP_UNIQUE);
      insert.setString(1, "other@example.com");
      insert.setString(2, "alice");
      assertThatThrownBy(insert::executeUpdate).hasMessageContaining(DirectorySchema.ALIAS_UNIQUE);
      insert.setString(1, "Upper@example.com");
      insert.setString(2, "upper");
      assertThatThrownBy(insert::executeUpdate).hasMessageContaining("check constraint");
      connection.rollback();
    }
  }

  @Test
  void validatesInput() {
    assertReason(() -> directory.create(NewAccount.user("not-an-address", "X"), null), Reason.INVALID);
    assertReason(() -> directory.create(NewAccount.user("x@example.com", "X").withAlias("bad alias"), null), Reason.INVALID);
    assertReason(() -> directory.create(NewAccount.user("x@example.com", "X").withQuotaBytes(-1), null), Reason.INVALID);
    assertReason(() -> directory.create(NewAccount.room("x@example.com", "X").withCapacity(-1), null), Reason.INVALID);
    assertReason(() -> directory.create(NewAccount.user("x@example.com", "X\u0000"), null), Reason.INVALID);
    assertReason(() -> directory.create(NewAccount.user("x@example.com", "X"), new char[0]), Reason.INVALID);
    assertReason(() -> directory.create(NewAccount.room("x@example.com", "X")
        .withBookingPolicy(BookingPolicy.DEFAULT.withAllowedBookers(List.of("nobody"))), null), Reason.INVALID);
    assertThat(directory.list()).isEmpty();
    assertThat(recorder.events).isEmpty();
  }

  @Test
  void blankDisplayNameFallsBackToTheAddress() {
    assertThat(directory.create(NewAccount.user("x@example.com", " "), null).displayName()).isEqualTo("x@example.com");
  }

  @Test
  void updatesOnlyWhatIsGiven() {
    Account room = directory.create(NewAccount.room("room@example.com", "Room").withCapacity(4), null);

    Account updated = directory.update(room.id(), AccountUpdate.NONE.withDisplayName(" Big Room ").withCapacity(12)
        .withLocation("Hamburg").withBookingPolicy(BookingPolicy.DEFAULT.withAutoAccept(false).withMaxDurationMinutes(60)));

    assertThat(updated.displayName()).isEqualTo("Big Room");
    assertThat(updated.capacity()).isEqualTo(12);
    assertThat(updated.location()).isEqualTo("Hamburg");
    assertThat(updated.bookingPolicy().autoAccept()).isFalse();
    assertThat(updated.bookingPolicy().maxDurationMinutes()).isEqualTo(60);
    assertThat(updated.enabled()).isTrue();
    assertThat(updated.smtpAddress()).isEqualTo("room@example.com");
    assertThat(directory.find(room.id())).contains(updated);

    Account disabled = directory.update(room.id(), AccountUpdate.NONE.withEnabled(false).withQuotaBytes(5_000));
    assertThat(disabled.enabled()).isFalse();
    assertThat(disabled.quotaBytes()).isEqualTo(5_000);
    assertThat(disabled.displayName()).isEqualTo("Big Room");
    assertThat(recorder.events).containsExactly("created room@example.com", "changed room@example.com", "changed room@example.com");

    directory.update(room.id(), AccountUpdate.NONE.withEnabled(false));
    assertThat(recorder.events).as("no event when nothing changes").hasSize(3);
  }

  @Test
  void updateAndRemoveOfAMissingAccountAreNotFound() {
    assertReason(() -> directory.update(42, AccountUpdate.NONE.withEnabled(false)), Reason.NOT_FOUND);
    assertReason(() -> directory.remove(42), Reason.NOT_FOUND);
    assertReason(() -> directory.setPassword(42, "pw".toCharArray()), Reason.NOT_FOUND);
  }

  @Test
  void invalidUpdatesChangeNothing() {
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    assertReason(() -> directory.update(alice.id(), AccountUpdate.NONE.withDisplayName("")), Reason.INVALID);
    assertReason(() -> directory.update(alice.id(), AccountUpdate.NONE.withQuotaBytes(-5)), Reason.INVALID);
    assertThat(directory.find(alice.id())).contains(alice);
  }

  @Test
  void removesAndFreesAddressAndAlias() {
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), "pw".toCharArray());
    directory.remove(alice.id());

    assertThat(directory.find(alice.id())).isEmpty();
    assertThat(directory.resolve("alice")).isEmpty();
    assertThat(directory.checkPassword("alice", "pw".toCharArray())).isEmpty();
    assertThat(directory.create(NewAccount.user("alice@example.com", "Alice again"), null).id()).isNotEqualTo(alice.id());
    assertThat(recorder.events).containsExactly("created alice@example.com", "removed alice@example.com", "created alice@example.com");
  }

  @Test
  void checksPasswordsForAddressAndAliasLogins() {
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), "correct horse".toCharArray());

    assertThat(directory.checkPassword("alice", "correct horse".toCharArray())).contains(alice);
    assertThat(directory.checkPassword(" Alice@Example.com ", "correct horse".toCharArray())).contains(alice);
    assertThat(directory.checkPassword("alice", "Correct horse".toCharArray())).isEmpty();
    assertThat(directory.checkPassword("alice", new char[0])).isEmpty();
    assertThat(directory.checkPassword("nobody", "correct horse".toCharArray())).isEmpty();
    assertThat(directory.checkPassword("", "correct horse".toCharArray())).isEmpty();
  }

  @Test
  void storesOnlyASaltedHash() throws Exception {
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), "visible?".toCharArray());
    String stored = storedHash(alice.id());
    assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("visible");
  }

  @Test
  void accountsWithoutPasswordOrDisabledCannotLogIn() {
    Account room = directory.create(NewAccount.room("room@example.com", "Room"), null);
    Account bob = directory.create(NewAccount.user("bob@example.com", "Bob"), "pw".toCharArray());
    assertThat(directory.checkPassword("room", "".toCharArray())).isEmpty();
    assertThat(directory.checkPassword("room", "pw".toCharArray())).isEmpty();

    directory.update(bob.id(), AccountUpdate.NONE.withEnabled(false));
    assertThat(directory.checkPassword("bob", "pw".toCharArray())).isEmpty();
    directory.update(bob.id(), AccountUpdate.NONE.withEnabled(true));
    assertThat(directory.checkPassword("bob", "pw".toCharArray())).isPresent();

    Account disabledAtBirth = directory.create(NewAccount.user("carol@example.com", "Carol").withEnabled(false), "pw".toCharArray());
    assertThat(disabledAtBirth.enabled()).isFalse();
    assertThat(directory.checkPassword("carol", "pw".toCharArray())).isEmpty();
    assertThat(room.enabled()).isTrue();
  }

  @Test
  void setPasswordReplacesOrClearsItAndTellsListeners() {
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), "old".toCharArray());

    directory.setPassword(alice.id(), "new".toCharArray());
    assertThat(directory.checkPassword("alice", "old".toCharArray())).isEmpty();
    assertThat(directory.checkPassword("alice", "new".toCharArray())).isPresent();

    directory.setPassword(alice.id(), null);
    assertThat(directory.checkPassword("alice", "new".toCharArray())).isEmpty();
    assertReason(() -> directory.setPassword(alice.id(), new char[0]), Reason.INVALID);
    assertThat(recorder.events).containsExactly("created alice@example.com", "changed alice@example.com", "changed alice@example.com");
  }

  @Test
  void rehashesAtLoginWhenTheIterationCountWasRaised() throws Exception {
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), "pw".toCharArray());
    assertThat(storedHash(alice.id())).startsWith("pbkdf2-sha256$1000$");

    directory.passwordHasher(new PasswordHasher(2_000));
    assertThat(directory.checkPassword("alice", "pw".toCharArray())).isPresent();
    assertThat(storedHash(alice.id())).startsWith("pbkdf2-sha256$2000$");
    assertThat(directory.checkPassword("alice", "pw".toCharArray())).isPresent();

    directory.passwordHasher(new PasswordHasher(3_000));
    assertThat(directory.checkPassword("alice", "wrong".toCharArray())).isEmpty();
    assertThat(storedHash(alice.id())).as("a failed login rehashes nothing").startsWith("pbkdf2-sha256$2000$");
  }

  @Test
  void aFailingListenerNeitherUndoesTheChangeNorSilencesTheOthers() {
    AccountListeners ordered = new AccountListeners();
    RecordingListener after = new RecordingListener();
    ordered.add(new AccountListener() {
      @Override
      public void accountCreated(Account account) {
        throw new IllegalStateException("broken plugin");
      }

      @Override
      public void accountChanged(Account account) {}

      @Override
      public void accountRemoved(Account account) {}
    });
    ordered.add(after);
    DerbyDirectory withBroken = new DerbyDirectory(database, new PasswordHasher(TEST_ITERATIONS), ordered);

    Account alice = withBroken.create(NewAccount.user("alice@example.com", "Alice"), null);

    assertThat(withBroken.find(alice.id())).isPresent();
    assertThat(after.events).containsExactly("created alice@example.com");
  }

  @Test
  void accountsSurviveAReopen() {
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), "pw".toCharArray());
    database.close();
    database = Database.open(data.resolve("derby/convene"), List.of(new DirectorySchema()));
    DerbyDirectory reopened = new DerbyDirectory(database, new PasswordHasher(TEST_ITERATIONS), listeners);

    assertThat(reopened.find(alice.id())).contains(alice);
    assertThat(reopened.checkPassword("alice@example.com", "pw".toCharArray())).contains(alice);
  }

  @Test
  void demoAccountsAreCreatedOnlyIntoAnEmptyDirectory() {
    List<Account> created = DemoAccountSet.createIfEmpty(directory, "demo".toCharArray());

    assertThat(created).extracting(Account::smtpAddress)
        .containsExactly("alice@example.com", "bob@example.com", "room.berlin@example.com", "car.1@example.com");
    Account room = directory.findBySmtp("room.berlin@example.com").orElseThrow();
    assertThat(room.kind()).isEqualTo(AccountKind.ROOM);
    assertThat(room.displayName()).isEqualTo("Room Berlin");
    assertThat(room.capacity()).isEqualTo(8);
    assertThat(room.location()).isEqualTo("Berlin, 2nd floor");
    assertThat(room.bookingPolicy().autoAccept()).isTrue();
    Account car = directory.findBySmtp("car.1@example.com").orElseThrow();
    assertThat(car.kind()).isEqualTo(AccountKind.EQUIPMENT);
    assertThat(car.displayName()).isEqualTo("Company Car 1");
    assertThat(directory.checkPassword("alice", "demo".toCharArray()).orElseThrow().displayName()).isEqualTo("Alice Anders");
    assertThat(directory.checkPassword("bob@example.com", "demo".toCharArray()).orElseThrow().displayName()).isEqualTo("Bob Berg");

    assertThat(DemoAccountSet.createIfEmpty(directory, "other".toCharArray())).isEmpty();
    assertThat(directory.list()).hasSize(4);
  }

  private String storedHash(long id) throws Exception {
    try (Connection connection = database.connection();
        PreparedStatement query = connection.prepareStatement("SELECT PASSWORD_HASH FROM ACCOUNTS WHERE ID = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String hash = row.getString(1);
        connection.commit();
        return hash;
      }
    }
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}

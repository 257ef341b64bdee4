package io.convene.storage.derby.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import io.convene.api.directory.NewAccount;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.db.SchemaPart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address book profiles of {@link DerbyDirectory} (directory schema migration 2). */
class AccountProfilesTest {

  private static final AccountProfile ALICE =
      new AccountProfile("Project Manager", "Operations", "Example Ltd", "+49 30 1234567-14", "+49 151 2345678");

  @TempDir Path data;

  private static String durability;
  private Database database;
  private final AccountListeners listeners = new AccountListeners();
  private final RecordingListener recorder = new RecordingListener();

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

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private DerbyDirectory open(List<SchemaPart> parts) {
    if (database != null) {
      database.close();
    }
    database = Database.open(data.resolve("derby/convene"), parts);
    listeners.add(recorder);
    return new DerbyDirectory(database, new PasswordHasher(1_000), listeners);
  }

  private DerbyDirectory open() {
    return open(List.of(new DirectorySchema()));
  }

  @Test
  void storesStripsReplacesAndClearsAProfileAndTellsListenersOnlyOfChanges() {
    DerbyDirectory directory = open();
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    Account bob = directory.create(NewAccount.user("bob@example.com", "Bob"), null);
    assertThat(directory.profile(alice.id())).isEqualTo(AccountProfile.EMPTY);
    recorder.events.clear();

    AccountProfile stored = directory.setProfile(alice.id(), ALICE.withTitle("  Project Manager \t"));

    assertThat(stored).isEqualTo(ALICE);
    assertThat(directory.profile(alice.id())).isEqualTo(ALICE);
    assertThat(directory.profiles()).isEqualTo(Map.of(alice.id(), ALICE));
    assertThat(directory.profile(bob.id())).isEqualTo(AccountProfile.EMPTY);
    directory.setProfile(alice.id(), ALICE);
    assertThat(recorder.events).containsExactly("changed alice@example.com");

    directory.setProfile(alice.id(), ALICE.withMobilePhone(""));
    assertThat(directory.profile(alice.id()).mobilePhone()).isEmpty();
    directory.setProfile(alice.id(), AccountProfile.EMPTY);
    assertThat(directory.profiles()).isEmpty();
    assertThat(recorder.events).hasSize(3);
  }

  @Test
  void refusesBadValuesAndUnknownAccountsAndKeepsTheOldProfile() {
    DerbyDirectory directory = open();
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    directory.setProfile(alice.id(), ALICE);

    assertReason(() -> directory.setProfile(alice.id(), ALICE.withTitle("x".repeat(257))), Reason.INVALID);
    assertReason(() -> directory.setProfile(alice.id(), ALICE.withBusinessPhone("1".repeat(65))), Reason.INVALID);
    assertReason(() -> directory.setProfile(alice.id(), ALICE.withDepartment("Ops\nInjected")), Reason.INVALID);
    assertReason(() -> directory.setProfile(999, ALICE), Reason.NOT_FOUND);
    assertReason(() -> directory.profile(999), Reason.NOT_FOUND);

    assertThat(directory.profile(alice.id())).isEqualTo(ALICE);
  }

  @Test
  void removingAnAccountRemovesItsProfileAndProfilesSurviveAReopen() {
    DerbyDirectory directory = open();
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    Account bob = directory.create(NewAccount.user("bob@example.com", "Bob"), null);
    directory.setProfile(alice.id(), ALICE);
    directory.setProfile(bob.id(), ALICE.withTitle("Engineer"));

    directory.remove(bob.id());
    DerbyDirectory reopened = open();

    assertThat(reopened.profiles()).isEqualTo(Map.of(alice.id(), ALICE));
  }

  @Test
  void aVersionOneDirectoryIsUpgradedInPlace() {
    SchemaPart versionOne = new SchemaPart() {
      @Override
      public String name() {
        return DirectorySchema.NAME;
      }

      @Override
      public List<List<String>> migrations() {
        return new DirectorySchema().migrations().subList(0, 1);
      }
    };
    Account alice = open(List.of(versionOne)).create(NewAccount.user("alice@example.com", "Alice"), null);
    assertThatThrownBy(() -> open(List.of(versionOne)).setProfile(alice.id(), ALICE)).isInstanceOf(DirectoryException.class);

    DerbyDirectory upgraded = open();

    assertThat(upgraded.find(alice.id())).contains(alice);
    assertThat(upgraded.profile(alice.id())).isEqualTo(AccountProfile.EMPTY);
    upgraded.setProfile(alice.id(), ALICE);
    assertThat(upgraded.profile(alice.id())).isEqualTo(ALICE);
  }

  @Test
  void demoUsersHaveOfficesTitlesAndPhones() {
    DerbyDirectory directory = open();
    DemoAccountSet.createIfEmpty(directory, "demo".toCharArray());

    Account alice = directory.findBySmtp("alice@example.com").orElseThrow();
    Account bob = directory.findBySmtp("bob@example.com").orElseThrow();
    assertThat(alice.location()).isNotEmpty();
    assertThat(directory.profiles()).containsOnlyKeys(alice.id(), bob.id());
    assertThat(directory.profiles().values()).allSatisfy(profile -> {
      assertThat(profile.title()).isNotEmpty();
      assertThat(profile.department()).isNotEmpty();
      assertThat(profile.businessPhone()).startsWith("+");
      assertThat(profile.mobilePhone()).startsWith("+");
    });
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}

package io.convene.storage.derby.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.NewAccount;
import io.convene.api.net.AuthenticatedUser;
import io.convene.storage.derby.component.DirectoryAuthenticator;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAuthenticatorTest {

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
  private DerbyDirectory directory;
  private DirectoryAuthenticator authenticator;
  private Account alice;

  @BeforeEach
  void open() {
    database = Database.open(data.resolve("derby/convene"), List.of(new DirectorySchema()));
    AccountListeners listeners = new AccountListeners();
    directory = new DerbyDirectory(database, new PasswordHasher(1_000), listeners);
    authenticator = new DirectoryAuthenticator(directory);
    listeners.add(authenticator);
    alice = directory.create(NewAccount.user("alice@example.com", "Alice Anders"), "pw".toCharArray());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void acceptsAddressOrAliasAndReportsTheAccountIdAndLoginName() {
    assertThat(authenticator.authenticate("alice", "pw".toCharArray()))
        .contains(new AuthenticatedUser(Long.toString(alice.id()), "alice"));
    assertThat(authenticator.authenticate("Alice@Example.com", "pw".toCharArray()))
        .contains(new AuthenticatedUser(Long.toString(alice.id()), "Alice@Example.com"));
  }

  @Test
  void refusesWrongPasswordsUnknownNamesAndRepeatsTheRefusal() {
    assertThat(authenticator.authenticate("alice", "PW".toCharArray())).isEmpty();
    assertThat(authenticator.authenticate("mallory", "pw".toCharArray())).isEmpty();
    assertThat(authenticator.authenticate("alice", "pw".toCharArray())).isPresent();
    assertThat(authenticator.authenticate("alice", "PW".toCharArray())).as("a cached login does not let another password in").isEmpty();
  }

  @Test
  void disablingOrANewPasswordTakesEffectAtOnceDespiteTheCache() {
    assertThat(authenticator.authenticate("alice", "pw".toCharArray())).isPresent();

    directory.update(alice.id(), AccountUpdate.NONE.withEnabled(false));
    assertThat(authenticator.authenticate("alice", "pw".toCharArray())).isEmpty();

    directory.update(alice.id(), AccountUpdate.NONE.withEnabled(true));
    assertThat(authenticator.authenticate("alice", "pw".toCharArray())).isPresent();
    directory.setPassword(alice.id(), "new".toCharArray());
    assertThat(authenticator.authenticate("alice", "pw".toCharArray())).isEmpty();
    assertThat(authenticator.authenticate("alice", "new".toCharArray())).isPresent();

    directory.remove(alice.id());
    assertThat(authenticator.authenticate("alice", "new".toCharArray())).isEmpty();
  }
}

package io.convene.storage.derby.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountCertificates;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import io.convene.api.directory.NewAccount;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.db.SchemaPart;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published certificates of {@link DerbyDirectory} (directory schema migration 3). */
class AccountCertificatesTest {

  private static final AccountCertificates ALICE = new AccountCertificates(
      List.of(new byte[] {1, 2, 3}, new byte[] {4}), List.of(new byte[] {0x30, (byte) 0x82, 0x01, 0x0A}));

  @TempDir Path data;

  private static String durability;
  private Database database;
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
    AccountListeners listeners = new AccountListeners();
    listeners.add(recorder);
    return new DerbyDirectory(database, new PasswordHasher(1_000), listeners);
  }

  private DerbyDirectory open() {
    return open(List.of(new DirectorySchema()));
  }

  @Test
  void publishesReplacesAndWithdrawsInOrderAndTellsListenersOnlyOfChanges() {
    DerbyDirectory directory = open();
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    Account bob = directory.create(NewAccount.user("bob@example.com", "Bob"), null);
    assertThat(directory.certificates(alice.id())).isEqualTo(AccountCertificates.EMPTY);
    recorder.events.clear();

    directory.setCertificates(alice.id(), ALICE);
    directory.setCertificates(alice.id(), ALICE);

    assertThat(directory.certificates(alice.id())).isEqualTo(ALICE);
    assertThat(directory.certificates(alice.id()).userX509()).containsExactly(new byte[] {1, 2, 3}, new byte[] {4});
    assertThat(directory.allCertificates()).isEqualTo(Map.of(alice.id(), ALICE));
    assertThat(directory.certificates(bob.id())).isEqualTo(AccountCertificates.EMPTY);
    assertThat(recorder.events).containsExactly("changed alice@example.com");

    AccountCertificates reordered = new AccountCertificates(List.of(new byte[] {4}, new byte[] {1, 2, 3}), List.of());
    directory.setCertificates(alice.id(), reordered);
    assertThat(directory.certificates(alice.id())).isEqualTo(reordered);
    directory.setCertificates(alice.id(), AccountCertificates.EMPTY);
    assertThat(directory.allCertificates()).isEmpty();
    assertThat(recorder.events).hasSize(3);
  }

  @Test
  void refusesTooManyEmptyOrOversizedValuesAndUnknownAccountsAndKeepsWhatWasThere() {
    DerbyDirectory directory = open();
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    directory.setCertificates(alice.id(), ALICE);

    List<byte[]> seventeen = Collections.nCopies(17, new byte[] {1});
    assertReason(() -> directory.setCertificates(alice.id(), new AccountCertificates(seventeen, List.of())), Reason.INVALID);
    assertReason(() -> directory.setCertificates(alice.id(), new AccountCertificates(List.of(new byte[0]), List.of())),
        Reason.INVALID);
    assertReason(() -> directory.setCertificates(alice.id(),
        new AccountCertificates(List.of(), List.of(new byte[CertificateRows.MAX_BYTES + 1]))), Reason.INVALID);
    assertReason(() -> directory.setCertificates(999, ALICE), Reason.NOT_FOUND);
    assertReason(() -> directory.certificates(999), Reason.NOT_FOUND);

    assertThat(directory.certificates(alice.id())).isEqualTo(ALICE);
  }

  @Test
  void theLargestValueIsKeptWholeAndCertificatesGoWithTheAccountAndSurviveAReopen() {
    DerbyDirectory directory = open();
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice"), null);
    Account bob = directory.create(NewAccount.user("bob@example.com", "Bob"), null);
    byte[] largest = new byte[CertificateRows.MAX_BYTES];
    largest[largest.length - 1] = 7;
    AccountCertificates big = new AccountCertificates(List.of(), List.of(largest));
    directory.setCertificates(alice.id(), big);
    directory.setCertificates(bob.id(), ALICE);

    directory.remove(bob.id());
    DerbyDirectory reopened = open();

    assertThat(reopened.allCertificates()).isEqualTo(Map.of(alice.id(), big));
  }

  @Test
  void aVersionTwoDirectoryIsUpgradedInPlace() {
    SchemaPart versionTwo = new SchemaPart() {
      @Override
      public String name() {
        return DirectorySchema.NAME;
      }

      @Override
      public List<List<String>> migrations() {
        return new DirectorySchema().migrations().subList(0, 2);
      }
    };
    Account alice = open(List.of(versionTwo)).create(NewAccount.user("alice@example.com", "Alice"), null);
    assertThatThrownBy(() -> open(List.of(versionTwo)).setCertificates(alice.id(), ALICE))
        .isInstanceOf(DirectoryException.class);

    DerbyDirectory upgraded = open();

    assertThat(upgraded.certificates(alice.id())).isEqualTo(AccountCertificates.EMPTY);
    upgraded.setCertificates(alice.id(), ALICE);
    assertThat(upgraded.certificates(alice.id())).isEqualTo(ALICE);
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}

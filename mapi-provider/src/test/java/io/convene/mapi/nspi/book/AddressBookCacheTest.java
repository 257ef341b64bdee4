package io.convene.mapi.nspi.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.BookingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AddressBookCacheTest {

  private final List<Account> accounts = new ArrayList<>(List.of(AddressBookTest.account(1, AccountKind.USER, "Ann", true)));
  private final AtomicInteger builds = new AtomicInteger();
  private Runnable duringBuild = () -> {};
  private final AddressBookCache cache = new AddressBookCache(() -> {
    builds.incrementAndGet();
    AddressBook book = new AddressBook(List.copyOf(accounts));
    duringBuild.run();
    return book;
  });

  @Test
  void buildsOnceAndServesTheSameSnapshotUntilAnEvent() {
    AddressBook first = cache.current();
    assertThat(cache.current()).isSameAs(first);
    assertThat(cache.current()).isSameAs(first);
    assertThat(builds).hasValue(1);

    Account bob = AddressBookTest.account(2, AccountKind.USER, "Bob", true);
    accounts.add(bob);
    cache.accountCreated(bob);

    AddressBook second = cache.current();
    assertThat(second).isNotSameAs(first);
    assertThat(second.gal()).extracting(AbObject::displayName).containsExactly("Ann", "Bob");
    assertThat(builds).hasValue(2);
    cache.accountChanged(bob);
    cache.accountRemoved(bob);
    cache.current();
    assertThat(builds).hasValue(3);
  }

  @Test
  void aChangeDuringABuildLeavesThatSnapshotStale() {
    Account bob = AddressBookTest.account(2, AccountKind.USER, "Bob", true);
    duringBuild = () -> {
      // The directory commits Bob after the list was read, while the snapshot is being built.
      duringBuild = () -> {};
      accounts.add(bob);
      cache.accountCreated(bob);
    };

    assertThat(cache.current().gal()).extracting(AbObject::displayName).containsExactly("Ann");
    assertThat(cache.current().gal()).extracting(AbObject::displayName).containsExactly("Ann", "Bob");
    assertThat(builds).hasValue(2);
  }
}

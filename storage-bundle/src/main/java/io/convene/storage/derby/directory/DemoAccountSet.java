package io.convene.storage.derby.directory;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.BookingPolicy;
import io.convene.api.directory.Directory;
import io.convene.api.directory.NewAccount;
import java.util.List;

/**
 * The demo profile's accounts: two users with offices, titles and telephone numbers (the address
 * book's details page), a room and a car, created only into an empty directory
 * so that a restart (or an administrator's own accounts) is never touched.
 */
public final class DemoAccountSet {

  private DemoAccountSet() {}

  /**
   * Creates the demo accounts if the directory holds no account yet.
   *
   * @param password the users' password; the resources get none (they do not log in)
   * @return the accounts created, empty if the directory was not empty
   */
  public static List<Account> createIfEmpty(Directory directory, char[] password) {
    if (!directory.list().isEmpty()) {
      return List.of();
    }
    Account alice = directory.create(NewAccount.user("alice@example.com", "Alice Anders").withLocation("Berlin, 3.14"), password);
    directory.setProfile(alice.id(), new AccountProfile(
        "Project Manager", "Operations", "Example Ltd", "+49 30 1234567-14", "+49 151 2345678"));
    Account bob = directory.create(NewAccount.user("bob@example.com", "Bob Berg").withLocation("Berlin, 2.07"), password);
    directory.setProfile(bob.id(), new AccountProfile(
        "Software Engineer", "Development", "Example Ltd", "+49 30 1234567-27", "+49 160 9876543"));
    return List.of(
        alice,
        bob,
        directory.create(
            NewAccount.room("room.berlin@example.com", "Room Berlin")
                .withCapacity(8)
                .withLocation("Berlin, 2nd floor")
                .withBookingPolicy(BookingPolicy.DEFAULT.withAutoAccept(true)),
            null),
        directory.create(NewAccount.equipment("car.1@example.com", "Company Car 1"), null));
  }
}

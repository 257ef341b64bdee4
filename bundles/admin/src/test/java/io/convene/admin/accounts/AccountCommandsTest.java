package io.convene.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.DirectoryException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountCommandsTest {

  private final InMemoryDirectory directory = new InMemoryDirectory();
  private final AccountCommands commands = new AccountCommands(directory);

  @Test
  void addsAUserWithPassword() {
    String out = commands.add(List.of("--name", "Alice Anders", "Alice@Example.com", "s3cret"));

    assertThat(out).startsWith("Created user alice@example.com (id 1, alias alice, \"Alice Anders\")").doesNotContain("s3cret");
    assertThat(directory.checkPassword("alice", "s3cret".toCharArray())).isPresent();
  }

  @Test
  void addsARoomWithoutPasswordAndSaysSo() {
    String out = commands.add(List.of("--kind", "room", "--capacity", "8", "--location", "Berlin, 2nd floor",
        "--name", "Room Berlin", "room.berlin@example.com"));

    Account room = directory.findBySmtp("room.berlin@example.com").orElseThrow();
    assertThat(room.kind()).isEqualTo(AccountKind.ROOM);
    assertThat(room.capacity()).isEqualTo(8);
    assertThat(room.location()).isEqualTo("Berlin, 2nd floor");
    assertThat(out).contains("cannot log in");
  }

  @Test
  void addRefusesBadArguments() {
    assertThatThrownBy(() -> commands.add(List.of())).hasMessageContaining("Usage: account-add");
    assertThatThrownBy(() -> commands.add(List.of("--kind", "robot", "x@example.com"))).hasMessageContaining("user, room or equipment");
    assertThatThrownBy(() -> commands.add(List.of("--quota", "-5", "x@example.com"))).hasMessageContaining("--quota");
    assertThatThrownBy(() -> commands.add(List.of("--nmae", "X", "x@example.com"))).hasMessageContaining("Unknown option --nmae");
    assertThatThrownBy(() -> commands.add(List.of("x@example.com", "pw", "extra"))).hasMessageContaining("Usage");
    commands.add(List.of("x@example.com"));
    assertThatThrownBy(() -> commands.add(List.of("X@example.com"))).isInstanceOf(DirectoryException.class).hasMessageContaining("exists");
  }

  @Test
  void listsAllOrOneKind() {
    commands.add(List.of("--name", "Bob Berg", "bob@example.com", "pw"));
    commands.add(List.of("--kind", "room", "--capacity", "8", "--name", "Room Berlin", "room.berlin@example.com"));
    commands.add(List.of("--kind", "equipment", "--name", "Company Car 1", "--disabled", "car.1@example.com"));

    assertThat(commands.list(List.of())).contains("bob@example.com", "room.berlin@example.com", "8 seats", "car.1@example.com",
        "disabled", "3 accounts");
    assertThat(commands.list(List.of("--kind", "room"))).contains("Room Berlin").doesNotContain("bob@example.com")
        .contains("1 account\n");
  }

  @Test
  void changesPasswords() {
    commands.add(List.of("alice@example.com", "old"));
    assertThat(commands.passwd(List.of("alice", "new"))).isEqualTo("Password of alice@example.com changed\n");
    assertThat(directory.checkPassword("alice", "new".toCharArray())).isPresent();
    assertThatThrownBy(() -> commands.passwd(List.of("nobody", "x"))).hasMessageContaining("No account");
    assertThatThrownBy(() -> commands.passwd(List.of("alice"))).hasMessageContaining("Usage");
  }

  @Test
  void removeNeedsConfirmation() {
    commands.add(List.of("alice@example.com", "pw"));

    assertThatThrownBy(() -> commands.remove(List.of("alice"))).hasMessageContaining("Not removed").hasMessageContaining("--yes");
    assertThat(directory.list()).hasSize(1);

    assertThat(commands.remove(List.of("alice", "-y"))).startsWith("Removed user alice@example.com");
    assertThat(directory.list()).isEmpty();
    commands.add(List.of("bob@example.com", "pw"));
    assertThat(commands.remove(List.of("--yes", "bob@example.com"))).startsWith("Removed");
  }

  @Test
  void setsAttributesAndBookingPolicy() {
    commands.add(List.of("--kind", "room", "room@example.com"));

    String out = commands.set(List.of("room", "--name", "Big Room", "--capacity", "12", "--auto-accept", "false",
        "--booking-window-days", "30", "--max-duration-minutes", "120", "--allowed-bookers", "alice@example.com, bob@example.com",
        "--enabled", "no"));

    Account room = directory.findByAlias("room").orElseThrow();
    assertThat(out).startsWith("Updated room room@example.com").contains("disabled");
    assertThat(room.displayName()).isEqualTo("Big Room");
    assertThat(room.capacity()).isEqualTo(12);
    assertThat(room.enabled()).isFalse();
    assertThat(room.bookingPolicy().autoAccept()).isFalse();
    assertThat(room.bookingPolicy().bookingWindowDays()).isEqualTo(30);
    assertThat(room.bookingPolicy().maxDurationMinutes()).isEqualTo(120);
    assertThat(room.bookingPolicy().allowedBookers()).containsExactly("alice@example.com", "bob@example.com");

    commands.set(List.of("room", "--allowed-bookers", ""));
    assertThat(directory.findByAlias("room").orElseThrow().bookingPolicy().allowedBookers()).isEmpty();
    assertThatThrownBy(() -> commands.set(List.of("room"))).hasMessageContaining("Nothing to change");
    assertThatThrownBy(() -> commands.set(List.of("room", "--enabled", "maybe"))).hasMessageContaining("true or false");
  }
}

package io.convene.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountUpdateTest {

  private final Account room =
      new Account(7, AccountKind.ROOM, "Room", "room@example.com", "room", true, 0, 4, "", BookingPolicy.DEFAULT);

  @Test
  void noneChangesNothing() {
    assertThat(AccountUpdate.NONE.isEmpty()).isTrue();
    assertThat(AccountUpdate.NONE.applyTo(room)).isEqualTo(room);
  }

  @Test
  void appliesOnlyTheGivenChanges() {
    AccountUpdate update = AccountUpdate.NONE.withCapacity(10).withEnabled(false);
    assertThat(update.isEmpty()).isFalse();
    assertThat(update.applyTo(room))
        .isEqualTo(new Account(7, AccountKind.ROOM, "Room", "room@example.com", "room", false, 0, 10, "", BookingPolicy.DEFAULT));
  }

  @Test
  void newAccountFactoriesSetTheKind() {
    assertThat(NewAccount.user("a@example.com", "A").kind()).isEqualTo(AccountKind.USER);
    assertThat(NewAccount.room("r@example.com", "R").kind().isResource()).isTrue();
    assertThat(NewAccount.equipment("c@example.com", "C").withCapacity(2).capacity()).isEqualTo(2);
  }
}

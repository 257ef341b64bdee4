package io.convene.api.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingPolicyTest {

  @Test
  void normalizesAndCopiesAllowedBookers() {
    List<String> bookers = Arrays.asList(" Alice@Example.com", "alice@example.com", "BOB@example.com");
    BookingPolicy policy = BookingPolicy.DEFAULT.withAllowedBookers(bookers);
    bookers.set(0, "mallory@example.com");

    assertThat(policy.allowedBookers()).containsExactly("alice@example.com", "bob@example.com");
    assertThat(policy.mayBook("ALICE@example.com")).isTrue();
    assertThat(policy.mayBook("carol@example.com")).isFalse();
    assertThat(BookingPolicy.DEFAULT.mayBook("anyone@example.com")).isTrue();
  }

  @Test
  void rejectsNegativeLimitsAndBlankBookers() {
    assertThatThrownBy(() -> BookingPolicy.DEFAULT.withBookingWindowDays(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BookingPolicy.DEFAULT.withMaxDurationMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BookingPolicy.DEFAULT.withAllowedBookers(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withersChangeOneSetting() {
    BookingPolicy policy = BookingPolicy.DEFAULT.withAutoAccept(false).withAllowConflicts(true).withAllowRecurring(false);
    assertThat(policy).isEqualTo(new BookingPolicy(false, true, 180, 1440, false, List.of()));
  }
}

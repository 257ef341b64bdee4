package io.convene.storage.derby.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.BookingPolicy;
import io.convene.api.directory.Directory;
import io.convene.api.directory.NewAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginCacheTest {

  private final CountingDirectory directory = new CountingDirectory();
  private final MutableClock clock = new MutableClock();

  @Test
  void remembersASuccessfulLoginForItsTimeToLive() {
    LoginCache cache = new LoginCache(directory, clock, Duration.ofMinutes(5));

    assertThat(cache.check("Alice", "pw".toCharArray())).isPresent();
    assertThat(cache.check("alice", "pw".toCharArray())).isPresent();
    assertThat(directory.checks).isEqualTo(1);

    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(cache.check("alice", "pw".toCharArray())).isPresent();
    assertThat(directory.checks).isEqualTo(2);
  }

  @Test
  void neverAnswersAnotherPasswordFromTheCacheNorCachesFailures() {
    LoginCache cache = new LoginCache(directory, clock, Duration.ofMinutes(5));
    assertThat(cache.check("alice", "pw".toCharArray())).isPresent();

    assertThat(cache.check("alice", "wrong".toCharArray())).isEmpty();
    assertThat(cache.check("alice", "wrong".toCharArray())).isEmpty();
    assertThat(directory.checks).isEqualTo(3);
  }

  @Test
  void forgetsAnAccount() {
    LoginCache cache = new LoginCache(directory, clock, Duration.ofMinutes(5));
    cache.check("alice", "pw".toCharArray());
    cache.forget(1);
    assertThat(cache.size()).isZero();
  }

  @Test
  void zeroTimeToLiveChecksEveryTime() {
    LoginCache cache = new LoginCache(directory, clock, Duration.ZERO);
    cache.check("alice", "pw".toCharArray());
    cache.check("alice", "pw".toCharArray());
    assertThat(directory.checks).isEqualTo(2);
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Knows one account, alice with password "pw", and counts password checks. */
  private static final class CountingDirectory implements Directory {
    final Account alice = new Account(1, AccountKind.USER, "Alice", "alice@example.com", "alice", true, 0, 0, "", BookingPolicy.DEFAULT);
    int checks;

    @Override
    public Optional<Account> checkPassword(String loginName, char[] password) {
      checks++;
      boolean known = loginName.equals("alice") || loginName.equals("alice@example.com");
      return known && Arrays.equals(password, "pw".toCharArray()) ? Optional.of(alice) : Optional.empty();
    }

    @Override
    public Account create(NewAccount account, char[] password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Account> find(long id) {
      return Optional.empty();
    }

    @Override
    public Optional<Account> findBySmtp(String smtpAddress) {
      return Optional.empty();
    }

    @Override
    public Optional<Account> findByAlias(String alias) {
      return Optional.empty();
    }

    @Override
    public Optional<Account> resolve(String loginName) {
      return Optional.empty();
    }

    @Override
    public List<Account> list() {
      return List.of();
    }

    @Override
    public List<Account> list(AccountKind kind) {
      return List.of();
    }

    @Override
    public Account update(long id, AccountUpdate update) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setPassword(long id, char[] password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(long id) {
      throw new UnsupportedOperationException();
    }
  }
}

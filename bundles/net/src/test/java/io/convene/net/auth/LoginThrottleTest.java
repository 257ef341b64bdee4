package io.convene.net.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(
          clock, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), 2);

  @Test
  void freeFailuresThenDoublingLockoutCappedAtTheMaximum() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.lockout("10.0.0.1")).isZero();
    throttle.failed("10.0.0.1");
    assertThat(throttle.lockout("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    throttle.failed("10.0.0.1");
    assertThat(throttle.lockout("10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.lockout("10.0.0.1")).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(31));
    assertThat(throttle.lockout("10.0.0.1")).isZero();
    assertThat(throttle.lockout("10.0.0.2")).isZero();
  }

  @Test
  void successAndQuietPeriodsForget() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("a");
    }
    throttle.succeeded("a");
    assertThat(throttle.lockout("a")).isZero();
    for (int i = 0; i < 5; i++) {
      throttle.failed("b");
    }
    clock.advance(Duration.ofMinutes(16));
    throttle.failed("b");
    assertThat(throttle.lockout("b")).isZero();
  }

  @Test
  void memoryIsBoundedByTheTrackedLimit() {
    throttle.failed("a");
    throttle.failed("b");
    throttle.failed("c");
    assertThat(throttle.tracked()).isEqualTo(2);
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

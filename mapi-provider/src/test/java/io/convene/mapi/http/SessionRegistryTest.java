package io.convene.mapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapi.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session table both MAPI/HTTP endpoints use. */
class SessionRegistryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final List<String> removed = new ArrayList<>();
  private final SessionRegistry<MapiSession> sessions =
      new SessionRegistry<>("TEST", clock, Duration.ofMinutes(15), 2, s -> removed.add(s.contextCookie()));

  private MapiSession open(String accountId) {
    MapiSession session = sessions.create(accountId, (context, sequence, now) -> new MapiSession(context, accountId, sequence, now));
    clock.advance(Duration.ofSeconds(1));
    return session;
  }

  @Test
  void cookiesAreFreshRandomTokens() {
    MapiSession session = open("1");
    assertThat(session.contextCookie()).matches(SessionRegistry.TOKEN).isNotEqualTo(session.sequence());
    assertThat(open("1").contextCookie()).isNotEqualTo(session.contextCookie());
  }

  @Test
  void aThirdSessionEvictsTheAccountsLeastRecentlyUsedOnly() {
    MapiSession first = open("1");
    MapiSession second = open("1");
    MapiSession other = open("2");
    first.touch(clock.instant());

    MapiSession third = open("1");

    assertThat(removed).containsExactly(second.contextCookie());
    assertThat(sessions.find(second.contextCookie())).isEmpty();
    assertThat(sessions.find(first.contextCookie())).contains(first);
    assertThat(sessions.find(third.contextCookie())).contains(third);
    assertThat(sessions.find(other.contextCookie())).contains(other);
  }

  @Test
  void idleSessionsExpireOnLookupAndOnSweep() {
    MapiSession looked = open("1");
    MapiSession swept = open("2");
    clock.advance(Duration.ofMinutes(15));

    assertThat(sessions.find(looked.contextCookie())).isEmpty();
    assertThat(sessions.sweep()).isEqualTo(1);
    assertThat(removed).containsExactly(looked.contextCookie(), swept.contextCookie());
    assertThat(sessions.size()).isZero();
  }

  @Test
  void aFailingCleanUpIsLoggedAndTheSessionIsGoneAnyway() {
    SessionRegistry<MapiSession> failing =
        new SessionRegistry<>("TEST", clock, Duration.ofMinutes(15), 2, s -> {
          throw new IllegalStateException("boom");
        });
    MapiSession session = failing.create("1", (context, sequence, now) -> new MapiSession(context, "1", sequence, now));

    failing.remove(session);
    failing.closeAll();

    assertThat(failing.find(session.contextCookie())).isEmpty();
  }

  @Test
  void theSequenceCookieAdvancesOnlyFromTheCurrentOne() {
    MapiSession session = open("1");
    String current = session.sequence();

    assertThat(session.advance("stale", "next")).isFalse();
    assertThat(session.advance(current, "next")).isTrue();
    assertThat(session.advance(current, "again")).isFalse();
    assertThat(session.sequence()).isEqualTo("next");
  }
}

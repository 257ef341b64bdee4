package io.convene.mapi.nspi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound NSPI Session Contexts (MS-OXCMAPIHTTP 3.1.1), keyed by context cookie: created by Bind,
 * ended by Unbind, an idle timeout or eviction when one account opens more than its share (its
 * least recently used goes). An NSPI session holds no server objects, so ending one frees only its
 * entry. Thread-safe.
 */
final class NspiSessions {

  private static final Logger LOG = LoggerFactory.getLogger(NspiSessions.class);
  /** Cookies are 128 random bits in hex, as the mailbox endpoint's. */
  static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

  /** One session: its cookies, owner and last use. */
  static final class Session {
    final String contextCookie;
    final long accountId;
    private String sequence;
    private Instant lastUsed;

    Session(String contextCookie, long accountId, String sequence, Instant now) {
      this.contextCookie = contextCookie;
      this.accountId = accountId;
      this.sequence = sequence;
      this.lastUsed = now;
    }

    synchronized String sequence() {
      return sequence;
    }

    /** Replaces the sequence cookie if {@code presented} is the current one (3.2.5.1). */
    synchronized boolean advance(String presented, String next) {
      if (!sequence.equals(presented)) {
        return false;
      }
      sequence = next;
      return true;
    }

    synchronized void touch(Instant now) {
      if (now.isAfter(lastUsed)) {
        lastUsed = now;
      }
    }

    synchronized Instant lastUsed() {
      return lastUsed;
    }
  }

  private final Clock clock;
  private final Duration idleTimeout;
  private final int maxPerUser;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new HashMap<>();

  NspiSessions(Clock clock, Duration idleTimeout, int maxPerUser) {
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.maxPerUser = maxPerUser;
  }

  String newToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  synchronized Session create(long accountId) {
    List<Session> owned =
        sessions.values().stream()
            .filter(s -> s.accountId == accountId)
            .sorted(Comparator.comparing(Session::lastUsed))
            .toList();
    for (int i = 0; i <= owned.size() - maxPerUser; i++) {
      sessions.remove(owned.get(i).contextCookie);
      LOG.info("Account {} reached {} NSPI sessions; closed the least recently used", accountId, maxPerUser);
    }
    Session session = new Session(newToken(), accountId, newToken(), clock.instant());
    sessions.put(session.contextCookie, session);
    return session;
  }

  /** The live session with this cookie; an expired one is removed and not returned. */
  synchronized Optional<Session> find(String contextCookie) {
    Session session = sessions.get(contextCookie);
    if (session == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(session.lastUsed().plus(idleTimeout))) {
      sessions.remove(contextCookie);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  synchronized void remove(Session session) {
    sessions.remove(session.contextCookie, session);
  }

  /** Removes every expired session; the component runs it periodically. */
  synchronized int sweep() {
    Instant now = clock.instant();
    int before = sessions.size();
    sessions.values().removeIf(s -> !now.isBefore(s.lastUsed().plus(idleTimeout)));
    return before - sessions.size();
  }

  synchronized void closeAll() {
    sessions.clear();
  }

  synchronized int size() {
    return sessions.size();
  }

  Duration idleTimeout() {
    return idleTimeout;
  }
}

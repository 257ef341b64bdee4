package io.convene.mapi.http;

import io.convene.mapi.rop.RopSessionState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live Session Contexts, keyed by their context cookie. Sessions expire after an idle timeout
 * and each account holds at most a bounded number; a new one beyond it evicts that account's least
 * recently used session. Removed sessions are closed outside the registry lock, after any request
 * running on them finishes. Thread-safe.
 */
final class SessionRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
  /** Cookies are 128 random bits in hex; anything else is not ours. */
  static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

  private final Clock clock;
  private final Duration idleTimeout;
  private final int maxPerUser;
  private final Consumer<EmsmdbSession> onRemoved;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, EmsmdbSession> sessions = new HashMap<>();

  SessionRegistry(
      Clock clock, Duration idleTimeout, int maxPerUser, Consumer<EmsmdbSession> onRemoved) {
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.maxPerUser = maxPerUser;
    this.onRemoved = onRemoved;
  }

  String newToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  EmsmdbSession create(String accountId, RopSessionState rops) {
    Instant now = clock.instant();
    EmsmdbSession session = new EmsmdbSession(newToken(), accountId, rops, newToken(), now);
    List<EmsmdbSession> evicted = new ArrayList<>();
    synchronized (this) {
      List<EmsmdbSession> owned =
          sessions.values().stream()
              .filter(s -> s.accountId().equals(accountId))
              .sorted(Comparator.comparing(EmsmdbSession::lastUsed))
              .toList();
      for (int i = 0; i <= owned.size() - maxPerUser; i++) {
        evicted.add(owned.get(i));
        sessions.remove(owned.get(i).contextCookie());
      }
      sessions.put(session.contextCookie(), session);
    }
    if (!evicted.isEmpty()) {
      LOG.info(
          "Account {} reached {} MAPI/HTTP sessions; closed the {} least recently used",
          accountId,
          maxPerUser,
          evicted.size());
    }
    evicted.forEach(this::close);
    return session;
  }

  /** The live session with this cookie; an expired one is removed and not returned. */
  Optional<EmsmdbSession> find(String contextCookie) {
    EmsmdbSession expired;
    synchronized (this) {
      EmsmdbSession session = sessions.get(contextCookie);
      if (session == null) {
        return Optional.empty();
      }
      if (!session.expired(clock.instant(), idleTimeout)) {
        return Optional.of(session);
      }
      sessions.remove(contextCookie);
      expired = session;
    }
    close(expired);
    return Optional.empty();
  }

  void remove(EmsmdbSession session) {
    boolean removed;
    synchronized (this) {
      removed = sessions.remove(session.contextCookie(), session);
    }
    if (removed) {
      close(session);
    }
  }

  /** Removes every expired session; the component runs it periodically. */
  int sweep() {
    Instant now = clock.instant();
    List<EmsmdbSession> expired = new ArrayList<>();
    synchronized (this) {
      sessions.values().removeIf(
          session -> {
            boolean gone = session.expired(now, idleTimeout);
            if (gone) {
              expired.add(session);
            }
            return gone;
          });
    }
    expired.forEach(this::close);
    return expired.size();
  }

  synchronized int size() {
    return sessions.size();
  }

  /** Closes every session, e.g. when the component deactivates. */
  void closeAll() {
    List<EmsmdbSession> all;
    synchronized (this) {
      all = new ArrayList<>(sessions.values());
      sessions.clear();
    }
    all.forEach(this::close);
  }

  Duration idleTimeout() {
    return idleTimeout;
  }

  private void close(EmsmdbSession session) {
    session.markClosed();
    session.ropLock().lock();
    try {
      onRemoved.accept(session);
    } catch (RuntimeException e) {
      LOG.error("Closing MAPI/HTTP session of account {} failed", session.accountId(), e);
    } finally {
      session.ropLock().unlock();
    }
  }
}

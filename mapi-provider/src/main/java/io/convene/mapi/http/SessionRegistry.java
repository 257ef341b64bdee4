package io.convene.mapi.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live Session Contexts of one endpoint (mailbox or address book), keyed by their context
 * cookie. Sessions expire after an idle timeout and each account holds at most a bounded number; a
 * new one beyond it evicts that account's least recently used session. Removed sessions are handed
 * to the endpoint's {@code onRemoved} outside the registry lock. Thread-safe.
 *
 * @param <S> the endpoint's session type
 */
public final class SessionRegistry<S extends MapiSession> {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
  /** Cookies are 128 random bits in hex; anything else is not ours. */
  public static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

  /** Makes an endpoint's session from the cookies the registry chose. */
  @FunctionalInterface
  public interface Factory<S> {
    S create(String contextCookie, String sequenceCookie, Instant now);
  }

  private final String endpoint;
  private final Clock clock;
  private final Duration idleTimeout;
  private final int maxPerUser;
  private final Consumer<S> onRemoved;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, S> sessions = new HashMap<>();

  /**
   * @param endpoint names the sessions in log lines, e.g. "MAPI/HTTP" or "NSPI"
   * @param onRemoved frees what a removed (ended, expired, evicted) session holds; what it throws
   *     is logged
   */
  public SessionRegistry(String endpoint, Clock clock, Duration idleTimeout, int maxPerUser, Consumer<S> onRemoved) {
    this.endpoint = endpoint;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.maxPerUser = maxPerUser;
    this.onRemoved = onRemoved;
  }

  public String newToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A new session of {@code accountId}, evicting that account's least recently used beyond the cap. */
  public S create(String accountId, Factory<? extends S> factory) {
    S session = factory.create(newToken(), newToken(), clock.instant());
    List<S> evicted = new ArrayList<>();
    synchronized (this) {
      List<S> owned =
          sessions.values().stream()
              .filter(s -> s.accountId().equals(accountId))
              .sorted(Comparator.comparing(MapiSession::lastUsed))
              .toList();
      for (int i = 0; i <= owned.size() - maxPerUser; i++) {
        evicted.add(owned.get(i));
        sessions.remove(owned.get(i).contextCookie());
      }
      sessions.put(session.contextCookie(), session);
    }
    if (!evicted.isEmpty()) {
      LOG.info("Account {} reached {} {} sessions; closed the {} least recently used", accountId, maxPerUser, endpoint,
          evicted.size());
    }
    evicted.forEach(this::close);
    return session;
  }

  /** The live session with this cookie; an expired one is removed and not returned. */
  public Optional<S> find(String contextCookie) {
    S expired;
    synchronized (this) {
      S session = sessions.get(contextCookie);
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

  public void remove(S session) {
    boolean removed;
    synchronized (this) {
      removed = sessions.remove(session.contextCookie(), session);
    }
    if (removed) {
      close(session);
    }
  }

  /** Removes every expired session; the component runs it periodically. */
  public int sweep() {
    Instant now = clock.instant();
    List<S> expired = new ArrayList<>();
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

  public synchronized int size() {
    return sessions.size();
  }

  /** Closes every session, e.g. when the component deactivates. */
  public void closeAll() {
    List<S> all;
    synchronized (this) {
      all = new ArrayList<>(sessions.values());
      sessions.clear();
    }
    all.forEach(this::close);
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  private void close(S session) {
    try {
      onRemoved.accept(session);
    } catch (RuntimeException e) {
      LOG.error("Closing {} session of account {} failed", endpoint, session.accountId(), e);
    }
  }
}

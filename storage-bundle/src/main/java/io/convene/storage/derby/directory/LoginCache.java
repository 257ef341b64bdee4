package io.convene.storage.derby.directory;

import io.convene.api.directory.Account;
import io.convene.api.directory.Directory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks logins against a {@link Directory}, remembering successful ones for a short time.
 *
 * <p>Why: HTTP Basic sends the password with every request (Outlook's MAPI/HTTP polls), and a
 * PBKDF2 verification at a secure iteration count costs a few hundred milliseconds of CPU. A
 * successful login is remembered as an HMAC-SHA256 of the password under a random key that
 * lives only in this object's memory, so the cache never holds the password itself. Entries
 * expire after the time to live and are dropped when the account changes (disabled, password
 * set) or is removed. Failed logins are never cached. Thread-safe.
 */
public final class LoginCache {

  private static final int MAX_ENTRIES = 10_000;

  private final Directory directory;
  private final Clock clock;
  private final Duration timeToLive;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** {@code timeToLive} zero turns caching off: every login is checked against the directory. */
  public LoginCache(Directory directory, Clock clock, Duration timeToLive) {
    this.directory = directory;
    this.clock = clock;
    this.timeToLive = timeToLive;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    Arrays.fill(secret, (byte) 0);
  }

  /** The enabled account {@code loginName} (SMTP address or alias) names if the password matches. */
  public Optional<Account> check(String loginName, char[] password) {
    String login = loginName.strip().toLowerCase(Locale.ROOT);
    if (timeToLive.isZero()) {
      return directory.checkPassword(login, password);
    }
    byte[] mac = mac(login, password);
    Instant now = clock.instant();
    Entry cached = entries.get(login);
    if (cached != null && now.isBefore(cached.expires) && MessageDigest.isEqual(cached.mac, mac)) {
      return Optional.of(cached.account);
    }
    Optional<Account> account = directory.checkPassword(login, password);
    if (account.isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(login, new Entry(account.get(), mac, now.plus(timeToLive)));
    } else {
      entries.remove(login);
    }
    return account;
  }

  /** Forgets every remembered login of {@code accountId}. */
  public void forget(long accountId) {
    entries.values().removeIf(entry -> entry.account.id() == accountId);
  }

  /** Forgets everything. */
  public void clear() {
    entries.clear();
  }

  int size() {
    return entries.size();
  }

  private byte[] mac(String login, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      hmac.update(login.getBytes(StandardCharsets.UTF_8));
      hmac.update((byte) 0);
      return hmac.doFinal(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }

  private record Entry(Account account, byte[] mac, Instant expires) {}
}

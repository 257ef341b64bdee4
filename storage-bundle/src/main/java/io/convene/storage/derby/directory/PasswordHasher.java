package io.convene.storage.derby.directory;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes (RFC 8018 section 5.2) with the JDK's provider, stored
 * as {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} so that each hash keeps the
 * iteration count it was made with and the setting can be raised without invalidating old ones
 * ({@link #needsRehash}). Immutable and thread-safe.
 */
public final class PasswordHasher {

  /**
   * OWASP's Password Storage Cheat Sheet (2023) recommends 600,000 iterations for
   * PBKDF2-HMAC-SHA256 (210,000 is its figure for HMAC-SHA512).
   */
  public static final int DEFAULT_ITERATIONS = 600_000;

  /** Longest password accepted, in chars: HMAC hashes long keys once, but there is no use for more. */
  public static final int MAX_PASSWORD_LENGTH = 1024;

  static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  /** A stored hash asking for more is treated as corrupt rather than burning minutes of CPU. */
  private static final int MAX_STORED_ITERATIONS = 100_000_000;

  private final int iterations;
  private final SecureRandom random;

  public PasswordHasher(int iterations) {
    this(iterations, new SecureRandom());
  }

  PasswordHasher(int iterations, SecureRandom random) {
    if (iterations < 1 || iterations > MAX_STORED_ITERATIONS) {
      throw new IllegalArgumentException("iterations out of range: " + iterations);
    }
    this.iterations = iterations;
    this.random = random;
  }

  public int iterations() {
    return iterations;
  }

  /** A new salted hash of {@code password}; the array is left as it is (the caller clears it). */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, iterations, HASH_BYTES);
    try {
      Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
      return SCHEME + '$' + iterations + '$' + base64.encodeToString(salt) + '$' + base64.encodeToString(hash);
    } finally {
      Arrays.fill(hash, (byte) 0);
    }
  }

  /**
   * Whether {@code password} matches {@code stored}, compared in constant time. A malformed stored
   * value or an over-long password never matches.
   */
  public boolean verify(char[] password, String stored) {
    Parsed parsed = parse(stored);
    if (parsed == null || password.length > MAX_PASSWORD_LENGTH) {
      return false;
    }
    byte[] computed = pbkdf2(password, parsed.salt, parsed.iterations, parsed.hash.length);
    try {
      return MessageDigest.isEqual(computed, parsed.hash);
    } finally {
      Arrays.fill(computed, (byte) 0);
    }
  }

  /**
   * Spends the time of one verification without a stored hash, so that a login for an unknown
   * name takes as long as one with a wrong password.
   */
  public void verifyNothing(char[] password) {
    byte[] wasted = pbkdf2(password, new byte[SALT_BYTES], iterations, HASH_BYTES);
    Arrays.fill(wasted, (byte) 0);
  }

  /** Whether {@code stored} was made with fewer iterations than this hasher uses, or another scheme. */
  public boolean needsRehash(String stored) {
    Parsed parsed = parse(stored);
    return parsed == null || parsed.iterations < iterations;
  }

  /** PBKDF2-HMAC-SHA256 of the UTF-8 bytes of {@code password} (RFC 8018 section 5.2). */
  static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int lengthBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, lengthBytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime since 8 must ship PBKDF2WithHmacSHA256.
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  private static Parsed parse(String stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return null;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] hash = Base64.getDecoder().decode(parts[3]);
      if (iterations < 1 || iterations > MAX_STORED_ITERATIONS || salt.length == 0 || hash.length < 16 || hash.length > 64) {
        return null;
      }
      return new Parsed(iterations, salt, hash);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {}
}

package io.convene.net.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing per source address: after {@code freeFailures} failed logins, each
 * further failure locks the address out for a doubling delay (capped at {@code maxDelay}); a
 * successful login or a quiet period of {@code forgetAfter} clears the record. At most {@code
 * maxTracked} addresses are kept (least recently failed dropped first), so memory stays bounded
 * under a distributed attack.
 */
public final class LoginThrottle {

  private final Clock clock;
  private final int freeFailures;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;
  private final Map<String, Record> records;

  private static final class Record {
    int failures;
    Instant lastFailure;
    Instant lockedUntil = Instant.MIN;
  }

  public LoginThrottle(
      Clock clock,
      int freeFailures,
      Duration baseDelay,
      Duration maxDelay,
      Duration forgetAfter,
      int maxTracked) {
    this.clock = clock;
    this.freeFailures = freeFailures;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
    this.records =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
            return size() > maxTracked;
          }
        };
  }

  /** How long {@code address} must still wait before a login attempt is checked; zero if none. */
  public synchronized Duration lockout(String address) {
    Record record = current(address);
    if (record == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), record.lockedUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public synchronized void failed(String address) {
    Record record = current(address);
    if (record == null) {
      record = new Record();
      records.put(address, record);
    }
    Instant now = clock.instant();
    record.failures++;
    record.lastFailure = now;
    int over = record.failures - freeFailures;
    if (over > 0) {
      Duration delay = baseDelay.multipliedBy(1L << Math.min(over - 1, 20));
      record.lockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
  }

  public synchronized void succeeded(String address) {
    records.remove(address);
  }

  synchronized int tracked() {
    return records.size();
  }

  private Record current(String address) {
    Record record = records.get(address);
    if (record != null
        && Duration.between(record.lastFailure, clock.instant()).compareTo(forgetAfter) > 0) {
      records.remove(address);
      return null;
    }
    return record;
  }
}

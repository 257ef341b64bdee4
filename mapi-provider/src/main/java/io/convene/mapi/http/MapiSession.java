package io.convene.mapi.http;

import java.time.Duration;
import java.time.Instant;

/**
 * What every MAPI/HTTP Session Context has (MS-OXCMAPIHTTP 3.1.1), on either endpoint: its context
 * cookie, owner, sequence cookie and last use. The sequence cookie changes with every sequenced
 * request, so two requests presenting the same one cannot both run (3.2.5.1). An NSPI session is
 * nothing more; a mailbox session adds its ROP state ({@link EmsmdbSession}). Thread-safe.
 */
public class MapiSession {

  private final String contextCookie;
  private final String accountId;
  private String sequence;
  private Instant lastUsed;

  public MapiSession(String contextCookie, String accountId, String sequence, Instant now) {
    this.contextCookie = contextCookie;
    this.accountId = accountId;
    this.sequence = sequence;
    this.lastUsed = now;
  }

  public final String contextCookie() {
    return contextCookie;
  }

  /** The directory account id of the user who opened it, as {@code AuthenticatedUser} gives it. */
  public final String accountId() {
    return accountId;
  }

  public final synchronized String sequence() {
    return sequence;
  }

  /** Replaces the sequence cookie if {@code presented} is the current one. */
  public final synchronized boolean advance(String presented, String next) {
    if (!sequence.equals(presented)) {
      return false;
    }
    sequence = next;
    return true;
  }

  public final synchronized void touch(Instant now) {
    if (now.isAfter(lastUsed)) {
      lastUsed = now;
    }
  }

  public final synchronized Instant lastUsed() {
    return lastUsed;
  }

  public final synchronized boolean expired(Instant now, Duration idleTimeout) {
    return !now.isBefore(lastUsed.plus(idleTimeout));
  }
}

package io.convene.api.search;

import java.util.Objects;

/**
 * A search was refused or could not run. The {@link #reason()} lets a protocol map it to its own
 * error (an NSPI error code, an HTTP status); the message is meant for people.
 */
public final class SearchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a search failed. */
  public enum Reason {
    /** The search text is longer than {@link ContactSearch#MAX_TEXT_LENGTH}. */
    TEXT_TOO_LONG,
    /** The index is not open (being rebuilt for the first time, or the bundle is stopping). */
    UNAVAILABLE
  }

  private final Reason reason;

  public SearchException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public SearchException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

package io.convene.api.directory;

import java.util.Objects;

/**
 * A directory operation was refused or failed. The {@link #reason()} says why, for callers that
 * map it to a protocol error or an admin message; the message is meant for people and never holds
 * a password.
 */
public final class DirectoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why an operation failed. */
  public enum Reason {
    /** Another account already has this SMTP address. */
    DUPLICATE_ADDRESS,
    /** Another account already has this alias. */
    DUPLICATE_ALIAS,
    /** No account has this id, address or alias. */
    NOT_FOUND,
    /** A value is malformed or out of range (address syntax, blank name, negative quota...). */
    INVALID,
    /** The directory's storage failed; the operation was not applied. */
    UNAVAILABLE
  }

  private final Reason reason;

  public DirectoryException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public DirectoryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

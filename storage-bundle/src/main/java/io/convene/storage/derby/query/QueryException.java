package io.convene.storage.derby.query;

import java.util.Objects;

/**
 * A restriction or sort order the store refuses, with the {@link Reason}. MAPI reports all three
 * reasons to a client as {@code MAPI_E_TOO_COMPLEX} ({@code ecTooComplex}, 0x80040117), the error
 * MAPI names for restrictions a provider cannot or will not evaluate; the reason is for logs and
 * tests.
 */
public final class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a query was refused. */
  public enum Reason {
    /** Deeper or larger than the {@link QueryLimits}. */
    TOO_COMPLEX,
    /**
     * Well-formed but not implemented: {@code RELOP_RE}, {@code RELOP_MEMBER_OF_DL}, categories.
     */
    UNSUPPORTED,
    /** Meaningless: a value not of the tag's type, a sub-object that is not one, a bad tag. */
    INVALID
  }

  private final Reason reason;

  public QueryException(Reason reason, String message) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message);
    this.reason = reason;
  }

  /** Why the query was refused, never {@code null}. */
  public Reason reason() {
    return reason;
  }
}

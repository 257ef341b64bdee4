package io.convene.api.store;

/**
 * On whose behalf a store call is made. Every call is checked against the folder's permissions
 * for this caller; {@link #server()} (provisioning, local delivery, the booking attendant acting
 * as the resource) is the only caller that bypasses them.
 *
 * @param accountId the directory id of the calling account; {@code 0} for the system caller
 * @param system whether this is the server itself
 */
public record Caller(long accountId, boolean system) {

  private static final Caller SYSTEM = new Caller(0, true);

  public Caller {
    if (!system && accountId <= 0) {
      throw new IllegalArgumentException("account ids are positive, was " + accountId);
    }
  }

  public static Caller account(long accountId) {
    return new Caller(accountId, false);
  }

  /** The server itself: provisioning, local delivery, the booking attendant. */
  public static Caller server() {
    return SYSTEM;
  }
}

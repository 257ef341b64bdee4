package io.convene.api.store;

/**
 * On whose behalf a store call is made. Every call is checked against the folder's permissions
 * for this caller; {@link #server()} (provisioning, local delivery, the booking attendant acting
 * as the resource) is the only caller that bypasses them. An {@link #anonymous()} caller (no
 * login, e.g. a published free/busy or calendar URL) gets the folder's Anonymous ACL entry, never
 * the Default one, which is for authenticated accounts.
 *
 * @param accountId the directory id of the calling account; {@code 0} for the system caller,
 *     {@link FolderRights#ANONYMOUS_MEMBER} for the anonymous one
 * @param system whether this is the server itself
 */
public record Caller(long accountId, boolean system) {

  private static final Caller SYSTEM = new Caller(0, true);
  private static final Caller ANONYMOUS = new Caller(FolderRights.ANONYMOUS_MEMBER, false);

  public Caller {
    if (!system && accountId <= 0 && accountId != FolderRights.ANONYMOUS_MEMBER) {
      throw new IllegalArgumentException("account ids are positive, was " + accountId);
    }
  }

  /** A caller that did not authenticate: only the folders' Anonymous ACL entries apply to it. */
  public static Caller anonymous() {
    return ANONYMOUS;
  }

  /** Whether this caller did not authenticate. */
  public boolean isAnonymous() {
    return !system && accountId == FolderRights.ANONYMOUS_MEMBER;
  }

  public static Caller account(long accountId) {
    return new Caller(accountId, false);
  }

  /** The server itself: provisioning, local delivery, the booking attendant. */
  public static Caller server() {
    return SYSTEM;
  }
}

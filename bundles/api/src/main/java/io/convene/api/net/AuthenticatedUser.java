package io.convene.api.net;

import java.util.Objects;

/**
 * The account an {@link Authenticator} accepted.
 *
 * @param accountId the directory's stable id of the account, never {@code null}
 * @param loginName the name the caller logged in with, never {@code null}
 */
public record AuthenticatedUser(String accountId, String loginName) {

  public AuthenticatedUser {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(loginName, "loginName");
  }
}

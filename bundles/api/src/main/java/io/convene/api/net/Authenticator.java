package io.convene.api.net;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks credentials presented over HTTP (Basic authentication, RFC 7617).
 *
 * <p>Convene's directory provides one; a vendor may register another (e.g. LDAP). When several are
 * registered, the network layer asks them in service ranking order until one accepts. Must be
 * thread-safe. Implementations must not log the password.
 */
@ConsumerType
public interface Authenticator {

  /**
   * Checks a login.
   *
   * @param loginName the user name as typed (an SMTP address or alias), never {@code null}
   * @param password the password; the caller clears the array after the call returns
   * @return the account if the credentials are valid and the account is enabled, else empty
   */
  Optional<AuthenticatedUser> authenticate(String loginName, char[] password);
}

package io.convene.storage.derby.component;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import io.convene.api.directory.Directory;
import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.Authenticator;
import io.convene.storage.derby.directory.LoginCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authenticates HTTP logins (SMTP address or alias) against the {@link Directory}; only enabled
 * accounts with a password get in. Successful logins are remembered for five minutes (see {@link
 * LoginCache}); as an {@link AccountListener} it forgets an account's logins as soon as the
 * account is changed (disabled, new password) or removed.
 */
@Component(service = {Authenticator.class, AccountListener.class})
public final class DirectoryAuthenticator implements Authenticator, AccountListener {

  static final Duration REMEMBER_LOGINS = Duration.ofMinutes(5);

  private final LoginCache logins;

  @Activate
  public DirectoryAuthenticator(@Reference Directory directory) {
    this(new LoginCache(directory, Clock.systemUTC(), REMEMBER_LOGINS));
  }

  DirectoryAuthenticator(LoginCache logins) {
    this.logins = logins;
  }

  @Override
  public Optional<AuthenticatedUser> authenticate(String loginName, char[] password) {
    return logins.check(loginName, password)
        .map(account -> new AuthenticatedUser(Long.toString(account.id()), loginName));
  }

  @Override
  public void accountCreated(Account account) {
    // Nothing remembered for a new account.
  }

  @Override
  public void accountChanged(Account account) {
    logins.forget(account.id());
  }

  @Override
  public void accountRemoved(Account account) {
    logins.forget(account.id());
  }
}

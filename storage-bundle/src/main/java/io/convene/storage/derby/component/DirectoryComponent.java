package io.convene.storage.derby.component;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.AccountListener;
import io.convene.api.directory.AccountCertificates;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.Directory;
import io.convene.api.directory.NewAccount;
import io.convene.storage.derby.directory.AccountListeners;
import io.convene.storage.derby.directory.DerbyDirectory;
import io.convene.storage.derby.directory.PasswordHasher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Directory} service on Derby, telling the {@link AccountListener} services
 * (whiteboard) about changes. Configured by {@code etc/io.convene.storage.directory.cfg}
 * (optional); an invalid change is logged and the previous setting kept.
 */
@Component(service = Directory.class, configurationPid = DirectoryConfig.PID)
@Designate(ocd = DirectoryConfig.class)
public final class DirectoryComponent implements Directory {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryComponent.class);

  private final WhiteboardServices<AccountListener> listeners;
  private final DerbyDirectory directory;

  @Activate
  public DirectoryComponent(BundleContext context, @Reference DatabaseComponent database, DirectoryConfig config) {
    this.listeners = new WhiteboardServices<>(context, AccountListener.class);
    this.directory = new DerbyDirectory(database.database(), hasher(config), new AccountListeners(listeners));
  }

  @Modified
  void modified(DirectoryConfig config) {
    try {
      directory.passwordHasher(hasher(config));
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration {} rejected, keeping the previous one: {}", DirectoryConfig.PID, e.getMessage());
    }
  }

  @Deactivate
  void deactivate() {
    listeners.close();
  }

  static PasswordHasher hasher(DirectoryConfig config) {
    int iterations = config.password_iterations();
    if (iterations < DirectoryConfig.MIN_ITERATIONS) {
      throw new IllegalArgumentException(DirectoryConfig.PID + ": password.iterations must be at least "
          + DirectoryConfig.MIN_ITERATIONS + ", not " + iterations);
    }
    return new PasswordHasher(iterations);
  }

  @Override
  public Account create(NewAccount account, char[] password) {
    return directory.create(account, password);
  }

  @Override
  public Optional<Account> find(long id) {
    return directory.find(id);
  }

  @Override
  public Optional<Account> findBySmtp(String smtpAddress) {
    return directory.findBySmtp(smtpAddress);
  }

  @Override
  public Optional<Account> findByAlias(String alias) {
    return directory.findByAlias(alias);
  }

  @Override
  public Optional<Account> resolve(String loginName) {
    return directory.resolve(loginName);
  }

  @Override
  public List<Account> list() {
    return directory.list();
  }

  @Override
  public List<Account> list(AccountKind kind) {
    return directory.list(kind);
  }

  @Override
  public Account update(long id, AccountUpdate update) {
    return directory.update(id, update);
  }

  @Override
  public AccountProfile profile(long id) {
    return directory.profile(id);
  }

  @Override
  public Map<Long, AccountProfile> profiles() {
    return directory.profiles();
  }

  @Override
  public AccountProfile setProfile(long id, AccountProfile profile) {
    return directory.setProfile(id, profile);
  }

  @Override
  public AccountCertificates certificates(long id) {
    return directory.certificates(id);
  }

  @Override
  public Map<Long, AccountCertificates> allCertificates() {
    return directory.allCertificates();
  }

  @Override
  public void setCertificates(long id, AccountCertificates certificates) {
    directory.setCertificates(id, certificates);
  }

  @Override
  public void setPassword(long id, char[] password) {
    directory.setPassword(id, password);
  }

  @Override
  public void remove(long id) {
    directory.remove(id);
  }

  @Override
  public Optional<Account> checkPassword(String loginName, char[] password) {
    return directory.checkPassword(loginName, password);
  }
}

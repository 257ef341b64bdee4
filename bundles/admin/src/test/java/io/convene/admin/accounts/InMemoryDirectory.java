package io.convene.admin.accounts;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.Directory;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import io.convene.api.directory.NewAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A directory in memory with plain-text passwords: enough to drive the shell commands. */
final class InMemoryDirectory implements Directory {

  private final Map<Long, Account> accounts = new TreeMap<>();
  final Map<Long, String> passwords = new HashMap<>();
  private final Map<Long, AccountProfile> profiles = new HashMap<>();
  private long nextId = 1;

  @Override
  public Account create(NewAccount request, char[] password) {
    String smtp = request.smtpAddress().strip().toLowerCase(Locale.ROOT);
    if (!smtp.contains("@")) {
      throw new DirectoryException(Reason.INVALID, "'" + request.smtpAddress() + "' is not an SMTP address");
    }
    String alias = request.alias().isBlank() ? smtp.substring(0, smtp.indexOf('@')) : request.alias().toLowerCase(Locale.ROOT);
    if (findBySmtp(smtp).isPresent()) {
      throw new DirectoryException(Reason.DUPLICATE_ADDRESS, "An account with the address " + smtp + " exists already");
    }
    if (findByAlias(alias).isPresent()) {
      throw new DirectoryException(Reason.DUPLICATE_ALIAS, "An account with the alias " + alias + " exists already");
    }
    Account account = new Account(nextId++, request.kind(), request.displayName().isBlank() ? smtp : request.displayName(), smtp,
        alias, request.enabled(), request.quotaBytes(), request.capacity(), request.location(), request.bookingPolicy());
    accounts.put(account.id(), account);
    if (password != null) {
      passwords.put(account.id(), new String(password));
    }
    return account;
  }

  @Override
  public Optional<Account> find(long id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public Optional<Account> findBySmtp(String smtpAddress) {
    return accounts.values().stream().filter(a -> a.smtpAddress().equalsIgnoreCase(smtpAddress.strip())).findFirst();
  }

  @Override
  public Optional<Account> findByAlias(String alias) {
    return accounts.values().stream().filter(a -> a.alias().equalsIgnoreCase(alias.strip())).findFirst();
  }

  @Override
  public Optional<Account> resolve(String loginName) {
    return loginName.contains("@") ? findBySmtp(loginName) : findByAlias(loginName);
  }

  @Override
  public List<Account> list() {
    List<Account> all = new ArrayList<>(accounts.values());
    all.sort(Comparator.comparing(Account::smtpAddress));
    return all;
  }

  @Override
  public List<Account> list(AccountKind kind) {
    return list().stream().filter(a -> a.kind() == kind).toList();
  }

  @Override
  public Account update(long id, AccountUpdate update) {
    Account updated = update.applyTo(find(id).orElseThrow(() -> new DirectoryException(Reason.NOT_FOUND, "No account with id " + id)));
    accounts.put(id, updated);
    return updated;
  }

  @Override
  public AccountProfile profile(long id) {
    find(id).orElseThrow(() -> new DirectoryException(Reason.NOT_FOUND, "No account with id " + id));
    return profiles.getOrDefault(id, AccountProfile.EMPTY);
  }

  @Override
  public Map<Long, AccountProfile> profiles() {
    return Map.copyOf(profiles);
  }

  @Override
  public AccountProfile setProfile(long id, AccountProfile profile) {
    find(id).orElseThrow(() -> new DirectoryException(Reason.NOT_FOUND, "No account with id " + id));
    AccountProfile stripped = new AccountProfile(profile.title().strip(), profile.department().strip(),
        profile.company().strip(), profile.businessPhone().strip(), profile.mobilePhone().strip());
    if (stripped.isEmpty()) {
      profiles.remove(id);
    } else {
      profiles.put(id, stripped);
    }
    return stripped;
  }

  @Override
  public void setPassword(long id, char[] password) {
    find(id).orElseThrow(() -> new DirectoryException(Reason.NOT_FOUND, "No account with id " + id));
    passwords.put(id, new String(password));
  }

  @Override
  public void remove(long id) {
    if (accounts.remove(id) == null) {
      throw new DirectoryException(Reason.NOT_FOUND, "No account with id " + id);
    }
    passwords.remove(id);
    profiles.remove(id);
  }

  @Override
  public Optional<Account> checkPassword(String loginName, char[] password) {
    return resolve(loginName).filter(Account::enabled).filter(a -> new String(password).equals(passwords.get(a.id())));
  }
}

package io.convene.mapi.rop.store;

import io.convene.api.directory.Account;
import io.convene.api.directory.Directory;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.rop.objects.AccountName;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves a logon's Essdn through the directory: the DN's recipient common name is the account's
 * alias, or its id for accounts without one ({@link LegacyDn#of}); the account must be enabled and
 * its DN must be the one asked for.
 */
public final class DirectoryMailboxResolver implements MailboxResolver {

  private final Directory directory;

  public DirectoryMailboxResolver(Directory directory) {
    this.directory = directory;
  }

  @Override
  public OptionalLong accountOf(String essdn) {
    Optional<String> commonName = LegacyDn.commonName(essdn);
    if (commonName.isEmpty()) {
      return OptionalLong.empty();
    }
    Optional<Account> account = directory.findByAlias(commonName.get());
    if (account.isEmpty() && commonName.get().chars().allMatch(Character::isDigit) && commonName.get().length() < 19) {
      account = directory.find(Long.parseLong(commonName.get()));
    }
    return account
        .filter(Account::enabled)
        .filter(a -> LegacyDn.same(LegacyDn.of(a), essdn))
        .map(a -> OptionalLong.of(a.id()))
        .orElse(OptionalLong.empty());
  }

  @Override
  public Optional<AccountName> nameOf(long accountId) {
    return directory.find(accountId).map(a -> new AccountName(a.displayName(), LegacyDn.of(a)));
  }
}

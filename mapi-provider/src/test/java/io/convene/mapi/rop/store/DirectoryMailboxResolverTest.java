package io.convene.mapi.rop.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.BookingPolicy;
import io.convene.api.directory.Directory;
import io.convene.mapi.addressing.LegacyDn;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DirectoryMailboxResolverTest {

  static Account account(long id, String alias, boolean enabled) {
    return new Account(id, AccountKind.USER, "User " + id, alias + "@example.org", alias, enabled, 0, 0, "",
        BookingPolicy.DEFAULT);
  }

  static final List<Account> ACCOUNTS =
      List.of(account(1, "alice", true), account(2, "", true), account(3, "gone", false));

  /** A directory answering the two look-ups the resolver may make; anything else is a test bug. */
  static Directory directory() {
    return (Directory) Proxy.newProxyInstance(Directory.class.getClassLoader(), new Class<?>[] {Directory.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "findByAlias" -> ACCOUNTS.stream().filter(a -> !a.alias().isEmpty() && a.alias().equals(args[0])).findFirst();
          case "find" -> ACCOUNTS.stream().filter(a -> a.id() == (long) args[0]).findFirst();
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void resolvesTheLegacyDnsAutodiscoverHandsOut() {
    DirectoryMailboxResolver resolver = new DirectoryMailboxResolver(directory());
    assertThat(resolver.accountOf(LegacyDn.of(ACCOUNTS.get(0)))).isEqualTo(OptionalLong.of(1));
    assertThat(resolver.accountOf(LegacyDn.of(ACCOUNTS.get(0)).toUpperCase())).isEqualTo(OptionalLong.of(1));
    assertThat(resolver.accountOf(LegacyDn.of(ACCOUNTS.get(1)))).isEqualTo(OptionalLong.of(2));
  }

  @Test
  void unknownDisabledAndForeignDnsResolveToNothing() {
    DirectoryMailboxResolver resolver = new DirectoryMailboxResolver(directory());
    assertThat(resolver.accountOf(LegacyDn.ofName("nobody"))).isEmpty();
    assertThat(resolver.accountOf(LegacyDn.of(ACCOUNTS.get(2)))).isEmpty();
    assertThat(resolver.accountOf("/o=Other/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice")).isEmpty();
    assertThat(resolver.accountOf("")).isEmpty();
    assertThat(Optional.of(resolver.accountOf(LegacyDn.ofName("99999999999999999999")))).contains(OptionalLong.empty());
  }
}

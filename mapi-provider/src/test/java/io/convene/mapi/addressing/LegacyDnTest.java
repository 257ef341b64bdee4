package io.convene.mapi.addressing;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.BookingPolicy;
import org.junit.jupiter.api.Test;

class LegacyDnTest {

  static Account account(long id, String alias) {
    return new Account(id, AccountKind.USER, "X", alias + "@example.org", alias, true, 0, 0, "", BookingPolicy.DEFAULT);
  }

  @Test
  void dnOfAnAccountIsBuiltFromItsAlias() {
    assertThat(LegacyDn.of(account(7, "alice")))
        .isEqualTo("/o=Convene/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice");
  }

  @Test
  void emptyAliasFallsBackToTheAccountId() {
    assertThat(LegacyDn.of(account(42, ""))).endsWith("/cn=Recipients/cn=42");
  }

  @Test
  void unsafeCharactersAreEscapedSoTheDnStaysParseable() {
    assertThat(LegacyDn.ofName("a/b c")).endsWith("/cn=a%2fb%20c");
  }

  @Test
  void commonNameIsReadBackCaseInsensitively() {
    String dn = LegacyDn.ofName("alice").toUpperCase();
    assertThat(LegacyDn.commonName(dn)).contains("alice");
    assertThat(LegacyDn.commonName("/o=Other/ou=x/cn=Recipients/cn=alice")).isEmpty();
    assertThat(LegacyDn.commonName(LegacyDn.RECIPIENTS + "/cn=a/cn=b")).isEmpty();
    assertThat(LegacyDn.same(dn, LegacyDn.ofName("alice"))).isTrue();
  }
}

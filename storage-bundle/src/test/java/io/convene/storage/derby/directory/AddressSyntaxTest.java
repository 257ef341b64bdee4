package io.convene.storage.derby.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressSyntaxTest {

  @Test
  void normalizesCaseAndBlanks() {
    assertThat(AddressSyntax.smtp("  Alice.Anders@Example.COM ")).isEqualTo("alice.anders@example.com");
    assertThat(AddressSyntax.smtp("o'brien+tag@mail.example-1.org")).isEqualTo("o'brien+tag@mail.example-1.org");
    assertThat(AddressSyntax.smtp("admin@localhost")).isEqualTo("admin@localhost");
    assertThat(AddressSyntax.alias(" Room.Berlin ")).isEqualTo("room.berlin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "alice", "@example.com", "alice@", "a b@example.com", ".alice@example.com",
      "alice.@example.com", "al..ice@example.com", "alice@-example.com", "alice@example..com", "alice@exa_mple.com",
      "\"quoted\"@example.com", "alice@[127.0.0.1]", "alice@exam\nple.com"})
  void rejectsAddresses(String address) {
    assertThatThrownBy(() -> AddressSyntax.smtp(address))
        .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
  }

  @Test
  void enforcesRfc5321Lengths() {
    String local64 = "a".repeat(64);
    assertThat(AddressSyntax.smtp(local64 + "@example.com")).startsWith(local64);
    assertThatThrownBy(() -> AddressSyntax.smtp("a".repeat(65) + "@example.com")).isInstanceOf(DirectoryException.class);
    String domain = ("d".repeat(60) + ".").repeat(3) + "abcdef";
    assertThat(AddressSyntax.smtp(local64 + "@" + domain)).hasSize(254);
    assertThatThrownBy(() -> AddressSyntax.smtp(local64 + "@d" + domain)).isInstanceOf(DirectoryException.class);
    String longLabel = "d".repeat(64) + ".com";
    assertThatThrownBy(() -> AddressSyntax.smtp("a@" + longLabel)).isInstanceOf(DirectoryException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a@b", "-alice", ".alice", "al ice", "alice!"})
  void rejectsAliases(String alias) {
    assertThatThrownBy(() -> AddressSyntax.alias(alias)).isInstanceOf(DirectoryException.class);
  }

  @Test
  void derivesAnAliasFromTheLocalPart() {
    assertThat(AddressSyntax.aliasFor("room.berlin@example.com")).isEqualTo("room.berlin");
    assertThat(AddressSyntax.aliasFor("o'brien+x@example.com")).isEqualTo("o-brien-x");
  }
}

package io.convene.storage.derby.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(1_000);

  @Test
  void pbkdf2HmacSha256MatchesRfc7914Section11() {
    // RFC 7914 section 11, first PBKDF2-HMAC-SHA256 vector: P="passwd", S="salt", c=1, dkLen=64.
    byte[] derived = PasswordHasher.pbkdf2("passwd".toCharArray(), "salt".getBytes(), 1, 64);
    assertThat(HexFormat.of().formatHex(derived)).isEqualTo(
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  }

  @Test
  void hashHasTheDocumentedFormatAndVerifies() {
    String stored = hasher.hash("s3cret".toCharArray());
    assertThat(stored).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify("s3cret".toCharArray(), stored)).isTrue();
    assertThat(hasher.verify("s3creT".toCharArray(), stored)).isFalse();
    assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
  }

  @Test
  void saltsDiffer() {
    assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
  }

  @Test
  void nonAsciiPasswordsAreHashedAsUtf8() {
    String stored = hasher.hash("pässwörd€".toCharArray());
    assertThat(hasher.verify("pässwörd€".toCharArray(), stored)).isTrue();
    assertThat(hasher.verify("passwor d".toCharArray(), stored)).isFalse();
  }

  @Test
  void hashesKeepTheirIterationCountAndAskForARehashBelowTheSetting() {
    String old = new PasswordHasher(500).hash("pw".toCharArray());
    assertThat(hasher.verify("pw".toCharArray(), old)).isTrue();
    assertThat(hasher.needsRehash(old)).isTrue();
    assertThat(hasher.needsRehash(hasher.hash("pw".toCharArray()))).isFalse();
    assertThat(new PasswordHasher(500).needsRehash(hasher.hash("pw".toCharArray()))).isFalse();
  }

  @Test
  void malformedStoredValuesNeverMatch() {
    for (String stored : new String[] {
        null, "", "plain", "pbkdf2-sha256$1$c2FsdA", "pbkdf2-sha1$1000$c2FsdA$" + "A".repeat(43),
        "pbkdf2-sha256$x$c2FsdA$" + "A".repeat(43), "pbkdf2-sha256$0$c2FsdA$" + "A".repeat(43),
        "pbkdf2-sha256$999999999$c2FsdA$" + "A".repeat(43), "pbkdf2-sha256$1000$!!$" + "A".repeat(43)}) {
      assertThat(hasher.verify("pw".toCharArray(), stored)).as(String.valueOf(stored)).isFalse();
      assertThat(hasher.needsRehash(stored)).isTrue();
    }
  }

  @Test
  void overlongPasswordsNeverMatch() {
    char[] longPassword = "x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH + 1).toCharArray();
    String stored = hasher.hash(longPassword);
    assertThat(hasher.verify(longPassword, stored)).isFalse();
  }

  @Test
  void callersPasswordArrayIsLeftForTheCallerToClear() {
    char[] password = "keep".toCharArray();
    hasher.hash(password);
    assertThat(password).containsExactly('k', 'e', 'e', 'p');
  }
}

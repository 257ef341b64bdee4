package io.convene.net.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  /** RFC 7617 section 2: "Aladdin" / "open sesame". */
  @Test
  void decodesTheRfc7617Example() {
    try (BasicCredentials credentials =
        BasicCredentials.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").orElseThrow()) {
      assertThat(credentials.userName()).isEqualTo("Aladdin");
      assertThat(new String(credentials.password())).isEqualTo("open sesame");
    }
  }

  /** RFC 7617 section 2.1: "test" / "123£" in UTF-8. */
  @Test
  void decodesUtf8AsInRfc7617Section2_1() {
    try (BasicCredentials credentials =
        BasicCredentials.parse("BASIC dGVzdDoxMjPCow==").orElseThrow()) {
      assertThat(credentials.userName()).isEqualTo("test");
      assertThat(new String(credentials.password())).isEqualTo("123\u00a3");
    }
  }

  @Test
  void passwordsMayContainColons() {
    String header =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("alice@example.com:a:b".getBytes(StandardCharsets.UTF_8));
    assertThat(BasicCredentials.parse(header).orElseThrow().password())
        .containsExactly('a', ':', 'b');
  }

  @Test
  void rejectsMalformedHeaders() {
    assertThat(BasicCredentials.parse(null)).isEmpty();
    assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
    assertThat(BasicCredentials.parse("Basic")).isEmpty();
    assertThat(BasicCredentials.parse("Basic !!!notbase64")).isEmpty();
    assertThat(BasicCredentials.parse("Basic " + encode("no-colon"))).isEmpty();
    assertThat(BasicCredentials.parse("Basic " + encode(":empty-user"))).isEmpty();
    assertThat(BasicCredentials.parse("Basic " + encode("ctl\u0001:x"))).isEmpty();
    assertThat(
            BasicCredentials.parse(
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xff})))
        .isEmpty();
    assertThat(BasicCredentials.parse("Basic " + "A".repeat(BasicCredentials.MAX_HEADER_LENGTH)))
        .isEmpty();
  }

  @Test
  void closeClearsThePassword() {
    BasicCredentials credentials =
        BasicCredentials.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").orElseThrow();
    char[] password = credentials.password();
    credentials.close();
    assertThat(new String(password)).isEqualTo("\0".repeat(11));
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}

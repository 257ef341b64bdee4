package io.convene.net.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

  /** RFC 9110 5.6.7: IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". */
  @Test
  void dateIsTheRfc9110ExampleFormatAndFollowsTheClock() {
    assertThat(ResponseHeaders.date(Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC)))
        .isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    assertThat(ResponseHeaders.date(Clock.fixed(Instant.parse("1994-11-06T08:49:38.5Z"), ZoneOffset.UTC)))
        .isEqualTo("Sun, 06 Nov 1994 08:49:38 GMT");
  }

  @Test
  void framingHeadersAreReservedToTheServer() {
    assertThat(ResponseHeaders.reserved("content-length")).isTrue();
    assertThat(ResponseHeaders.reserved("Transfer-Encoding")).isTrue();
    assertThat(ResponseHeaders.reserved("Content-Type")).isFalse();
  }
}

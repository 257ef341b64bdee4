package io.convene.convert.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DURATION values (RFC 5545 3.3.6), read by hand in the common shapes and by Duration otherwise. */
class CommonFieldsTest {

  @Test
  void readsTheSpecificationsDurations() {
    // RFC 5545 3.3.6 examples, and the TRIGGER of 3.8.6.3 / section 4.
    assertThat(CommonFields.parseDuration("P15DT5H0M20S")).isEqualTo(Duration.ofDays(15).plusHours(5).plusSeconds(20));
    assertThat(CommonFields.parseDuration("P7W")).isEqualTo(Duration.ofDays(49));
    assertThat(CommonFields.parseDuration("-PT15M")).isEqualTo(Duration.ofMinutes(-15));
    assertThat(CommonFields.parseDuration("PT1H0M0S")).isEqualTo(Duration.ofHours(1));
    assertThat(CommonFields.parseDuration("-P2D")).isEqualTo(Duration.ofDays(-2));
    assertThat(CommonFields.parseDuration("+PT30S")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void otherShapesTakeTheGeneralPath() {
    assertThat(CommonFields.parseDuration(" pt5m ")).isEqualTo(Duration.ofMinutes(5));
    assertThat(CommonFields.parseDuration("PT0.5S")).isEqualTo(Duration.ofMillis(500));
    assertThat(CommonFields.parseDuration("PT1234567890S")).isEqualTo(Duration.ofSeconds(1234567890L));
    for (String bad : new String[] {"P", "PT", "P1DT", "PT1D", "P1H", "PT1M1H", "PT1HT2M", "P1D1D", "15M", ""}) {
      assertThatThrownBy(() -> CommonFields.parseDuration(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aBodyIsConsumedExactlyWhenCrlfToLfAndBackGivesItAgain() {
    assertThat(CommonFields.onlyCrlfBreaks("a\r\nb\r\n")).isTrue();
    assertThat(CommonFields.onlyCrlfBreaks("")).isTrue();
    assertThat(CommonFields.onlyCrlfBreaks("a\nb")).isFalse();
    assertThat(CommonFields.onlyCrlfBreaks("a\rb")).isFalse();
    assertThat(CommonFields.onlyCrlfBreaks("\r\r\n")).isFalse();
    assertThat(CommonFields.onlyCrlfBreaks("\r\n\n")).isFalse();
    long seed = new java.util.Random().nextLong();
    java.util.Random random = new java.util.Random(seed);
    String[] pieces = {"a", "\r", "\n", "\r\n"};
    for (int n = 0; n < 5000; n++) {
      StringBuilder body = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        body.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = body.toString();
      String lf = text.replace("\r\n", "\n");
      // the round trip itself: export writes lf, import turns each LF into CRLF
      boolean survives = lf.indexOf('\r') < 0 && lf.replace("\n", "\r\n").equals(text);
      assertThat(CommonFields.onlyCrlfBreaks(text)).as("seed %d: %s", seed, text.replace("\r", "CR").replace("\n", "LF"))
          .isEqualTo(survives);
    }
  }

  @Test
  void anImportedBodyHasCrlfBreaksAsTwoReplacesWouldGive() {
    assertThat(CommonFields.crlf("a\nb")).isEqualTo("a\r\nb");
    assertThat(CommonFields.crlf("\na\r\n\n")).isEqualTo("\r\na\r\n\r\n");
    assertThat(CommonFields.crlf("a\rb\r\r\n")).isEqualTo("a\rb\r\r\n");
    String unchanged = "no\r\nbare\r\nbreaks";
    assertThat(CommonFields.crlf(unchanged)).isSameAs(unchanged);
    long seed = new java.util.Random().nextLong();
    java.util.Random random = new java.util.Random(seed);
    String[] pieces = {"a", "\r", "\n", "\r\n", "ü"};
    for (int n = 0; n < 5000; n++) {
      StringBuilder body = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        body.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = body.toString();
      assertThat(CommonFields.crlf(text)).as("seed %d: %s", seed, text.replace("\r", "CR").replace("\n", "LF"))
          .isEqualTo(text.replace("\r\n", "\n").replace("\n", "\r\n"));
    }
  }
}

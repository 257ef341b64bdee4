package io.convene.mapi.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link PoxRequestParser}: any bytes give a request or {@link AutodiscoverRequestException}
 * (ErrorCode 600), never another exception. Seeds: {@code
 * src/test/resources/io/convene/mapi/autodiscover/PoxRequestParserFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='PoxRequestParserFuzzTest#parseArbitraryBytes'
 * </pre>
 */
class PoxRequestParserFuzzTest {

  private final PoxRequestParser parser = new PoxRequestParser();

  @FuzzTest(maxDuration = "5m")
  void parseArbitraryBytes(FuzzedDataProvider data) {
    byte[] body = data.consumeRemainingAsBytes();
    try {
      AutodiscoverRequest request = parser.parse(body);
      assertThat(request.emailAddress().isPresent() || request.legacyDn().isPresent()).isTrue();
    } catch (AutodiscoverRequestException expected) {
      // answered with ErrorCode 600
    }
  }
}

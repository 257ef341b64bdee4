package io.convene.convert.timezone;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.convert.binary.BlobFormatException;
import java.time.Instant;

/**
 * Fuzzes {@link TimeZoneBlobCodec} and {@link WindowsZoneRules}: any bytes either give a {@link
 * BlobFormatException} or a value that encodes back to exactly those bytes, and whose rules are
 * either refused with a {@link BlobFormatException} or usable.
 *
 * <p>A normal test run replays the seeds in {@code
 * src/test/resources/io/convene/convert/timezone/TimeZoneBlobFuzzTestInputs/<method>/}. To fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f bundles/convert/pom.xml test -Dtest='TimeZoneBlobFuzzTest#definitionBlob'
 * </pre>
 */
class TimeZoneBlobFuzzTest {

  private static final TimeZoneBlobCodec CODEC = new TimeZoneBlobCodec();

  @FuzzTest(maxDuration = "5m")
  void definitionBlob(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    try {
      TimeZoneDefinition d = CODEC.decodeDefinition(input);
      assertThat(CODEC.encode(d)).isEqualTo(input);
      WindowsZoneRules.toZoneRules(d).getOffset(Instant.parse("2024-06-01T00:00:00Z"));
    } catch (BlobFormatException expected) {
      // refused
    }
  }

  @FuzzTest(maxDuration = "5m")
  void structBlob(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    try {
      TimeZoneStruct s = CODEC.decodeStruct(input);
      assertThat(CODEC.encode(s)).isEqualTo(input);
      WindowsZoneRules.toZoneRules(s).getOffset(Instant.parse("2024-06-01T00:00:00Z"));
    } catch (BlobFormatException expected) {
      // refused
    }
  }
}

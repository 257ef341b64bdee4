package io.convene.mapi.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.mapi.codec.WireFormatException;

/**
 * Fuzzes {@link ExtendedBuffer#decode}: any bytes either decode within the limits or raise {@link
 * WireFormatException}. Seeds: {@code src/test/resources/io/convene/mapi/rpc/ExtendedBufferFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='ExtendedBufferFuzzTest#decodeArbitraryBytes'
 * </pre>
 */
class ExtendedBufferFuzzTest {

  private static final ExtendedBufferLimits LIMITS = new ExtendedBufferLimits(4, 4096);

  @FuzzTest(maxDuration = "5m")
  void decodeArbitraryBytes(FuzzedDataProvider data) {
    byte[] wire = data.consumeRemainingAsBytes();
    try {
      ExtendedBuffer.Decoded decoded = ExtendedBuffer.decode(wire, LIMITS);
      assertThat(decoded.payloads()).hasSizeBetween(1, 4);
      assertThat(decoded.payloads().stream().mapToInt(p -> p.length).sum()).isLessThanOrEqualTo(4096);
    } catch (WireFormatException expected) {
      // bad input is an error, never a crash
    }
  }
}

package io.convene.mapi.compress;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link PlainLz77}: any bytes either decompress to exactly the declared size or raise
 * {@link CompressionFormatException}; anything compressed decompresses back. A normal test run
 * replays the seeds under {@code src/test/resources/io/convene/mapi/compress/PlainLz77FuzzTestInputs/};
 * to fuzz one method for its {@code maxDuration}:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='PlainLz77FuzzTest#decompressArbitraryBytes'
 * </pre>
 */
class PlainLz77FuzzTest {

  @FuzzTest(maxDuration = "5m")
  void decompressArbitraryBytes(FuzzedDataProvider data) {
    int declared = data.consumeInt(0, 0xffff);
    byte[] wire = data.consumeRemainingAsBytes();
    try {
      byte[] out = PlainLz77.decompress(wire, 0, wire.length, declared);
      assertThat(out).hasSize(declared);
    } catch (CompressionFormatException expected) {
      // corrupt input is an error, never a crash
    }
  }

  @FuzzTest(maxDuration = "5m")
  void roundTrip(FuzzedDataProvider data) throws Exception {
    byte[] input = data.consumeRemainingAsBytes();
    byte[] packed = PlainLz77.compress(input, 0, input.length);
    assertThat(PlainLz77.decompress(packed, 0, packed.length, input.length)).isEqualTo(input);
  }
}

package io.convene.storage.derby.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.api.store.query.Restriction;

/**
 * Fuzzes {@link RestrictionFormat#decode}: any bytes give a restriction that stores and reads back
 * as itself, or {@link PropertyBagFormatException}; nothing else escapes. The normal test run
 * replays {@code src/test/resources/io/convene/storage/derby/codec/RestrictionFormatFuzzTestInputs/}.
 * To fuzz for its {@code maxDuration}:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f storage-bundle/pom.xml test -Dtest='RestrictionFormatFuzzTest#decodeArbitraryBytes'
 * </pre>
 */
class RestrictionFormatFuzzTest {

  // small limits so the fuzzer reaches them with short inputs
  private static final RestrictionFormat FORMAT = new RestrictionFormat(new PropertyBagCodec(new CodecLimits(16, 4096, 8)), 6, 32);

  @FuzzTest(maxDuration = "5m")
  void decodeArbitraryBytes(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    Restriction decoded;
    try {
      decoded = FORMAT.decode(input);
    } catch (PropertyBagFormatException expected) {
      return;
    }
    assertThat(FORMAT.decode(FORMAT.encode(decoded))).isEqualTo(decoded);
  }
}

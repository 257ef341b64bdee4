package io.convene.storage.derby.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fuzzes {@link PropertyBagCodec}: decoding any bytes either throws {@link
 * PropertyBagFormatException} or yields a bag that re-encodes to exactly those bytes (the format
 * is canonical) and decodes again to the same bag, and {@code decodeOnly} throws only that
 * exception too and, where {@code decode} accepts, returns exactly the chosen values; encoding any
 * bag within the limits decodes back to it.
 *
 * <p>A normal test run replays the seeds in {@code
 * src/test/resources/io/convene/storage/derby/codec/PropertyBagCodecFuzzTestInputs/<method>/}. To
 * fuzz one method for its {@code maxDuration} (findings are added to that directory):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f storage-bundle/pom.xml test -Dtest='PropertyBagCodecFuzzTest#decodeArbitraryBytes'
 * </pre>
 */
class PropertyBagCodecFuzzTest {

  // Small limits so the fuzzer reaches every limit path with short inputs.
  private static final PropertyBagCodec CODEC = new PropertyBagCodec(new CodecLimits(16, 4096, 8));

  @FuzzTest(maxDuration = "5m")
  void decodeArbitraryBytes(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    // the projection (odd ids here) accepts every input decode accepts and returns its values
    List<PropValue> odd;
    try {
      odd = CODEC.decodeOnly(input, id -> id % 2 == 1);
    } catch (PropertyBagFormatException expected) {
      odd = null;
    }
    List<PropValue> decoded;
    try {
      decoded = CODEC.decode(input);
    } catch (PropertyBagFormatException expected) {
      return;
    }
    assertThat(odd).isEqualTo(decoded.stream().filter(value -> value.tag().id() % 2 == 1).toList());
    byte[] reencoded = CODEC.encode(decoded);
    assertThat(reencoded).isEqualTo(input);
    assertThat(CODEC.decode(reencoded)).isEqualTo(decoded);
  }

  @FuzzTest(maxDuration = "5m")
  void encodeGeneratedBags(FuzzedDataProvider data) {
    // The fuzzer steers the generator's seed and size; the generator reaches every type.
    List<PropValue> bag = new RandomBags(data.consumeLong()).bag(data.consumeInt(0, 24));
    List<PropValue> expected = new ArrayList<>(bag);
    expected.sort(Comparator.comparing(PropValue::tag, Comparator.comparingInt(PropTag::id)));
    byte[] encoded;
    try {
      encoded = CODEC.encode(bag);
    } catch (PropertyBagFormatException overLimit) {
      return;
    }
    assertThat(CODEC.decode(encoded)).isEqualTo(expected);
  }
}

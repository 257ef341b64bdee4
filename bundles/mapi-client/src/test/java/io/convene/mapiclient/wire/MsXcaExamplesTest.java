package io.convene.mapiclient.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MsXcaExamplesTest {

  private static final byte[] ABC300 = "abc".repeat(100).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

  @Test
  void decompressesTheSpecExamples() throws Exception {
    assertThat(PlainLz77.decompress(SpecFixtures.hex("ms-xca/3.1-abc300.hex"), 300)).isEqualTo(ABC300);
    assertThat(PlainLz77.decompress(SpecFixtures.hex("ms-xca/3.1-alphabet.hex"), 26)).isEqualTo(ALPHABET);
  }

  @Test
  void compressesToTheSpecBytes() {
    assertThat(PlainLz77.compress(ABC300)).isEqualTo(SpecFixtures.hex("ms-xca/3.1-abc300.hex"));
    assertThat(PlainLz77.compress(ALPHABET)).isEqualTo(SpecFixtures.hex("ms-xca/3.1-alphabet.hex"));
  }

  @Test
  void refusesOutputBeyondTheLimit() {
    assertThatThrownBy(() -> PlainLz77.decompress(SpecFixtures.hex("ms-xca/3.1-abc300.hex"), 299))
        .isInstanceOf(MapiWireException.class).hasMessageContaining("limit");
  }

  @Test
  void refusesAMatchBeforeTheStartAndTruncatedStreams() {
    // flag word with the first bit set, then a match of distance 1 with no output yet
    byte[] early = {0, 0, 0, (byte) 0x80, 0x00, 0x00};
    assertThatThrownBy(() -> PlainLz77.decompress(early, 100)).isInstanceOf(MapiWireException.class)
        .hasMessageContaining("distance");
    assertThatThrownBy(() -> PlainLz77.decompress(new byte[] {0, 0}, 100)).isInstanceOf(MapiWireException.class);
    assertThatThrownBy(() -> PlainLz77.decompress(new byte[] {0, 0, 0, 0}, 100)).isInstanceOf(MapiWireException.class)
        .hasMessageContaining("literal");
  }

  @Test
  void longLengthsUseThe32BitForm() throws Exception {
    byte[] zeros = new byte[70_000];
    byte[] packed = PlainLz77.compress(zeros);
    assertThat(packed.length).isLessThan(40);
    assertThat(PlainLz77.decompress(packed, zeros.length)).isEqualTo(zeros);
  }
}

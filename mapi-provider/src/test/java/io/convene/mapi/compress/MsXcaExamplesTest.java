package io.convene.mapi.compress;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapi.testing.SpecFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Plain LZ77 examples of MS-XCA section 3.1 decode to their text and encode to their bytes. */
class MsXcaExamplesTest {

  private static final byte[] ALPHABET =
      "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ABC_300 = "abc".repeat(100).getBytes(StandardCharsets.US_ASCII);

  @Test
  void alphabetDecodes() throws Exception {
    byte[] wire = SpecFixtures.hex("ms-xca/3.1-lz77-alphabet.hex");
    assertThat(PlainLz77.decompress(wire, 0, wire.length, ALPHABET.length)).isEqualTo(ALPHABET);
  }

  @Test
  void alphabetEncodes() {
    assertThat(PlainLz77.compress(ALPHABET, 0, ALPHABET.length))
        .isEqualTo(SpecFixtures.hex("ms-xca/3.1-lz77-alphabet.hex"));
  }

  @Test
  void repeatedAbcDecodes() throws Exception {
    byte[] wire = SpecFixtures.hex("ms-xca/3.1-lz77-abc300.hex");
    assertThat(PlainLz77.decompress(wire, 0, wire.length, 300)).isEqualTo(ABC_300);
  }

  @Test
  void repeatedAbcEncodes() {
    assertThat(PlainLz77.compress(ABC_300, 0, ABC_300.length))
        .isEqualTo(SpecFixtures.hex("ms-xca/3.1-lz77-abc300.hex"));
  }
}

package io.convene.mapi.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapi.testing.SpecFixtures;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class PlainLz77Test {

  private static final long BASE_SEED = 0x5eed_1277L;

  /** Data with runs and repeats of every length class (3-9, nibble, byte, 16-bit, 32-bit). */
  static byte[] generate(Random random, int size) {
    byte[] data = new byte[size];
    int pos = 0;
    while (pos < size) {
      int kind = random.nextInt(4);
      int length = Math.min(size - pos, 1 + random.nextInt(kind == 3 ? 70_000 : 300));
      if (kind == 0 || pos == 0) {
        for (int i = 0; i < length; i++) {
          data[pos + i] = (byte) random.nextInt(256);
        }
      } else if (kind == 1) {
        Arrays.fill(data, pos, pos + length, (byte) random.nextInt(4));
      } else {
        int distance = 1 + random.nextInt(Math.min(pos, 9000));
        for (int i = 0; i < length; i++) {
          data[pos + i] = data[pos + i - distance];
        }
      }
      pos += length;
    }
    return data;
  }

  @RepeatedTest(60)
  void roundTripsSeededData(RepetitionInfo repetition) throws Exception {
    long seed = BASE_SEED + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    int size = repetition.getCurrentRepetition() % 10 == 0 ? 200_000 : random.nextInt(5000);
    byte[] data = generate(random, size);
    byte[] packed = PlainLz77.compress(data, 0, data.length);
    assertThat(PlainLz77.decompress(packed, 0, packed.length, data.length))
        .as("seed %d, size %d", seed, size)
        .isEqualTo(data);
  }

  @Test
  void exactFlagGroupEndsWithAllOnesWord() throws Exception {
    byte[] data = new byte[32];
    for (int i = 0; i < 32; i++) {
      data[i] = (byte) (i * 7);
    }
    byte[] packed = PlainLz77.compress(data, 0, data.length);
    assertThat(Arrays.copyOfRange(packed, packed.length - 4, packed.length))
        .containsExactly(0xff, 0xff, 0xff, 0xff);
    assertThat(PlainLz77.decompress(packed, 0, packed.length, 32)).isEqualTo(data);
  }

  @Test
  void matchBeforeTheStartIsRejected() {
    // flags 0xFFFFFFFF: the first item is a match, with nothing decoded yet
    byte[] wire = SpecFixtures.parseHex("ff ff ff ff 00 00");
    assertThatThrownBy(() -> PlainLz77.decompress(wire, 0, wire.length, 3))
        .isInstanceOf(CompressionFormatException.class)
        .hasMessageContaining("before the start");
  }

  @Test
  void outputBeyondTheDeclaredSizeIsRejected() {
    byte[] wire = SpecFixtures.hex("ms-xca/3.1-lz77-abc300.hex");
    assertThatThrownBy(() -> PlainLz77.decompress(wire, 0, wire.length, 299))
        .isInstanceOf(CompressionFormatException.class)
        .hasMessageContaining("exceeds the declared");
  }

  @Test
  void outputShortOfTheDeclaredSizeIsRejected() {
    byte[] wire = SpecFixtures.hex("ms-xca/3.1-lz77-alphabet.hex");
    assertThatThrownBy(() -> PlainLz77.decompress(wire, 0, wire.length, 27))
        .isInstanceOf(CompressionFormatException.class)
        .hasMessageContaining("ended after 26");
  }

  @Test
  void truncatedStreamsAreRejected() {
    byte[] wire = SpecFixtures.hex("ms-xca/3.1-lz77-abc300.hex");
    for (int cut = 0; cut < wire.length; cut++) {
      int length = cut;
      assertThatThrownBy(() -> PlainLz77.decompress(wire, 0, length, 300))
          .as("cut at %d", cut)
          .isInstanceOf(CompressionFormatException.class);
    }
  }

  @Test
  void extendedLengthBelowItsMinimumIsRejected() {
    // flags 0x7FFFFFFF: "a", then a match with length code 7, nibble 15, byte 255, 16-bit length 5
    byte[] wire = SpecFixtures.parseHex("ff ff ff 7f 61 07 00 0f ff 05 00");
    assertThatThrownBy(() -> PlainLz77.decompress(wire, 0, wire.length, 1000))
        .isInstanceOf(CompressionFormatException.class)
        .hasMessageContaining("below 22");
  }
}

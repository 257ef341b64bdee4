package io.convene.mapi.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.testing.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ExtendedBufferTest {

  private static final byte[] ABC_300 = "abc".repeat(100).getBytes(StandardCharsets.US_ASCII);

  @Test
  void compressedSegmentFromTheSpecDecodesAndEncodes() throws Exception {
    byte[] wire = SpecFixtures.hex("ms-oxcrpc/2.2.2.1-compressed-last.hex");
    ExtendedBuffer.Decoded decoded = ExtendedBuffer.decode(wire, ExtendedBufferLimits.DEFAULT);
    assertThat(decoded.payloads()).singleElement().isEqualTo(ABC_300);
    assertThat(decoded.compressed()).isTrue();
    assertThat(decoded.obfuscated()).isFalse();
    assertThat(ExtendedBuffer.encode(List.of(ABC_300), true, false)).isEqualTo(wire);
  }

  @Test
  void compressedAndObfuscatedSegmentDecodesAndEncodes() throws Exception {
    byte[] wire = SpecFixtures.hex("ms-oxcrpc/2.2.2.1-compressed-xor-last.hex");
    ExtendedBuffer.Decoded decoded = ExtendedBuffer.decode(wire, ExtendedBufferLimits.DEFAULT);
    assertThat(decoded.payloads()).singleElement().isEqualTo(ABC_300);
    assertThat(decoded.obfuscated()).isTrue();
    assertThat(ExtendedBuffer.encode(List.of(ABC_300), true, true)).isEqualTo(wire);
  }

  @Test
  void incompressiblePayloadIsSentPlain() throws Exception {
    byte[] payload = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    byte[] wire = ExtendedBuffer.encode(List.of(payload), true, false);
    // Compressed it would be 30 bytes; Size must stay below SizeActual, so the flag is dropped.
    assertThat(wire).startsWith(SpecFixtures.parseHex("00 00 04 00 1a 00 1a 00"));
    assertThat(ExtendedBuffer.decode(wire, ExtendedBufferLimits.DEFAULT).payloads())
        .singleElement()
        .isEqualTo(payload);
  }

  @Test
  void chainsEndAtTheLastFlag() throws Exception {
    byte[] wire = ExtendedBuffer.encode(List.of(ABC_300, new byte[] {1, 2, 3}), false, true);
    assertThat(wire).startsWith(SpecFixtures.parseHex("00 00 02 00 2c 01 2c 01"));
    ExtendedBuffer.Decoded decoded = ExtendedBuffer.decode(wire, ExtendedBufferLimits.DEFAULT);
    assertThat(decoded.payloads()).hasSize(2);
    assertThat(decoded.payloads().get(1)).containsExactly(1, 2, 3);
  }

  @Test
  void rejectsWhatTheSpecForbids() {
    assertRejected("01 00 04 00 00 00 00 00", "Version");
    assertRejected("00 00 0c 00 00 00 00 00", "unknown bits");
    assertRejected("00 00 04 00 01 00 02 00 aa", "disagree");
    assertRejected("00 00 05 00 02 00 02 00 aa bb", "disagree");
    assertRejected("00 00 00 00 01 00 01 00 aa", "lacks the Last flag");
    assertRejected("00 00 04 00 01 00 01 00 aa bb", "after the segment");
    assertRejected("00 00 04 00 05 00 05 00 aa", "payload");
    assertRejected("00 00", "Flags");
  }

  @Test
  void limitsBoundSegmentsAndTotalSize() {
    byte[] three = ExtendedBuffer.encode(List.of(new byte[1], new byte[1], new byte[1]), false, false);
    assertThatThrownBy(() -> ExtendedBuffer.decode(three, new ExtendedBufferLimits(2, 1000)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("more than 2");
    byte[] wire = SpecFixtures.hex("ms-oxcrpc/2.2.2.1-compressed-last.hex");
    assertThatThrownBy(() -> ExtendedBuffer.decode(wire, new ExtendedBufferLimits(2, 299)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("limit of 299");
  }

  @RepeatedTest(40)
  void roundTripsSeededChains(RepetitionInfo repetition) throws Exception {
    long seed = 0xe87b_0000L + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    int segments = 1 + random.nextInt(4);
    List<byte[]> payloads =
        java.util.stream.IntStream.range(0, segments)
            .mapToObj(i -> randomPayload(random))
            .toList();
    boolean compress = random.nextBoolean();
    boolean xor = random.nextBoolean();
    byte[] wire = ExtendedBuffer.encode(payloads, compress, xor);
    ExtendedBuffer.Decoded decoded =
        ExtendedBuffer.decode(wire, new ExtendedBufferLimits(8, 8 * 0xffff));
    assertThat(decoded.payloads()).as("seed %d", seed).containsExactlyElementsOf(payloads);
    assertThat(decoded.obfuscated()).as("seed %d", seed).isEqualTo(xor);
  }

  private static byte[] randomPayload(Random random) {
    byte[] payload = new byte[random.nextInt(3000)];
    int alphabet = 1 + random.nextInt(255);
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) random.nextInt(alphabet);
    }
    return payload;
  }

  private static void assertRejected(String hex, String reason) {
    assertThatThrownBy(
            () -> ExtendedBuffer.decode(SpecFixtures.parseHex(hex), ExtendedBufferLimits.DEFAULT))
        .as(hex)
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(reason);
  }
}

package io.convene.mapiclient.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtendedBufferTest {

  private static final byte[] ABC300 = "abc".repeat(100).getBytes(StandardCharsets.US_ASCII);

  @Test
  void decodesACompressedObfuscatedPayload() throws Exception {
    List<ExtendedBuffer.Payload> payloads = ExtendedBuffer.decode(SpecFixtures.hex("ms-oxcrpc/2.2.2.1-compressed-xor-last.hex"), 1000);
    assertThat(payloads).hasSize(1);
    assertThat(payloads.get(0).data()).isEqualTo(ABC300);
    assertThat(payloads.get(0).compressed()).isTrue();
    assertThat(payloads.get(0).obfuscated()).isTrue();
  }

  @Test
  void encodesCompressionThenObfuscation() {
    assertThat(ExtendedBuffer.encode(ABC300, true, true)).isEqualTo(SpecFixtures.hex("ms-oxcrpc/2.2.2.1-compressed-xor-last.hex"));
  }

  @Test
  void sendsIncompressiblePayloadsAsTheyAre() throws Exception {
    byte[] wire = ExtendedBuffer.encode(new byte[] {1, 2, 3}, true, false);
    assertThat(wire).containsExactly(0, 0, 4, 0, 3, 0, 3, 0, 1, 2, 3);
    assertThat(ExtendedBuffer.decode(wire, 10).get(0).data()).containsExactly(1, 2, 3);
  }

  @Test
  void decodesChainsUpToLast() throws Exception {
    byte[] first = {0, 0, 0, 0, 1, 0, 1, 0, 7};
    byte[] last = ExtendedBuffer.encode(new byte[] {8, 9}, false, true);
    byte[] chain = new byte[first.length + last.length];
    System.arraycopy(first, 0, chain, 0, first.length);
    System.arraycopy(last, 0, chain, first.length, last.length);
    assertThat(ExtendedBuffer.join(ExtendedBuffer.decode(chain, 10))).containsExactly(7, 8, 9);
  }

  @Test
  void refusesMalformedHeaders() {
    assertThatThrownBy(() -> ExtendedBuffer.decode(new byte[] {1, 0, 4, 0, 0, 0, 0, 0}, 10)).hasMessageContaining("Version");
    assertThatThrownBy(() -> ExtendedBuffer.decode(new byte[] {0, 0, 0x14, 0, 0, 0, 0, 0}, 10)).hasMessageContaining("unknown bits");
    assertThatThrownBy(() -> ExtendedBuffer.decode(new byte[] {0, 0, 4, 0, 5, 0, 5, 0, 1}, 10)).hasMessageContaining("needs 5 bytes");
    assertThatThrownBy(() -> ExtendedBuffer.decode(new byte[] {0, 0, 4, 0, 1, 0, 2, 0, 1}, 10)).hasMessageContaining("SizeActual");
    assertThatThrownBy(() -> ExtendedBuffer.decode(new byte[] {0, 0, 4, 0, 1, 0, 1, 0, 1, 9}, 10)).hasMessageContaining("after the payload");
    assertThatThrownBy(() -> ExtendedBuffer.decode(new byte[] {0, 0, 0, 0, 1, 0, 1, 0, 1}, 10)).isInstanceOf(MapiWireException.class);
    byte[] fixture = SpecFixtures.hex("ms-oxcrpc/2.2.2.1-compressed-xor-last.hex");
    assertThatThrownBy(() -> ExtendedBuffer.decode(fixture, 299)).hasMessageContaining("exceed");
  }
}

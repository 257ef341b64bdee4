package io.convene.mapi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf16UnitsTest {

  @Test
  void wellFormedTextMatchesTheCharset() {
    String text = "Grüße, 会议室 \uD83D\uDCC5";
    assertThat(Utf16Units.encode(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_16LE));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
    assertThat(Utf16Units.decode(bytes, 0, bytes.length)).isEqualTo(text);
  }

  @Test
  void anUnpairedSurrogateCrossesTheWireUnchanged() {
    String lone = "a\uD800b";
    byte[] bytes = Utf16Units.encode(lone);
    assertThat(bytes).containsExactly(0x61, 0x00, 0x00, 0xD8, 0x62, 0x00);
    assertThat(Utf16Units.decode(bytes, 0, bytes.length)).isEqualTo(lone);
  }

  @Test
  void theWriterKeepsAnUnpairedSurrogate() throws Exception {
    byte[] written = new LittleEndianWriter().utf16z("\uDC00x").toByteArray();
    assertThat(written).containsExactly(0x00, 0xDC, 0x78, 0x00, 0x00, 0x00);
  }
}

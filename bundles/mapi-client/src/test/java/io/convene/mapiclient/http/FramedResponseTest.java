package io.convene.mapiclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import io.convene.mapiclient.wire.MapiWireException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FramedResponseTest {

  private static final byte[] DISCONNECT_BODY = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  @Test
  void readsMetaTagsAdditionalHeadersAndTheBody() throws Exception {
    FramedResponse framed = FramedResponse.parse(specExample());
    assertThat(framed.metaTags()).containsExactly("PROCESSING", "PENDING", "PENDING", "DONE");
    assertThat(framed.header("x-elapsedtime")).isEqualTo("2");
    assertThat(framed.header("X-StartTime")).isEqualTo("Thu, 19 Jun 2014 21:41:27 GMT");
    assertThat(framed.body()).isEqualTo(DISCONNECT_BODY);
    assertThat(EmsmdbBodies.disconnectResponse(framed.body())).isEqualTo(new EmsmdbBodies.DisconnectResponse(0, 0));
  }

  @Test
  void refusesBodiesThatAreNotFramed() {
    assertThatThrownBy(() -> FramedResponse.parse("<html>".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(MapiWireException.class).hasMessageContaining("CRLF");
    assertThatThrownBy(() -> FramedResponse.parse("DONE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
        .hasMessageContaining("not PROCESSING");
    assertThatThrownBy(() -> FramedResponse.parse("PROCESSING\r\nWAIT\r\n".getBytes(StandardCharsets.US_ASCII)))
        .hasMessageContaining("unknown meta-tag");
    assertThatThrownBy(() -> FramedResponse.parse("PROCESSING\r\nDONE\r\nnocolon\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
        .hasMessageContaining("without a name");
  }

  /** The fixture's lines with CRLF endings, then the body. */
  static byte[] specExample() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : SpecFixtures.text("ms-oxcmapihttp/4.2-execute-response-framing.txt").split("\n", -1)) {
      if (!line.startsWith("#")) {
        out.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    // the fixture ends with its empty line and a final newline: drop the extra CRLF after it
    byte[] framing = out.toByteArray();
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.write(framing, 0, framing.length - 2);
    whole.writeBytes(DISCONNECT_BODY);
    return whole.toByteArray();
  }
}

package io.convene.mapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.http.EmsmdbBodies.ConnectRequest;
import io.convene.mapi.http.EmsmdbBodies.ConnectResponse;
import io.convene.mapi.http.EmsmdbBodies.ExecuteRequest;
import io.convene.mapi.http.EmsmdbBodies.ExecuteResponse;
import io.convene.mapi.testing.SpecFixtures;
import org.junit.jupiter.api.Test;

/**
 * The bodies against byte layouts assembled field by field from the tables of MS-OXCMAPIHTTP
 * 2.2.4.1-2.2.4.4 (section 4 of the document shows these bodies only as placeholders).
 */
class EmsmdbBodiesTest {

  private static final EmsmdbLimits LIMITS = new EmsmdbLimits(4096, 1024, 16, 64);

  @Test
  void connectRequest() throws Exception {
    byte[] wire = SpecFixtures.hex("ms-oxcmapihttp/2.2.4.1.1-connect-request.hex");
    ConnectRequest request = EmsmdbBodies.decodeConnect(wire, LIMITS);
    assertThat(request.userDn()).isEqualTo("/o=Convene/cn=a");
    assertThat(request.flags()).isZero();
    assertThat(request.defaultCodePage()).isEqualTo(1252);
    assertThat(request.lcidSort()).isEqualTo(0x409);
    assertThat(request.lcidString()).isEqualTo(0x407);
    assertThat(request.aux()).containsExactly(0xaa, 0xbb);
  }

  @Test
  void connectResponse() {
    byte[] expected = SpecFixtures.hex("ms-oxcmapihttp/2.2.4.1.2-connect-response.hex");
    byte[] encoded =
        EmsmdbBodies.encode(new ConnectResponse(0, 60_000, 6, 10_000, "/o=C", "Al", new byte[0]));
    assertThat(encoded).isEqualTo(expected);
  }

  @Test
  void executeRequestAndResponse() throws Exception {
    byte[] wire = SpecFixtures.hex("ms-oxcmapihttp/2.2.4.2.1-execute-request.hex");
    ExecuteRequest request = EmsmdbBodies.decodeExecute(wire, LIMITS);
    assertThat(request.flags()).isEqualTo(ExecuteRequest.NO_XOR_MAGIC);
    assertThat(request.ropBuffer()).containsExactly(0x00, 0x00, 0x04, 0x00, 0x01, 0x00, 0x01, 0x00, 0x2a);
    assertThat(request.maxRopOut()).isEqualTo(0x10000);
    assertThat(request.aux()).isEmpty();

    byte[] response =
        EmsmdbBodies.encode(new ExecuteResponse(0, 0, new byte[] {1, 2}, new byte[0]));
    assertThat(response)
        .isEqualTo(SpecFixtures.parseHex("00 00 00 00 00 00 00 00 00 00 00 00 02 00 00 00 01 02 00 00 00 00"));
  }

  @Test
  void disconnectAndNotificationWait() throws Exception {
    assertThat(EmsmdbBodies.decodeDisconnect(SpecFixtures.parseHex("00 00 00 00"), LIMITS).aux()).isEmpty();
    assertThat(EmsmdbBodies.decodeNotificationWait(SpecFixtures.parseHex("00 00 00 00 00 00 00 00"), LIMITS).flags())
        .isZero();
    assertThat(EmsmdbBodies.encodeDisconnect(0)).isEqualTo(new byte[12]);
    assertThat(EmsmdbBodies.encodeNotificationWait(0, true))
        .isEqualTo(SpecFixtures.parseHex("00 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00"));
  }

  @Test
  void limitsAndTrailingBytesAreEnforced() {
    assertRejected(() -> EmsmdbBodies.decodeDisconnect(SpecFixtures.parseHex("11 00 00 00"), LIMITS), "exceeds the limit 16");
    assertRejected(() -> EmsmdbBodies.decodeDisconnect(SpecFixtures.parseHex("00 00 00 00 01"), LIMITS), "after the request body");
    assertRejected(
        () -> EmsmdbBodies.decodeExecute(SpecFixtures.parseHex("00 00 00 00 01 04 00 00"), LIMITS),
        "RopBufferSize 1025 exceeds");
    assertRejected(
        () -> EmsmdbBodies.decodeExecute(SpecFixtures.parseHex("00 00 00 00 04 00 00 00 01"), LIMITS),
        "RopBuffer needs 4");
    assertRejected(
        () -> EmsmdbBodies.decodeConnect(("a".repeat(65) + "\0").getBytes(), LIMITS), "no terminating NUL");
  }

  private interface Decode {
    Object run() throws WireFormatException;
  }

  private static void assertRejected(Decode decode, String message) {
    assertThatThrownBy(decode::run).isInstanceOf(WireFormatException.class).hasMessageContaining(message);
  }
}

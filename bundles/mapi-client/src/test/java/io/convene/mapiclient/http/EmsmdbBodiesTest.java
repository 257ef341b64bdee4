package io.convene.mapiclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** Bodies built from the field tables of MS-OXCMAPIHTTP 2.2.4.1-2.2.4.3. */
class EmsmdbBodiesTest {

  @Test
  void connectRequestFollowsTheFieldTable() {
    byte[] expected = SpecFixtures.hex("ms-oxcmapihttp/2.2.4.1.1-connect-request.hex");
    // the fixture carries a 2-byte auxiliary buffer, which this client never sends: compare the fields before it
    byte[] ours = EmsmdbBodies.connectRequest("/o=Convene/cn=a", 1252, 0x0409, 0x0407);
    assertThat(java.util.Arrays.copyOf(ours, ours.length - 4)).isEqualTo(java.util.Arrays.copyOf(expected, ours.length - 4));
    assertThat(ours.length).isEqualTo(expected.length - 2);
  }

  @Test
  void connectResponseFollowsTheFieldTable() throws Exception {
    EmsmdbBodies.ConnectResponse response = EmsmdbBodies.connectResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.4.1.2-connect-response.hex"));
    assertThat(response.statusCode()).isZero();
    assertThat(response.maxPollingInterval()).isEqualTo(60000);
    assertThat(response.maxRetryCount()).isEqualTo(6);
    assertThat(response.retryInterval()).isEqualTo(10000);
    assertThat(response.dnPrefix()).isEqualTo("/o=C");
    assertThat(response.displayName()).isEqualTo("Al");
  }

  @Test
  void executeRequestAndResponse() throws Exception {
    byte[] request = EmsmdbBodies.executeRequest(EmsmdbBodies.FLAG_NO_XOR_MAGIC, new byte[] {0x2A}, 0x10000);
    assertThat(request).containsExactly(2, 0, 0, 0, 1, 0, 0, 0, 0x2A, 0, 0, 1, 0, 0, 0, 0, 0);
    byte[] response = new WireWriter().i32(0).i32(0).i32(0).i32(2).u8(7).u8(8).i32(0).toByteArray();
    assertThat(EmsmdbBodies.executeResponse(response).ropBuffer()).containsExactly(7, 8);
    byte[] lying = new WireWriter().i32(0).i32(0).i32(0).i32(200).u8(7).toByteArray();
    assertThatThrownBy(() -> EmsmdbBodies.executeResponse(lying)).isInstanceOf(MapiWireException.class);
    byte[] huge = new WireWriter().i32(0).i32(0).i32(0).i32(0x7FFFFFF0).toByteArray();
    assertThatThrownBy(() -> EmsmdbBodies.executeResponse(huge)).hasMessageContaining("limit");
  }
}

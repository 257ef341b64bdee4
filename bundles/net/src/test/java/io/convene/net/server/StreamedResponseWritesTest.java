package io.convene.net.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.net.http.HttpChunk;
import io.convene.net.http.HttpHeaders;
import io.convene.net.http.HttpLastChunk;
import io.convene.net.http.HttpRequestHead;
import io.convene.net.http.HttpResponseHead;
import io.convene.net.http.HttpResponseParts;
import io.convene.net.http.HttpVersion;
import io.convene.net.http.RequestTarget;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.junit.jupiter.api.Test;

/** How many writes a streamed response costs: each is a TLS record and a wait for the I/O thread. */
class StreamedResponseWritesTest {

  private final List<Object> writes = new ArrayList<>();
  private final DummySession session = new DummySession();
  private final ServerExchange exchange;

  StreamedResponseWritesTest() {
    session.getFilterChain().addLast("record", new IoFilterAdapter() {
      @Override
      public void filterWrite(NextFilter next, IoSession s, WriteRequest request) {
        writes.add(request.getMessage());
        next.filterWrite(s, request);
      }
    });
    HttpRequestHead head = new HttpRequestHead(
        "POST", new RequestTarget(RequestTarget.Form.ORIGIN, "/mapi"), HttpVersion.HTTP_1_1, HttpHeaders.EMPTY, 0, false, true, false);
    exchange = new ServerExchange(session, head, RequestBody.empty(), true, Clock.systemUTC(), Duration.ofSeconds(5));
  }

  @Test
  void aFlushedPrefixAndTheRestAreTwoWritesNotFour() throws Exception {
    OutputStream out = exchange.streamResponse(200, "application/mapi-http");
    assertThat(writes).as("the head waits for the first chunk").isEmpty();

    out.write(bytes("PROCESSING\r\n"));
    out.flush();
    out.write(bytes("DONE\r\n"));
    out.write(bytes("body"));
    out.close();

    assertThat(writes).hasSize(2);
    HttpResponseParts first = (HttpResponseParts) writes.get(0);
    assertThat(first.parts()).hasSize(2);
    assertThat(first.parts().get(0)).isInstanceOf(HttpResponseHead.class);
    assertThat(text((HttpChunk) first.parts().get(1))).isEqualTo("PROCESSING\r\n");
    HttpResponseParts second = (HttpResponseParts) writes.get(1);
    assertThat(text((HttpChunk) second.parts().get(0))).isEqualTo("DONE\r\nbody");
    assertThat(second.parts().get(1)).isEqualTo(HttpLastChunk.NO_TRAILERS);
    assertThat(exchange.complete()).isTrue();
    assertThat(exchange.bytesSent()).isEqualTo(22);
  }

  @Test
  void aBareFlushSendsTheHeadAlone() throws Exception {
    OutputStream out = exchange.streamResponse(200, "text/plain");
    out.flush();
    out.close();

    assertThat(writes).hasSize(2);
    assertThat(writes.get(0)).isInstanceOf(HttpResponseHead.class);
    assertThat(writes.get(1)).isEqualTo(HttpLastChunk.NO_TRAILERS);
  }

  @Test
  void aStreamNotYetSentCanGiveWayToAnErrorStatus() throws Exception {
    OutputStream out = exchange.streamResponse(200, "text/plain");
    out.write(bytes("partial"));

    assertThat(exchange.withdrawUnsentStream()).isTrue();
    assertThat(exchange.responded()).isFalse();
    exchange.respond(500, "text/plain", bytes("Internal server error\n"));

    assertThat(writes).hasSize(1);
    assertThat(((io.convene.net.http.HttpResponse) writes.get(0)).head().status()).isEqualTo(500);
  }

  @Test
  void aStreamWhoseHeadWentOutCannotBeWithdrawn() throws Exception {
    OutputStream out = exchange.streamResponse(200, "text/plain");
    out.write(bytes("sent"));
    out.flush();

    assertThat(exchange.withdrawUnsentStream()).isFalse();
    assertThat(writes).hasSize(1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String text(HttpChunk chunk) {
    return new String(chunk.data(), StandardCharsets.US_ASCII);
  }
}

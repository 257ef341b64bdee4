package io.convene.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

  private final ResponseReader reader = new ResponseReader();

  @Test
  void readsStatusAndContentLengthBodyWithNamesInAnyCase() throws Exception {
    ResponseReader.Response response =
        reader.read(stream("HTTP/1.1 200 OK\r\nDate: x\r\ncontent-LENGTH:  5 \r\nServer: s\r\n\r\nhello"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    assertThat(response.keepAlive()).isTrue();
  }

  @Test
  void leavesTheStreamAtTheNextResponse() throws Exception {
    InputStream in =
        stream("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabHTTP/1.1 400 Bad Request\r\nContent-Length: 1\r\n\r\nc");

    assertThat(reader.read(in).body()).containsExactly('a', 'b');
    ResponseReader.Response second = reader.read(in);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.body()).containsExactly('c');
  }

  @Test
  void acceptsAStatusLineWithoutReasonPhrase() throws Exception {
    assertThat(reader.read(stream("HTTP/1.1 204\r\n\r\n")).status()).isEqualTo(204);
  }

  @Test
  void reportsConnectionClose() throws Exception {
    assertThat(reader.read(stream("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")).keepAlive())
        .isFalse();
  }

  @Test
  void rejectsResponsesItCannotFrame() {
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\n\r\n")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("no Content-Length");
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void rejectsMalformedHeads() {
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\nContent-Length: 0\n\n")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("CRLF");
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\n" + "X: " + "a".repeat(ResponseReader.MAX_LINE) + "\r\n\r\n")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void reportsATruncatedResponseAsEndOfStream() {
    assertThatThrownBy(() -> reader.read(stream(""))).isInstanceOf(EOFException.class)
        .hasMessageContaining("before a response");
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\nContent-Le"))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> reader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab")))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("2 of 4");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}

package io.convene.net.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.filter.codec.AbstractProtocolEncoderOutput;
import org.junit.jupiter.api.Test;

class HttpResponseEncoderTest {

  private final HttpResponseEncoder encoder = new HttpResponseEncoder();

  /** Encodes through the MINA interface and returns the one buffer written, as text. */
  private String encode(Object message) throws Exception {
    Output out = new Output();
    encoder.encode(new DummySession(), message, out);
    IoBuffer buf = (IoBuffer) out.poll();
    assertThat(out.poll()).as("one buffer per message").isNull();
    byte[] bytes = new byte[buf.remaining()];
    buf.get(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void completeResponseGetsContentLength() throws Exception {
    // the content of the RFC 9110 section 6 example response
    HttpResponse response =
        new HttpResponse(
            HttpResponseHead.of(200, HttpHeaders.of("Content-Type", "text/plain")),
            "Hello World! My content includes a trailing CRLF.\r\n"
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(encode(response))
        .isEqualTo(
            "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 51\r\n"
                + "\r\n"
                + "Hello World! My content includes a trailing CRLF.\r\n");
  }

  @Test
  void emptyBodyDeclaresZeroLength() throws Exception {
    assertThat(encode(new HttpResponse(HttpResponseHead.of(404, HttpHeaders.EMPTY), new byte[0])))
        .isEqualTo("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
  }

  @Test
  void noContentAndNotModifiedHaveNoContentLength() throws Exception {
    assertThat(encode(new HttpResponse(HttpResponseHead.of(204, HttpHeaders.EMPTY), new byte[0])))
        .isEqualTo("HTTP/1.1 204 No Content\r\n\r\n");
    assertThat(
            encode(
                new HttpResponse(
                    HttpResponseHead.of(304, HttpHeaders.of("ETag", "\"x\"")), new byte[0])))
        .isEqualTo("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n");
  }

  @Test
  void continueInterimResponse() throws Exception {
    assertThat(encode(HttpResponseHead.CONTINUE)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
  }

  @Test
  void chunkedStream() throws Exception {
    HttpResponseHead head =
        HttpResponseHead.chunked(200, HttpHeaders.of("Content-Type", "application/mapi-http"));

    assertThat(encode(head))
        .isEqualTo(
            "HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/mapi-http\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "\r\n");
    assertThat(encode(new HttpChunk("PROCESSING\r\n".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("c\r\nPROCESSING\r\n\r\n");
    assertThat(encode(new HttpChunk(new byte[300]))).startsWith("12c\r\n").endsWith("\u0000\r\n");
    assertThat(encode(HttpLastChunk.NO_TRAILERS)).isEqualTo("0\r\n\r\n");
    assertThat(encode(new HttpLastChunk(HttpHeaders.of("X-Checksum", "abc"))))
        .isEqualTo("0\r\nX-Checksum: abc\r\n\r\n");
  }

  @Test
  void partsAreWrittenAsOneBufferInOrder() throws Exception {
    HttpResponseHead head = HttpResponseHead.chunked(200, HttpHeaders.of("Content-Type", "text/plain"));
    HttpChunk chunk = new HttpChunk("Wiki".getBytes(StandardCharsets.US_ASCII));

    assertThat(encode(new HttpResponseParts(List.of(head, chunk, HttpLastChunk.NO_TRAILERS))))
        .isEqualTo(encode(head) + encode(chunk) + encode(HttpLastChunk.NO_TRAILERS))
        .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\nWiki\r\n0\r\n\r\n");
    assertThatThrownBy(() -> new HttpResponseParts(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HttpResponseParts(List.of(new HttpResponseParts(List.of(chunk)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bareHeadIsWrittenAsGiven() throws Exception {
    // e.g. the answer to HEAD, which declares the length of a body it does not send
    assertThat(encode(HttpResponseHead.of(200, HttpHeaders.of("Content-Length", "1234"))))
        .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
  }

  @Test
  void unknownStatusKeepsTheSpaceBeforeAnEmptyReason() throws Exception {
    assertThat(encode(new HttpResponse(HttpResponseHead.of(299, HttpHeaders.EMPTY), new byte[0])))
        .isEqualTo("HTTP/1.1 299 \r\nContent-Length: 0\r\n\r\n");
  }

  @Test
  void cannedErrorResponse() throws Exception {
    HttpResponse response =
        HttpErrorResponses.forException(new HttpProtocolException(431, "too many fields"));

    assertThat(encode(response))
        .isEqualTo(
            "HTTP/1.1 431 Request Header Fields Too Large\r\n"
                + "Connection: close\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n");
  }

  @Test
  void latin1ValuesAreWrittenByteForByte() throws Exception {
    String text = encode(HttpResponseHead.of(200, HttpHeaders.of("X-Name", "J\u00fcrgen")));
    assertThat(text).contains("X-Name: J\u00fcrgen\r\n");
  }

  @Test
  void refusesHeaderInjection() {
    assertThatThrownBy(() -> HttpHeaders.of("X-A", "a\r\nSet-Cookie: x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpHeaders.of("X A", "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HttpResponseHead(200, "OK\r\n", HttpHeaders.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpHeaders.of("X-A", "\u20ac"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesCallerFramingAndMisplacedBodies() {
    assertThatThrownBy(
            () ->
                new HttpResponse(
                    HttpResponseHead.of(200, HttpHeaders.of("Content-Length", "3")), new byte[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> HttpResponseHead.chunked(200, HttpHeaders.of("Transfer-Encoding", "chunked")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new HttpResponse(HttpResponseHead.of(204, HttpHeaders.EMPTY), new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HttpResponse(HttpResponseHead.CONTINUE, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HttpChunk(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encoder.encode(new DummySession(), "text", new Output()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Collects what the encoder writes. */
  private static final class Output extends AbstractProtocolEncoderOutput {
    Object poll() {
      return messageQueue.poll();
    }
  }
}

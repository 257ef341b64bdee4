package io.convene.net.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fuzzes {@link HttpRequestDecoder}: only {@link HttpProtocolException} may escape, every split of
 * the input must give the same messages, and nothing with ambiguous framing may be accepted.
 *
 * <p>A normal test run replays the seeds in {@code
 * src/test/resources/io/convene/net/http/HttpRequestDecoderFuzzTestInputs/<method>/}. To fuzz one
 * method for its {@code maxDuration} (findings are added to that directory):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f bundles/net/pom.xml test -Dtest='HttpRequestDecoderFuzzTest#arbitraryBytes'
 * </pre>
 */
class HttpRequestDecoderFuzzTest {

  // Small limits so the fuzzer reaches every limit path with short inputs.
  private static final HttpLimits LIMITS = new HttpLimits(96, 256, 8, 300, 16, 24);

  private static final String[] TEMPLATES = {
    "GET /hello.txt HTTP/1.1\r\nUser-Agent: curl/7.64.1\r\nHost: www.example.com\r\n\r\n",
    "PROPFIND /dav/ HTTP/1.1\r\nHost: a\r\nDepth: 1\r\nContent-Length: 5\r\n\r\n<a/>\n",
    "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "4;e=\"v\"\r\nWiki\r\n5\r\npedia\r\n0\r\nX-T: 1\r\n\r\n",
    "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n",
    "PUT /f HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3, 3\r\n\r\nabc",
  };

  // Pieces that flip framing decisions when spliced in.
  private static final String[] SNIPPETS = {
    "\r\n",
    "\n",
    "\r",
    " ",
    "\t",
    ":",
    ",",
    ";",
    "0",
    "\r\n\r\n",
    "Content-Length: 3\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Transfer-Encoding: gzip, chunked\r\n",
    "Host: b\r\n",
    "Connection: close\r\n",
    "\r\n ",
    "ffffffffffffffff",
    "0\r\n\r\n",
    "HTTP/1.0",
  };

  @FuzzTest(maxDuration = "5m")
  void arbitraryBytes(FuzzedDataProvider data) {
    check(data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "5m")
  void mutatedRequests(FuzzedDataProvider data) {
    byte[] input = bytes(TEMPLATES[data.consumeInt(0, TEMPLATES.length - 1)]);
    for (int i = data.consumeInt(0, 6); i > 0; i--) {
      int at = data.consumeInt(0, input.length);
      input =
          switch (data.consumeInt(0, 3)) {
            case 0 ->
                splice(input, at, 0, bytes(SNIPPETS[data.consumeInt(0, SNIPPETS.length - 1)]));
            case 1 ->
                splice(input, at, Math.min(data.consumeInt(1, 4), input.length - at), new byte[0]);
            case 2 ->
                splice(input, at, Math.min(1, input.length - at), new byte[] {data.consumeByte()});
            default -> splice(input, at, 0, new byte[] {data.consumeByte()});
          };
    }
    check(input);
  }

  /** Decodes whole, byte by byte and at random cuts; all must agree and obey the invariants. */
  private static void check(byte[] input) {
    Outcome whole = decode(input, new int[0]);
    int[] everyByte = new int[Math.max(0, input.length - 1)];
    Arrays.setAll(everyByte, i -> i + 1);
    Outcome bytewise = decode(input, everyByte);
    Random random = new Random(Arrays.hashCode(input));
    int[] cuts = random.ints(random.nextInt(8), 0, input.length + 1).sorted().toArray();
    Outcome split = decode(input, cuts);

    assertThat(bytewise.messages).isEqualTo(whole.messages);
    assertThat(bytewise.status).isEqualTo(whole.status);
    assertThat(split.messages).isEqualTo(whole.messages);
    assertThat(split.status).isEqualTo(whole.status);

    for (int i = 0; i < bytewise.heads.size(); i++) {
      HttpRequestHead head = bytewise.heads.get(i);
      int start = bytewise.headStarts.get(i);
      int end = bytewise.headEnds.get(i);
      checkAcceptedHead(head, new String(input, start, end - start, StandardCharsets.ISO_8859_1));
    }
    for (DecodedRequest request : DecodedRequest.group(bytewise.rawMessages)) {
      if (!request.head().chunked()) {
        assertThat((long) request.body().length).isEqualTo(request.head().contentLength());
      }
      assertThat((long) request.body().length).isLessThanOrEqualTo(LIMITS.maxBodySize());
      assertThat(request.partSizes()).allMatch(size -> size > 0 && size <= LIMITS.bodyPartSize());
    }
  }

  /** What the raw bytes of an accepted head must not contain. */
  private static void checkAcceptedHead(HttpRequestHead head, String raw) {
    assertThat(raw).as("accepted a bare LF").doesNotContainPattern("(?<!\r)\n");
    assertThat(raw).as("accepted a bare CR").doesNotContainPattern("\r(?!\n)");
    List<String> names = new ArrayList<>();
    List<String> lengths = new ArrayList<>();
    for (String line : raw.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        names.add(name);
        if (name.equals("content-length")) {
          for (String value : line.substring(colon + 1).split(",", -1)) {
            lengths.add(value.strip());
          }
        }
      }
    }
    assertThat(names.contains("content-length") && names.contains("transfer-encoding"))
        .as("accepted both Content-Length and Transfer-Encoding")
        .isFalse();
    assertThat(lengths.stream().distinct().count())
        .as("accepted differing Content-Length")
        .isLessThanOrEqualTo(1);
    assertThat(head.headers().all("Host")).hasSizeLessThanOrEqualTo(1);
    assertThat(
            head.headers().contains("Content-Length")
                && head.headers().contains("Transfer-Encoding"))
        .isFalse();
  }

  /**
   * Messages in a comparable form, the error status (0 for none) and where each head's bytes were.
   */
  private record Outcome(
      List<Object> messages,
      List<HttpRequestMessage> rawMessages,
      int status,
      List<HttpRequestHead> heads,
      List<Integer> headStarts,
      List<Integer> headEnds) {}

  private static Outcome decode(byte[] input, int[] cuts) {
    DecoderDriver driver = new DecoderDriver(LIMITS);
    List<HttpRequestHead> heads = new ArrayList<>();
    List<Integer> headStarts = new ArrayList<>();
    List<Integer> headEnds = new ArrayList<>();
    int status = 0;
    int from = 0;
    int requestStart = 0;
    int seen = 0;
    try {
      for (int i = 0; i <= cuts.length; i++) {
        int to = i < cuts.length ? cuts[i] : input.length;
        driver.feed(input, from, to);
        // With one byte per feed this pins each head and end to the byte that completed it.
        for (; seen < driver.messages().size(); seen++) {
          HttpRequestMessage message = driver.messages().get(seen);
          if (message instanceof HttpRequestHead head) {
            heads.add(head);
            headStarts.add(requestStart);
            headEnds.add(to);
          } else if (message instanceof HttpBodyEnd) {
            requestStart = to;
          }
        }
        from = to;
      }
    } catch (HttpProtocolException e) {
      status = e.status();
      assertThat(status).isBetween(400, 599);
    }
    List<Object> comparable = new ArrayList<>();
    for (HttpRequestMessage message : driver.messages()) {
      comparable.add(
          message instanceof HttpBodyPart part ? ByteBuffer.wrap(part.bytes()) : message);
    }
    return new Outcome(comparable, driver.messages(), status, heads, headStarts, headEnds);
  }

  private static byte[] splice(byte[] input, int at, int remove, byte[] insert) {
    byte[] out = new byte[input.length - remove + insert.length];
    System.arraycopy(input, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(input, at + remove, out, at + insert.length, input.length - at - remove);
    return out;
  }

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }
}

package io.convene.net.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpRequestDecoderTest {

  private static final String HOST = "Host: example.com\r\n";

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<DecodedRequest> decode(String request) throws HttpProtocolException {
    return new DecoderDriver().feed(request).requests();
  }

  private static DecodedRequest decodeOne(String request) throws HttpProtocolException {
    List<DecodedRequest> requests = decode(request);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Nested
  class SpecExamples {

    @Test
    void rfc9110Section6ExampleRequest() throws Exception {
      // RFC 9110 section 6, the example request
      DecodedRequest request =
          decodeOne(
              "GET /hello.txt HTTP/1.1\r\n"
                  + "User-Agent: curl/7.64.1\r\n"
                  + "Host: www.example.com\r\n"
                  + "Accept-Language: en, mi\r\n"
                  + "\r\n");

      HttpRequestHead head = request.head();
      assertThat(head.method()).isEqualTo("GET");
      assertThat(head.target())
          .isEqualTo(new RequestTarget(RequestTarget.Form.ORIGIN, "/hello.txt"));
      assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
      assertThat(head.headers())
          .isEqualTo(
              HttpHeaders.of(
                  "User-Agent", "curl/7.64.1",
                  "Host", "www.example.com",
                  "Accept-Language", "en, mi"));
      assertThat(head.hasBody()).isFalse();
      assertThat(head.keepAlive()).isTrue();
      assertThat(head.expectsContinue()).isFalse();
      assertThat(request.body()).isEmpty();
      assertThat(request.trailers()).isEqualTo(HttpHeaders.EMPTY);
    }

    @Test
    void rfc9112Section3_2_1OriginForm() throws Exception {
      HttpRequestHead head =
          decodeOne("GET /where?q=now HTTP/1.1\r\nHost: www.example.org\r\n\r\n").head();

      assertThat(head.target().form()).isEqualTo(RequestTarget.Form.ORIGIN);
      assertThat(head.target().path()).isEqualTo("/where");
      assertThat(head.target().query()).contains("q=now");
    }

    @Test
    void rfc9112Section3_2_2AbsoluteForm() throws Exception {
      HttpRequestHead head =
          decodeOne(
                  "GET http://www.example.org/pub/WWW/TheProject.html HTTP/1.1\r\n"
                      + "Host: www.example.org\r\n\r\n")
              .head();

      assertThat(head.target().form()).isEqualTo(RequestTarget.Form.ABSOLUTE);
      assertThat(head.target().authority()).contains("www.example.org");
      assertThat(head.target().path()).isEqualTo("/pub/WWW/TheProject.html");
      assertThat(head.target().query()).isEmpty();
    }

    @Test
    void rfc9112Section3_2_3AuthorityForm() throws Exception {
      HttpRequestHead head =
          decodeOne("CONNECT www.example.com:80 HTTP/1.1\r\nHost: www.example.com:80\r\n\r\n")
              .head();

      assertThat(head.target().form()).isEqualTo(RequestTarget.Form.AUTHORITY);
      assertThat(head.target().authority()).contains("www.example.com:80");
    }

    @Test
    void rfc9112Section3_2_4AsteriskForm() throws Exception {
      HttpRequestHead head =
          decodeOne("OPTIONS * HTTP/1.1\r\nHost: www.example.org:8001\r\n\r\n").head();

      assertThat(head.target().form()).isEqualTo(RequestTarget.Form.ASTERISK);
      assertThat(head.target().path()).isEqualTo("*");
    }

    @Test
    void rfc9112Section7_1ChunkedBodyWithExtensionsAndTrailer() throws Exception {
      // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF, last-chunk, trailer-section
      DecodedRequest request =
          decodeOne(
              "POST /upload HTTP/1.1\r\n"
                  + HOST
                  + "Transfer-Encoding: chunked\r\n"
                  + "Trailer: Expires\r\n"
                  + "\r\n"
                  + "4\r\nWiki\r\n"
                  + "5;name=value\r\npedia\r\n"
                  + "E ; quoted=\"a;b\\\"c\" ; flag\r\n in\r\n\r\nchunks.\r\n"
                  + "0\r\n"
                  + "Expires: Wed, 21 Oct 2015 07:28:00 GMT\r\n"
                  + "\r\n");

      assertThat(request.head().chunked()).isTrue();
      assertThat(request.head().contentLength()).isEqualTo(-1);
      assertThat(request.bodyText()).isEqualTo("Wikipedia in\r\n\r\nchunks.");
      assertThat(request.partSizes()).containsExactly(23);
      assertThat(request.trailers())
          .isEqualTo(HttpHeaders.of("Expires", "Wed, 21 Oct 2015 07:28:00 GMT"));
      assertThat(request.head().headers().contains("Expires")).isFalse();
    }

    @Test
    void contentLengthBody() throws Exception {
      DecodedRequest request =
          decodeOne("POST /x HTTP/1.1\r\n" + HOST + "Content-Length: 11\r\n\r\nhello world");

      assertThat(request.head().contentLength()).isEqualTo(11);
      assertThat(request.bodyText()).isEqualTo("hello world");
      assertThat(request.partSizes()).containsExactly(11);
    }
  }

  @Nested
  class Methods {

    @ParameterizedTest
    @MethodSource("io.convene.net.http.HttpRequestDecoderTest#webDavMethods")
    void acceptsAnyTokenMethod(String method) throws Exception {
      String body = "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>";
      DecodedRequest request =
          decodeOne(
              method
                  + " /dav/calendars/alice/ HTTP/1.1\r\n"
                  + HOST
                  + "Depth: 1\r\n"
                  + "Content-Type: application/xml; charset=utf-8\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body);

      assertThat(request.head().method()).isEqualTo(method);
      assertThat(request.head().headers().first("depth")).contains("1");
      assertThat(request.bodyText()).isEqualTo(body);
    }
  }

  static Stream<String> webDavMethods() {
    return Stream.of(
        "PROPFIND",
        "PROPPATCH",
        "REPORT",
        "MKCALENDAR",
        "MKCOL",
        "COPY",
        "MOVE",
        "LOCK",
        "UNLOCK",
        "SEARCH",
        "ACL",
        "X-MS-ENUMATTS",
        "M-SEARCH",
        "get");
  }

  @Nested
  class Connections {

    @Test
    void pipelinedRequestsInOneBuffer() throws Exception {
      List<DecodedRequest> requests =
          decode(
              "GET /a HTTP/1.1\r\n"
                  + HOST
                  + "\r\n"
                  + "PUT /b HTTP/1.1\r\n"
                  + HOST
                  + "Content-Length: 3\r\n\r\nabc"
                  + "POST /c HTTP/1.1\r\n"
                  + HOST
                  + "Transfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"
                  + "DELETE /d HTTP/1.1\r\n"
                  + HOST
                  + "\r\n");

      assertThat(requests)
          .extracting(r -> r.head().target().raw())
          .containsExactly("/a", "/b", "/c", "/d");
      assertThat(requests)
          .extracting(DecodedRequest::bodyText)
          .containsExactly("", "abc", "xy", "");
    }

    @Test
    void byteByByteDeliveryGivesTheSameMessages() throws Exception {
      byte[] input =
          bytes(
              "\r\nPROPFIND /x HTTP/1.1\r\n"
                  + HOST
                  + "Content-Length: 5\r\n\r\n12345"
                  + "POST /y HTTP/1.1\r\n"
                  + HOST
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + "3;e=1\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX-Sum: 1\r\n\r\n"
                  + "GET /z HTTP/1.0\r\n\r\n");

      List<DecodedRequest> whole = new DecoderDriver().feed(input).requests();
      List<DecodedRequest> single = new DecoderDriver().feedByteByByte(input).requests();

      assertThat(whole).hasSize(3);
      assertThat(single).isEqualTo(whole);
    }

    @Test
    void http11IsPersistentUnlessConnectionClose() throws Exception {
      assertThat(decodeOne("GET / HTTP/1.1\r\n" + HOST + "\r\n").head().keepAlive()).isTrue();
      assertThat(
              decodeOne("GET / HTTP/1.1\r\n" + HOST + "Connection: Keep-Alive, Close\r\n\r\n")
                  .head()
                  .keepAlive())
          .isFalse();
    }

    @Test
    void http10IsPersistentOnlyWithKeepAlive() throws Exception {
      HttpRequestHead plain = decodeOne("GET / HTTP/1.0\r\n\r\n").head();
      HttpRequestHead keepAlive =
          decodeOne("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").head();

      assertThat(plain.version()).isEqualTo(HttpVersion.HTTP_1_0);
      assertThat(plain.keepAlive()).isFalse();
      assertThat(keepAlive.keepAlive()).isTrue();
    }

    @Test
    void ignoresRequestsAfterConnectionClose() throws Exception {
      List<DecodedRequest> requests =
          decode(
              "GET /1 HTTP/1.1\r\n"
                  + HOST
                  + "Connection: close\r\n\r\n"
                  + "GET /2 HTTP/1.1\r\n"
                  + HOST
                  + "\r\n"
                  + "garbage that would be a 400");

      assertThat(requests).extracting(r -> r.head().target().raw()).containsExactly("/1");
    }

    @Test
    void ignoresLeadingEmptyLines() throws Exception {
      assertThat(decode("\r\n\r\nGET / HTTP/1.1\r\n" + HOST + "\r\n")).hasSize(1);
    }

    @Test
    void headComesBeforeTheBodyArrives() throws Exception {
      DecoderDriver driver = new DecoderDriver();
      driver.feed("PUT /big HTTP/1.1\r\n" + HOST + "Content-Length: 10\r\n\r\n12345");

      assertThat(driver.messages()).hasSize(1).first().isInstanceOf(HttpRequestHead.class);
      driver.feed("67890");
      assertThat(driver.requests())
          .singleElement()
          .extracting(DecodedRequest::bodyText)
          .isEqualTo("1234567890");
    }
  }

  @Nested
  class Continue {

    @Test
    void flagsExpect100ContinueAndEmitsHeadWithoutBody() throws Exception {
      DecoderDriver driver = new DecoderDriver();
      driver.feed(
          "PUT /f HTTP/1.1\r\n" + HOST + "Content-Length: 4\r\nExpect: 100-Continue\r\n\r\n");

      assertThat(driver.messages())
          .singleElement()
          .isInstanceOfSatisfying(
              HttpRequestHead.class, head -> assertThat(head.expectsContinue()).isTrue());
      driver.feed("data");
      assertThat(driver.requests())
          .singleElement()
          .extracting(DecodedRequest::bodyText)
          .isEqualTo("data");
    }

    @Test
    void ignoresExpectationInHttp10() throws Exception {
      HttpRequestHead head =
          decodeOne("PUT /f HTTP/1.0\r\nContent-Length: 1\r\nExpect: 100-continue\r\n\r\nx").head();
      assertThat(head.expectsContinue()).isFalse();
    }

    @Test
    void noContinueWithoutBody() throws Exception {
      HttpRequestHead head =
          decodeOne("GET / HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\n\r\n").head();
      assertThat(head.expectsContinue()).isFalse();
    }
  }

  @Nested
  class Bodies {

    @Test
    void smallBodyIsOnePartLargeBodyStreams() throws Exception {
      HttpLimits limits = HttpLimits.DEFAULTS.withBodyPartSize(8);
      byte[] input =
          bytes(
              "PUT /s HTTP/1.1\r\n"
                  + HOST
                  + "Content-Length: 8\r\n\r\n12345678"
                  + "PUT /l HTTP/1.1\r\n"
                  + HOST
                  + "Content-Length: 20\r\n\r\n0123456789abcdefghij"
                  + "PUT /c HTTP/1.1\r\n"
                  + HOST
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + "3\r\nabc\r\n3\r\ndef\r\n5\r\nghijk\r\n0\r\n\r\n");

      List<DecodedRequest> requests = new DecoderDriver(limits).feedByteByByte(input).requests();

      assertThat(requests)
          .extracting(DecodedRequest::partSizes)
          .containsExactly(List.of(8), List.of(8, 8, 4), List.of(8, 3));
      assertThat(requests.get(2).bodyText()).isEqualTo("abcdefghijk");
    }

    @Test
    void acceptsIdenticalDuplicateContentLengths() throws Exception {
      assertThat(
              decodeOne(
                      "PUT / HTTP/1.1\r\n"
                          + HOST
                          + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc")
                  .bodyText())
          .isEqualTo("abc");
      assertThat(
              decodeOne("PUT / HTTP/1.1\r\n" + HOST + "Content-Length: 3, 3\r\n\r\nabc").bodyText())
          .isEqualTo("abc");
    }

    @Test
    void zeroContentLengthHasNoParts() throws Exception {
      DecodedRequest request =
          decodeOne("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 0\r\n\r\n");
      assertThat(request.head().hasBody()).isFalse();
      assertThat(request.partSizes()).isEmpty();
    }

    @Test
    void acceptsHtabAndObsTextInFieldValuesAndTrimsOws() throws Exception {
      HttpRequestHead head =
          decodeOne("GET / HTTP/1.1\r\n" + HOST + "X-A: \t a\tb \u00e9 \t\r\nX-Empty:\r\n\r\n")
              .head();
      assertThat(head.headers().first("x-a")).contains("a\tb \u00e9");
      assertThat(head.headers().first("X-Empty")).contains("");
    }
  }

  @Nested
  class Rejections {

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("io.convene.net.http.HttpRequestDecoderTest#rejected")
    void rejectsWithStatus(String name, String request, int status) {
      assertThatThrownBy(() -> new DecoderDriver(smallLimits()).feed(request))
          .isInstanceOfSatisfying(
              HttpProtocolException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("io.convene.net.http.HttpRequestDecoderTest#rejected")
    void rejectsWithStatusByteByByte(String name, String request, int status) {
      assertThatThrownBy(() -> new DecoderDriver(smallLimits()).feedByteByByte(bytes(request)))
          .isInstanceOfSatisfying(
              HttpProtocolException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void yieldsNothingAfterARejection() throws Exception {
      DecoderDriver driver = new DecoderDriver();
      assertThatThrownBy(() -> driver.feed("GET / HTTP/1.1\nHost: a\r\n\r\n"))
          .isInstanceOf(HttpProtocolException.class);

      driver.feed("GET / HTTP/1.1\r\n" + HOST + "\r\n");

      assertThat(driver.messages()).isEmpty();
    }

    @Test
    void exceptionNeverCarriesAHexdump() {
      HttpProtocolException e = new HttpProtocolException(400, "bad");
      e.setHexdump("41 75 74 68");
      assertThat(e.getHexdump()).isEmpty();
      assertThat(e.getMessage()).isEqualTo("bad");
    }
  }

  @Nested
  class DefaultLimits {

    private HttpProtocolException rejection(String request) {
      Throwable thrown = catchThrowable(() -> decode(request));
      assertThat(thrown).isInstanceOf(HttpProtocolException.class);
      return (HttpProtocolException) thrown;
    }

    @Test
    void requestLineOf8KiBPassesOneMoreByteIs414() throws Exception {
      String prefix = "GET /";
      String suffix = " HTTP/1.1";
      String path = "a".repeat(8 * 1024 - prefix.length() - suffix.length());

      assertThat(decode(prefix + path + suffix + "\r\n" + HOST + "\r\n")).hasSize(1);
      assertThat(rejection(prefix + path + "a" + suffix + "\r\n" + HOST + "\r\n").status())
          .isEqualTo(414);
    }

    @Test
    void hundredFieldsPassOneMoreIs431() throws Exception {
      String ninetyNine = "X-F: v\r\n".repeat(99);

      assertThat(decode("GET / HTTP/1.1\r\n" + HOST + ninetyNine + "\r\n")).hasSize(1);
      assertThat(rejection("GET / HTTP/1.1\r\n" + HOST + ninetyNine + "X-F: v\r\n\r\n").status())
          .isEqualTo(431);
    }

    @Test
    void headerSectionAbove64KiBIs431() {
      String big = ("X-F: " + "v".repeat(1000) + "\r\n").repeat(66);

      assertThat(rejection("GET / HTTP/1.1\r\n" + HOST + big + "\r\n").status()).isEqualTo(431);
    }

    @Test
    void contentLengthAbove64MiBIs413() {
      assertThat(
              rejection(
                      "PUT / HTTP/1.1\r\n"
                          + HOST
                          + "Content-Length: "
                          + (64L * 1024 * 1024 + 1)
                          + "\r\n\r\n")
                  .status())
          .isEqualTo(413);
    }

    @Test
    void limitsRefuseNonsense() {
      assertThatThrownBy(() -> HttpLimits.DEFAULTS.withBodyPartSize(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bodyPartSize");
      assertThatThrownBy(() -> new HttpLimits(8, 1024, 10, 10, 10, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxRequestLine");
    }
  }

  /** Limits small enough that the limit cases stay readable. */
  static HttpLimits smallLimits() {
    return new HttpLimits(64, 128, 5, 100, 32, 32);
  }

  static Stream<Arguments> rejected() {
    String get = "GET / HTTP/1.1\r\n" + HOST;
    String chunkedPost = "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n";
    return Stream.of(
        // framing (RFC 9112 6)
        reject(
            "CL and TE",
            "POST / HTTP/1.1\r\n"
                + HOST
                + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
            400),
        reject(
            "TE and CL",
            "POST / HTTP/1.1\r\n"
                + HOST
                + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
            400),
        reject(
            "differing CL lines",
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            400),
        reject(
            "differing CL list",
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3, 4\r\n\r\nabcd",
            400),
        reject(
            "CL list, same number, other text",
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3, 03\r\n\r\nabc",
            400),
        reject(
            "CL with empty element",
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3,\r\n\r\nabc",
            400),
        reject(
            "CL not a number", "POST / HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n\r\n", 400),
        reject("CL negative", "POST / HTTP/1.1\r\n" + HOST + "Content-Length: -1\r\n\r\n", 400),
        reject(
            "CL with plus sign", "POST / HTTP/1.1\r\n" + HOST + "Content-Length: +1\r\n\r\nx", 400),
        reject("CL empty", "POST / HTTP/1.1\r\n" + HOST + "Content-Length:\r\n\r\n", 400),
        reject(
            "CL with inner space",
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 1 2\r\n\r\n",
            400),
        reject("CL hex", "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 0x10\r\n\r\n", 400),
        reject(
            "CL overflow",
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 99999999999999999999\r\n\r\n",
            400),
        reject(
            "CL above max body", "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 101\r\n\r\n", 413),
        reject(
            "TE unknown only",
            "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: gzip\r\n\r\n",
            400),
        reject(
            "TE unknown before chunked",
            "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: gzip, chunked\r\n\r\n",
            501),
        reject(
            "TE unknown in earlier line",
            "POST / HTTP/1.1\r\n"
                + HOST
                + "Transfer-Encoding: x-foo\r\nTransfer-Encoding: chunked\r\n\r\n",
            501),
        reject(
            "TE chunked not last",
            "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked, gzip\r\n\r\n",
            400),
        reject(
            "TE chunked twice",
            "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked, chunked\r\n\r\n",
            400),
        reject(
            "TE chunked with parameter",
            "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked;q=1\r\n\r\n",
            400),
        reject("TE empty", "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: \r\n\r\n", 400),
        reject(
            "TE misspelt", "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunke\r\n\r\n", 400),
        reject(
            "TE in HTTP/1.0",
            "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            400),
        // line syntax (RFC 9112 2.2, 5)
        reject("obs-fold", get + "X-A: a\r\n b\r\n\r\n", 400),
        reject("obs-fold with HTAB", get + "X-A: a\r\n\tb\r\n\r\n", 400),
        reject("whitespace before first field", "GET / HTTP/1.1\r\n " + HOST + "\r\n", 400),
        reject("bare LF ends request line", "GET / HTTP/1.1\n" + HOST + "\r\n", 400),
        reject("bare LF ends field line", "GET / HTTP/1.1\r\nHost: a\n\r\n", 400),
        reject("bare LF ends header section", get + "\n", 400),
        reject("bare LF as leading empty line", "\nGET / HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("bare CR in field line", get + "X-A: a\rb\r\n\r\n", 400),
        reject("bare CR in request line", "GET /\r HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("space before colon", get + "X-A : a\r\n\r\n", 400),
        reject("tab before colon", get + "X-A\t: a\r\n\r\n", 400),
        reject("invalid name char", get + "X[A]: a\r\n\r\n", 400),
        reject("quote in name", get + "X\"A: a\r\n\r\n", 400),
        reject("non-ASCII in name", get + "X-\u00e9: a\r\n\r\n", 400),
        reject("empty field name", get + ": a\r\n\r\n", 400),
        reject("field line without colon", get + "X-A a\r\n\r\n", 400),
        reject("NUL in field value", get + "X-A: a\u0000b\r\n\r\n", 400),
        reject("SOH in field value", get + "X-A: a\u0001b\r\n\r\n", 400),
        reject("DEL in field value", get + "X-A: a\u007fb\r\n\r\n", 400),
        reject("ESC in field value", get + "X-A: \u001b[31m\r\n\r\n", 400),
        reject(
            "too many leading empty lines",
            "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n" + HOST + "\r\n",
            400),
        // chunked (RFC 9112 7.1)
        reject("chunk size not hex", chunkedPost + "g\r\nabc\r\n0\r\n\r\n", 400),
        reject("chunk size empty", chunkedPost + "\r\nabc\r\n0\r\n\r\n", 400),
        reject("chunk size negative", chunkedPost + "-3\r\nabc\r\n0\r\n\r\n", 400),
        reject("chunk size 0x prefix", chunkedPost + "0x3\r\nabc\r\n0\r\n\r\n", 400),
        reject(
            "chunk size too many digits",
            chunkedPost + "0000000000000003\r\nabc\r\n0\r\n\r\n",
            400),
        reject("chunk size overflow", chunkedPost + "fffffffffffffffff\r\nabc\r\n0\r\n\r\n", 400),
        reject("chunk size leading space", chunkedPost + " 3\r\nabc\r\n0\r\n\r\n", 400),
        reject("chunk size trailing space", chunkedPost + "3 \r\nabc\r\n0\r\n\r\n", 400),
        reject("chunk ext without name", chunkedPost + "3;\r\nabc\r\n0\r\n\r\n", 400),
        reject("chunk ext unterminated quote", chunkedPost + "3;a=\"b\r\nabc\r\n0\r\n\r\n", 400),
        reject(
            "chunk line too long",
            chunkedPost + "3;" + "a".repeat(40) + "\r\nabc\r\n0\r\n\r\n",
            400),
        reject("chunk line bare LF", chunkedPost + "3\nabc\r\n0\r\n\r\n", 400),
        reject("chunk data without CRLF", chunkedPost + "3\r\nabcd\r\n0\r\n\r\n", 400),
        reject("chunk data with bare LF", chunkedPost + "3\r\nabc\n0\r\n\r\n", 400),
        reject("chunk data with CR only", chunkedPost + "3\r\nabc\rX0\r\n\r\n", 400),
        reject("last chunk bare LF", chunkedPost + "3\r\nabc\r\n0\n\r\n", 400),
        reject("trailer obs-fold", chunkedPost + "0\r\nX-T: a\r\n b\r\n\r\n", 400),
        reject(
            "chunked above max body", chunkedPost + "40\r\n" + "x".repeat(64) + "\r\n40\r\n", 413),
        reject(
            "trailer section too large",
            chunkedPost + "0\r\n" + ("X-T: " + "t".repeat(20) + "\r\n").repeat(6) + "\r\n",
            431),
        // Host (RFC 9112 3.2)
        reject("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
        reject("two Host fields", get + "Host: example.org\r\n\r\n", 400),
        reject("two Host fields in HTTP/1.0", "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        reject("Host with userinfo", "GET / HTTP/1.1\r\nHost: user@example.com\r\n\r\n", 400),
        reject("Host with path", "GET / HTTP/1.1\r\nHost: example.com/x\r\n\r\n", 400),
        reject("Host with bad port", "GET / HTTP/1.1\r\nHost: example.com:8o\r\n\r\n", 400),
        // request line (RFC 9112 3)
        reject("HTTP/2.0", "GET / HTTP/2.0\r\n" + HOST + "\r\n", 505),
        reject("HTTP/1.2", "GET / HTTP/1.2\r\n" + HOST + "\r\n", 505),
        reject("HTTP/0.9", "GET / HTTP/0.9\r\n\r\n", 505),
        reject("lowercase version", "GET / http/1.1\r\n" + HOST + "\r\n", 400),
        reject("version with extra digit", "GET / HTTP/1.11\r\n" + HOST + "\r\n", 400),
        reject("missing version", "GET /\r\n" + HOST + "\r\n", 400),
        reject("double space", "GET  / HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("trailing space", "GET / HTTP/1.1 \r\n" + HOST + "\r\n", 400),
        reject("tab separator", "GET\t/ HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("method not a token", "GE(T / HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("empty method", " / HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("quote in target", "GET /a\"b HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("fragment in target", "GET /a#b HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("bad percent-encoding", "GET /%zz HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("truncated percent-encoding", "GET /a%4 HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("non-ASCII in target", "GET /\u00e9 HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject(
            "authority-form without CONNECT",
            "GET example.com:80 HTTP/1.1\r\n" + HOST + "\r\n",
            400),
        reject("CONNECT with origin-form", "CONNECT / HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("CONNECT without port", "CONNECT example.com HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject("asterisk-form without OPTIONS", "GET * HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject(
            "absolute-form other scheme",
            "GET ftp://example.com/ HTTP/1.1\r\n" + HOST + "\r\n",
            400),
        reject("absolute-form empty host", "GET http:///x HTTP/1.1\r\n" + HOST + "\r\n", 400),
        reject(
            "absolute-form userinfo",
            "GET http://u@example.com/ HTTP/1.1\r\n" + HOST + "\r\n",
            400),
        // Expect (RFC 9110 10.1.1)
        reject(
            "unknown expectation",
            "PUT / HTTP/1.1\r\n" + HOST + "Expect: 200-ok\r\nContent-Length: 1\r\n\r\nx",
            417),
        // limits
        reject(
            "request line too long",
            "GET /" + "a".repeat(64) + " HTTP/1.1\r\n" + HOST + "\r\n",
            414),
        reject(
            "header section too large",
            get + ("X-A: " + "v".repeat(30) + "\r\n").repeat(4) + "\r\n",
            431),
        reject("one huge field line", get + "X-A: " + "v".repeat(200) + "\r\n\r\n", 431),
        reject("too many fields", get + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n", 431));
  }

  private static Arguments reject(String name, String request, int status) {
    return Arguments.of(name, request, status);
  }
}

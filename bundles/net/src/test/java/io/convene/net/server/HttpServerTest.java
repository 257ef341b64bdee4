package io.convene.net.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server end to end on loopback, with java.net.http.HttpClient over TLS and raw sockets. */
class HttpServerTest {

  @TempDir Path dataDir;
  private TestServer server;
  private HttpClient client;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(dataDir, ServerSettings.loopback().withHeaderTimeout(Duration.ofMillis(600)).withWorkers(2, 1));
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(server.clientTls)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private URI https(String path) {
    return URI.create("https://localhost:" + server.https().getPort() + path);
  }

  private URI http(String path) {
    return URI.create("http://127.0.0.1:" + server.http().getPort() + path);
  }

  @Test
  void keepAliveRequestsOverTlsShareOneConnectionAndEchoBodies() throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(https("/echo")).POST(HttpRequest.BodyPublishers.ofString("hello " + i)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello " + i);
      assertThat(response.headers().firstValue("X-Method")).contains("POST");
      assertThat(response.headers().firstValue("Server")).contains("Convene");
      assertThat(response.headers().firstValue("Date")).isPresent();
    }
  }

  @Test
  void chunkedUploadOfSeveralMegabytesIsStreamedToTheEndpoint() throws Exception {
    byte[] block = new byte[64 * 1024];
    List<byte[]> blocks = new ArrayList<>();
    int count = Integer.getInteger("uploadBlocks", 64);
    for (int i = 0; i < count; i++) {
      blocks.add(block);
    }
    // ofByteArrays without a known length makes HttpClient send Transfer-Encoding: chunked
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(Boolean.getBoolean("uploadPlain") ? http("/count") : https("/count")).POST(HttpRequest.BodyPublishers.ofByteArrays(blocks)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Long.toString(count * 64L * 1024));
  }

  @Test
  void streamedResponseArrivesChunkedPartByPart() throws Exception {
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(https("/stream")).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
    assertThat(new String(response.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("part 1\npart 2\npart 3\n");
  }

  @Test
  void propfindReachesAnAuthenticatedEndpointWithBasicCredentialsOverTls() throws Exception {
    HttpRequest.Builder propfind =
        HttpRequest.newBuilder(https("/dav/calendars/")).method("PROPFIND", HttpRequest.BodyPublishers.ofString("<propfind/>"));
    HttpResponse<String> anonymous = client.send(propfind.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Convene\", charset=\"UTF-8\"");

    HttpResponse<String> authorized =
        client.send(propfind.header("Authorization", basic(TestServer.USER, TestServer.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(authorized.statusCode()).isEqualTo(207);
    assertThat(authorized.body()).isEqualTo("PROPFIND by " + TestServer.USER);
  }

  @Test
  void credentialsOverPlainHttpAreRefusedWith403() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(http("/dav/")).header("Authorization", basic(TestServer.USER, TestServer.PASSWORD)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void repeatedFailedLoginsLockTheAddressOutWith429() throws Exception {
    HttpRequest wrong = HttpRequest.newBuilder(https("/dav/")).header("Authorization", basic(TestServer.USER, "guess")).build();
    for (int i = 0; i < 4; i++) {
      assertThat(client.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked =
        client.send(
            HttpRequest.newBuilder(https("/dav/")).header("Authorization", basic(TestServer.USER, TestServer.PASSWORD)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void unknownPathIs404AndEndpointFailuresAre500() throws Exception {
    assertThat(client.send(HttpRequest.newBuilder(https("/nowhere")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    assertThat(client.send(HttpRequest.newBuilder(https("/broken")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(500);
    assertThat(client.send(HttpRequest.newBuilder(https("/silent")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(500);
    // nothing of the stream had gone out, so the failure can still be told as such
    HttpResponse<String> brokenStream = client.send(HttpRequest.newBuilder(https("/broken-stream")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(brokenStream.statusCode()).isEqualTo(500);
    assertThat(brokenStream.body()).doesNotContain("never sent");
  }

  @Test
  void endpointsRegisteredAndRemovedAtRuntime() throws Exception {
    assertThat(client.send(HttpRequest.newBuilder(https("/plugin")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    long id = server.add("/plugin", true, exchange -> exchange.respond(200, "text/plain", "hot".getBytes(StandardCharsets.US_ASCII)));
    assertThat(client.send(HttpRequest.newBuilder(https("/plugin")).build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("hot");
    server.endpoints.remove(id);
    assertThat(client.send(HttpRequest.newBuilder(https("/plugin")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  void anEndpointThatLeavesMidRequestAnswers503() throws Exception {
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch removed = new java.util.concurrent.CountDownLatch(1);
    long id = server.add("/leaving", true, exchange -> {
      entered.countDown();
      try {
        removed.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // what a stopped bundle's code typically does next
      throw new IllegalStateException("bundle stopped");
    });
    CompletableFuture<HttpResponse<String>> pending =
        client.sendAsync(HttpRequest.newBuilder(https("/leaving")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    server.endpoints.remove(id);
    removed.countDown();
    assertThat(pending.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws IOException {
    try (RawClient raw = new RawClient(server.http())) {
      raw.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nfirst"
          + "GET /stream HTTP/1.1\r\nHost: a\r\n\r\n"
          + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nConnection: close\r\n\r\nthird!");
      String answers = raw.readUntilClosed();
      assertThat(RawClient.count(answers, "HTTP/1.1 200 OK")).isEqualTo(3);
      int first = answers.indexOf("first");
      int stream = answers.indexOf("part 3");
      int third = answers.indexOf("third!");
      assertThat(first).isPositive().isLessThan(stream);
      assertThat(stream).isLessThan(third);
      assertThat(answers).contains("Connection: close");
    }
  }

  @Test
  void headAnswersWithTheLengthOfTheGetBodyButNoContent() throws IOException {
    try (RawClient raw = new RawClient(server.http())) {
      raw.send("HEAD /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
          + "HEAD /stream HTTP/1.1\r\nHost: a\r\n\r\n"
          + "GET /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
      String answers = raw.readUntilClosed();
      assertThat(RawClient.count(answers, "HTTP/1.1 200 OK")).isEqualTo(3);
      assertThat(answers).contains("Content-Length: 5\r\n").doesNotContain("hello").doesNotContain("part 1").endsWith("\r\n\r\nok");
    }
  }

  @Test
  void endlessChunkedBodyIsCutOffWith413() throws IOException {
    try (RawClient raw = new RawClient(server.http())) {
      raw.send("POST /count HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = "10000\r\n" + "x".repeat(0x10000) + "\r\n";
      try {
        for (int i = 0; i < 1100; i++) {
          raw.send(chunk);
        }
      } catch (IOException e) {
        // the server closed the connection while we were still sending: expected
      }
      assertThat(raw.readUntilClosed()).contains("HTTP/1.1 413 ");
    }
  }

  @Test
  void expectContinueGetsAnInterimResponseBeforeTheBody() throws IOException {
    try (RawClient raw = new RawClient(server.http())) {
      raw.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
      assertThat(raw.readUntil("\r\n\r\n", 1)).startsWith("HTTP/1.1 100 Continue\r\n");
      raw.send("body");
      assertThat(raw.readUntil("body", 1)).startsWith("HTTP/1.1 200 OK").endsWith("body");
    }
  }

  @Test
  void ambiguousFramingGets400AndTheConnectionCloses() throws IOException {
    try (RawClient raw = new RawClient(server.http())) {
      raw.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
          + "GET /echo HTTP/1.1\r\nHost: a\r\n\r\n");
      String answer = raw.readUntilClosed();
      assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Connection: close");
      assertThat(RawClient.count(answer, "HTTP/1.1 ")).as("the smuggled request is never answered").isEqualTo(1);
    }
  }

  @Test
  void oversizedHeadersGet431AndOversizedBodies413() throws IOException {
    try (RawClient raw = new RawClient(server.http())) {
      StringBuilder request = new StringBuilder("GET /echo HTTP/1.1\r\nHost: a\r\n");
      for (int i = 0; i < 101; i++) {
        request.append("X-H").append(i).append(": v\r\n");
      }
      raw.send(request.append("\r\n").toString());
      assertThat(raw.readUntilClosed()).startsWith("HTTP/1.1 431 ");
    }
    try (RawClient raw = new RawClient(server.http())) {
      raw.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + (65L * 1024 * 1024) + "\r\n\r\n");
      assertThat(raw.readUntilClosed()).startsWith("HTTP/1.1 413 ");
    }
  }

  @Test
  void slowlorisHeadersAreCutOffWith408WhileOtherClientsAreServed() throws Exception {
    try (RawClient slow = new RawClient(server.http())) {
      slow.send("GET /echo HTTP/1.1\r\n");
      for (int i = 0; i < 3; i++) {
        slow.send("X");
        Thread.sleep(100);
        assertThat(client.send(HttpRequest.newBuilder(https("/echo")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      }
      String answer = slow.readUntilClosed();
      assertThat(answer).startsWith("HTTP/1.1 408 ");
    }
  }

  @Test
  void tlsGarbageClosesTheConnectionAndTheServerServesOn() throws Exception {
    try (RawClient garbage = new RawClient(server.https())) {
      garbage.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(garbage.closedByServer()).isTrue();
    }
    assertThat(client.send(HttpRequest.newBuilder(https("/echo")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void aFullWorkerQueueAnswers503() throws Exception {
    // two workers and a queue of one: the fourth concurrent request cannot be taken
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    HttpClient separate = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 3; i++) {
      slow.add(separate.sendAsync(HttpRequest.newBuilder(http("/slow")).build(), HttpResponse.BodyHandlers.ofString()));
    }
    Thread.sleep(300);
    HttpResponse<String> rejected = separate.send(HttpRequest.newBuilder(http("/echo")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rejected.statusCode()).isEqualTo(503);
    assertThat(rejected.headers().firstValue("Retry-After")).contains("1");
    server.release.countDown();
    for (CompletableFuture<HttpResponse<String>> response : slow) {
      assertThat(response.get(5, TimeUnit.SECONDS).body()).isEqualTo("released");
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAtOnce(@TempDir Path otherDir) throws Exception {
    try (TestServer limited = new TestServer(otherDir, ServerSettings.loopback().withMaxConnections(2));
        RawClient first = new RawClient(limited.http());
        RawClient second = new RawClient(limited.http())) {
      // an answered keep-alive request proves the server holds both connections open
      for (RawClient open : List.of(first, second)) {
        open.send("GET /echo HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(open.readUntil("\r\n\r\n", 1)).startsWith("HTTP/1.1 200 OK");
      }
      try (RawClient third = new RawClient(limited.http())) {
        assertThat(third.closedByServer()).isTrue();
      }
      first.send("GET /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
      assertThat(first.readUntilClosed()).contains("HTTP/1.1 200 OK");
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

package io.convene.mapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopBufferException;
import io.convene.mapi.rop.RopEngine;
import io.convene.mapi.rop.RopSessionLimits;
import io.convene.mapi.rop.RopSessionState;
import io.convene.mapi.rpc.ExtendedBuffer;
import io.convene.mapi.rpc.ExtendedBufferLimits;
import io.convene.mapi.rpc.RpcHeaderExt;
import io.convene.mapi.testing.FakeExchange;
import io.convene.mapi.testing.MutableClock;
import io.convene.mapi.testing.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmsmdbHandlerTest {

  static final String ALICE_DN = LegacyDn.ofName("alice");
  static final Map<String, MapiUser> USERS =
      Map.of(
          "1", new MapiUser("1", "Alice Liddell", ALICE_DN),
          "2", new MapiUser("2", "Bob", LegacyDn.ofName("bob")));

  /** A ROP engine that answers with a function of the input and records what it was given. */
  static final class FakeEngine implements RopEngine {
    volatile Function<byte[], byte[]> answer = input -> "abc".repeat(100).getBytes(StandardCharsets.US_ASCII);
    final List<Integer> maxOutputs = new ArrayList<>();
    final AtomicInteger closed = new AtomicInteger();
    volatile CountDownLatch gate;

    @Override
    public RopSessionState newSession(String accountId) {
      return new RopSessionState(accountId, RopSessionLimits.DEFAULT);
    }

    @Override
    public byte[] execute(RopSessionState session, byte[] input, int maxOutput)
        throws RopBufferException {
      maxOutputs.add(maxOutput);
      if (gate != null) {
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (input.length == 1) {
        throw new RopBufferException(ErrorCodes.RPC_FORMAT, "one byte");
      }
      return answer.apply(input);
    }

    @Override
    public void close(RopSessionState session) {
      closed.incrementAndGet();
    }
  }

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final FakeEngine engine = new FakeEngine();
  final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  EmsmdbSettings settings = settings(Duration.ofSeconds(15), 2, Duration.ofMillis(50));
  EmsmdbHandler handler = newHandler();

  static EmsmdbSettings settings(Duration pending, int maxSessions, Duration notificationWait) {
    return new EmsmdbSettings(
        "Exchange/15.01.2507.000",
        LegacyDn.ADMINISTRATIVE_GROUP,
        pending,
        Duration.ofMinutes(15),
        maxSessions,
        notificationWait,
        Duration.ofMinutes(1),
        6,
        Duration.ofSeconds(10),
        new EmsmdbLimits(4096, 2048, 64, 256),
        0);
  }

  EmsmdbHandler newHandler() {
    return new EmsmdbHandler(
        settings, engine, id -> Optional.ofNullable(USERS.get(id)), ticker, clock);
  }

  @AfterEach
  void stopTicker() {
    ticker.shutdownNow();
  }

  // --- helpers -------------------------------------------------------------------------------

  static FakeExchange request(String type, String account) {
    return new FakeExchange("POST", "/mapi/emsmdb/")
        .header("X-RequestType", type)
        .header("X-RequestId", "{E2EA6C1C-E61B-49E9-9CFB-38184F907552}:1")
        .header("X-ClientInfo", "{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123")
        .header("X-ClientApplication", "Outlook/16.0.17928.20114")
        .header("Content-Type", "application/mapi-http")
        .user(account, "alice@example.org");
  }

  static byte[] connectBody(String userDn) {
    return new LittleEndianWriter()
        .asciiz(userDn)
        .u32(0)
        .u32(1252)
        .u32(0x409)
        .u32(0x409)
        .u32(0)
        .toByteArray();
  }

  static byte[] executeBody(byte[] ropBuffer, long flags, long maxRopOut) {
    return new LittleEndianWriter()
        .u32(flags)
        .u32(ropBuffer.length)
        .bytes(ropBuffer)
        .u32(maxRopOut)
        .u32(0)
        .toByteArray();
  }

  record Cookie(String context, String sequence) {}

  static Cookie cookies(FakeExchange exchange) {
    String context = null;
    String sequence = null;
    for (String header : exchange.responseHeaders("Set-Cookie")) {
      String pair = header.split(";")[0];
      if (pair.startsWith("MapiContext=")) {
        context = pair.substring("MapiContext=".length());
      } else if (pair.startsWith("MapiSequence=")) {
        sequence = pair.substring("MapiSequence=".length());
      }
    }
    return new Cookie(context, sequence);
  }

  static FakeExchange withCookies(FakeExchange exchange, Cookie cookie) {
    return exchange.header("Cookie", "MapiContext=" + cookie.context() + "; MapiSequence=" + cookie.sequence());
  }

  /** The binary response body after "DONE\r\n" and the additional headers. */
  static byte[] responseBody(FakeExchange exchange) {
    byte[] all = exchange.body();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int done = text.indexOf("DONE\r\n");
    assertThat(done).as("DONE meta-tag").isGreaterThanOrEqualTo(0);
    int blank = text.indexOf("\r\n\r\n", done);
    return Arrays.copyOfRange(all, blank + 4, all.length);
  }

  static int responseCode(FakeExchange exchange) {
    return Integer.parseInt(exchange.responseHeader("X-ResponseCode").orElseThrow());
  }

  FakeExchange connect(String account) throws Exception {
    FakeExchange exchange = request("Connect", account).body(connectBody(USERS.get(account).legacyDn()));
    handler.handle(exchange);
    assertThat(responseCode(exchange)).isZero();
    return exchange;
  }

  FakeExchange execute(Cookie cookie, byte[] body) throws Exception {
    FakeExchange exchange = withCookies(request("Execute", "1"), cookie).body(body);
    handler.handle(exchange);
    return exchange;
  }

  // --- Connect -------------------------------------------------------------------------------

  @Test
  void connectAnswersTheDocumentedFieldsInProcessingDoneFraming() throws Exception {
    FakeExchange exchange = connect("1");
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.contentType()).isEqualTo("application/mapi-http");
    assertThat(exchange.responseHeader("X-RequestType")).contains("Connect");
    assertThat(exchange.responseHeader("X-RequestId")).contains("{E2EA6C1C-E61B-49E9-9CFB-38184F907552}:1");
    assertThat(exchange.responseHeader("X-ClientInfo")).contains("{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123");
    assertThat(exchange.responseHeader("X-ServerApplication")).contains("Exchange/15.01.2507.000");
    assertThat(exchange.responseHeader("X-PendingPeriod")).contains("15000");
    assertThat(exchange.responseHeader("X-ExpirationInfo")).contains("900000");
    assertThat(cookies(exchange).context()).matches("[0-9a-f]{32}");
    assertThat(cookies(exchange).sequence()).matches("[0-9a-f]{32}");
    assertThat(exchange.responseHeaders("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("HttpOnly", "Secure"));

    List<byte[]> parts = exchange.parts();
    assertThat(parts.get(0)).isEqualTo("PROCESSING\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(new String(parts.get(parts.size() - 1), StandardCharsets.ISO_8859_1))
        .startsWith("DONE\r\nX-ElapsedTime: 0\r\nX-StartTime: Sun, 1 Mar 2026 10:00:00 GMT\r\n\r\n");
    assertThat(exchange.closed()).isTrue();

    LittleEndianReader body = new LittleEndianReader(responseBody(exchange));
    assertThat(body.u32("StatusCode")).isZero();
    assertThat(body.u32("ErrorCode")).isZero();
    assertThat(body.u32("MaxPollingInterval")).isEqualTo(60_000);
    assertThat(body.u32("MaxRetryCount")).isEqualTo(6);
    assertThat(body.u32("RetryInterval")).isEqualTo(10_000);
    assertThat(body.asciiz(256, "DnPrefix")).isEqualTo(LegacyDn.ADMINISTRATIVE_GROUP);
    byte[] name = "Alice Liddell".getBytes(StandardCharsets.UTF_16LE);
    assertThat(body.bytes(name.length, "DisplayName")).isEqualTo(name);
    assertThat(body.u16("NUL")).isZero();
    assertThat(body.u32("AuxiliaryBufferSize")).isZero();
    assertThat(body.hasRemaining()).isFalse();
  }

  @Test
  void connectWithAnotherUsersDnFailsInTheBody() throws Exception {
    FakeExchange exchange = request("Connect", "1").body(connectBody(LegacyDn.ofName("bob")));
    handler.handle(exchange);
    assertThat(responseCode(exchange)).isZero();
    LittleEndianReader body = new LittleEndianReader(responseBody(exchange));
    body.u32("StatusCode");
    assertThat(body.u32("ErrorCode")).isEqualTo(ErrorCodes.UNKNOWN_USER);
    assertThat(exchange.responseHeaders("Set-Cookie")).isEmpty();
    assertThat(handler.sessionCount()).isZero();
  }

  @Test
  void requestTypeIsCaseInsensitive() throws Exception {
    FakeExchange exchange = request("cOnNeCt", "1").body(connectBody(ALICE_DN));
    handler.handle(exchange);
    assertThat(responseCode(exchange)).isZero();
    assertThat(exchange.responseHeader("X-RequestType")).contains("Connect");
  }

  @Test
  void transportErrorsCarryTheirResponseCode() throws Exception {
    assertCode(new FakeExchange("GET", "/mapi/emsmdb/").header("X-RequestType", "Connect").user("1", "a"), 2);
    assertCode(new FakeExchange("POST", "/mapi/emsmdb/other").user("1", "a"), 3);
    assertCode(request("Bind", "1"), 5);
    assertCode(new FakeExchange("POST", "/mapi/emsmdb/").header("X-RequestId", "1").user("1", "a"), 7);
    assertCode(new FakeExchange("POST", "/mapi/emsmdb/").header("X-RequestType", "Connect").user("1", "a"), 7);
    assertCode(request("Connect", "1").body(new byte[5000]), 9);
    assertCode(request("Connect", "1").body(new byte[] {'x'}), 12);
    byte[] execute = executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000);
    assertCode(request("Execute", "1").body(execute), 13);
  }

  private void assertCode(FakeExchange exchange, int code) throws Exception {
    handler.handle(exchange);
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(responseCode(exchange)).isEqualTo(code);
    assertThat(exchange.contentType()).startsWith("text/html");
    assertThat(new String(exchange.body(), StandardCharsets.UTF_8)).contains("X-ResponseCode " + code);
  }

  // --- Execute -------------------------------------------------------------------------------

  @Test
  void executeRunsTheRopBufferAndMirrorsCompressionAndObfuscation() throws Exception {
    Cookie cookie = cookies(connect("1"));
    byte[] rops = {3, 0, 1};
    byte[] chain = ExtendedBuffer.encode(List.of(rops), false, true);
    FakeExchange exchange = execute(cookie, executeBody(chain, 0, 0x10000));
    assertThat(responseCode(exchange)).isZero();
    Cookie next = cookies(exchange);
    assertThat(next.context()).isEqualTo(cookie.context());
    assertThat(next.sequence()).isNotEqualTo(cookie.sequence());

    LittleEndianReader body = new LittleEndianReader(responseBody(exchange));
    assertThat(body.u32("StatusCode")).isZero();
    assertThat(body.u32("ErrorCode")).isZero();
    assertThat(body.u32("Flags")).isZero();
    byte[] out = body.bytes((int) body.u32("RopBufferSize"), "RopBuffer");
    assertThat(body.u32("AuxiliaryBufferSize")).isZero();
    // the request was obfuscated, not compressed: the answer is obfuscated, not compressed
    assertThat(new LittleEndianReader(out).u16("Version")).isZero();
    assertThat(out[2]).isEqualTo((byte) (RpcHeaderExt.XOR_MAGIC | RpcHeaderExt.LAST));
    assertThat(ExtendedBuffer.decode(out, ExtendedBufferLimits.DEFAULT).payloads())
        .singleElement()
        .isEqualTo("abc".repeat(100).getBytes(StandardCharsets.US_ASCII));
    assertThat(engine.maxOutputs).containsExactly(0x8000);

    // compressed + obfuscated request, but the client forbids XOR in Flags (NoXorMagic)
    byte[] both = ExtendedBuffer.encode(List.of("abc".repeat(100).getBytes(StandardCharsets.US_ASCII)), true, true);
    FakeExchange second = execute(next, executeBody(both, 0x2, 300));
    LittleEndianReader body2 = new LittleEndianReader(responseBody(second));
    body2.skip(12, "StatusCode ErrorCode Flags");
    byte[] out2 = body2.bytes((int) body2.u32("RopBufferSize"), "RopBuffer");
    assertThat(out2[2]).isEqualTo((byte) (RpcHeaderExt.COMPRESSED | RpcHeaderExt.LAST));
    assertThat(engine.maxOutputs).containsExactly(0x8000, 300 - 8);
  }

  @Test
  void badRopBuffersAreRpcErrorsAndTheSessionLivesOn() throws Exception {
    Cookie cookie = cookies(connect("1"));
    FakeExchange corrupt = execute(cookie, executeBody(SpecFixtures.parseHex("00 00 05 00 02 00 09 00 ff ff"), 0, 0x8000));
    assertThat(responseCode(corrupt)).isZero();
    LittleEndianReader body = new LittleEndianReader(responseBody(corrupt));
    body.u32("StatusCode");
    assertThat(body.u32("ErrorCode")).isEqualTo(ErrorCodes.RPC_FORMAT);

    Cookie next = cookies(corrupt);
    FakeExchange refused = execute(next, executeBody(ExtendedBuffer.encode(List.of(new byte[] {1}), false, false), 0, 0x8000));
    LittleEndianReader refusedBody = new LittleEndianReader(responseBody(refused));
    refusedBody.u32("StatusCode");
    assertThat(refusedBody.u32("ErrorCode")).isEqualTo(ErrorCodes.RPC_FORMAT);

    FakeExchange fine = execute(cookies(refused), executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000));
    LittleEndianReader fineBody = new LittleEndianReader(responseBody(fine));
    fineBody.u32("StatusCode");
    assertThat(fineBody.u32("ErrorCode")).isZero();
  }

  @Test
  void executeBodyThatLiesIsAnInvalidRequestBody() throws Exception {
    Cookie cookie = cookies(connect("1"));
    byte[] lying = new LittleEndianWriter().u32(0).u32(1000).bytes(new byte[10]).toByteArray();
    assertThat(responseCode(execute(cookie, lying))).isEqualTo(12);
    // the refused request did not use up the sequence cookie
    byte[] fine = executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000);
    assertThat(responseCode(execute(cookie, fine))).isZero();
  }

  // --- cookies and sequencing ----------------------------------------------------------------

  @Test
  void sequenceCookieRejectsReplaysAndStaleValues() throws Exception {
    Cookie cookie = cookies(connect("1"));
    byte[] body = executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000);
    FakeExchange first = execute(cookie, body);
    assertThat(responseCode(first)).isZero();
    // the same sequence again is a replay
    assertThat(responseCode(execute(cookie, body))).isEqualTo(14);
    // the current one still works
    assertThat(responseCode(execute(cookies(first), body))).isZero();
  }

  @Test
  void contextCookieProblemsHaveTheirOwnCodes() throws Exception {
    Cookie cookie = cookies(connect("1"));
    byte[] body = executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000);
    assertThat(responseCode(execute(new Cookie("not-ours", cookie.sequence()), body))).isEqualTo(6);
    assertThat(responseCode(execute(new Cookie("0".repeat(32), cookie.sequence()), body))).isEqualTo(10);
    FakeExchange noSequence = request("Execute", "1").header("Cookie", "MapiContext=" + cookie.context()).body(body);
    handler.handle(noSequence);
    assertThat(responseCode(noSequence)).isEqualTo(13);
    FakeExchange bob = withCookies(request("Execute", "2"), cookie).body(body);
    handler.handle(bob);
    assertThat(responseCode(bob)).isEqualTo(11);
  }

  @Test
  void idleSessionsExpire() throws Exception {
    Cookie cookie = cookies(connect("1"));
    byte[] body = executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000);
    clock.advance(Duration.ofMinutes(14));
    FakeExchange used = execute(cookie, body);
    assertThat(responseCode(used)).isZero();
    clock.advance(Duration.ofMinutes(14));
    assertThat(handler.sweepExpiredSessions()).isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(handler.sweepExpiredSessions()).isEqualTo(1);
    assertThat(engine.closed).hasValue(1);
    assertThat(responseCode(execute(cookies(used), body))).isEqualTo(10);
  }

  @Test
  void sessionsPerUserAreBounded() throws Exception {
    Cookie first = cookies(connect("1"));
    clock.advance(Duration.ofSeconds(1));
    Cookie second = cookies(connect("1"));
    clock.advance(Duration.ofSeconds(1));
    Cookie third = cookies(connect("1"));
    connect("2");
    assertThat(handler.sessionCount()).isEqualTo(3);
    assertThat(engine.closed).hasValue(1);
    byte[] body = executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000);
    assertThat(responseCode(execute(first, body))).isEqualTo(10);
    assertThat(responseCode(execute(second, body))).isZero();
    assertThat(responseCode(execute(third, body))).isZero();
  }

  @Test
  void disconnectEndsTheSession() throws Exception {
    Cookie cookie = cookies(connect("1"));
    FakeExchange disconnect = withCookies(request("Disconnect", "1"), cookie).body(new byte[4]);
    handler.handle(disconnect);
    assertThat(responseCode(disconnect)).isZero();
    LittleEndianReader body = new LittleEndianReader(responseBody(disconnect));
    assertThat(body.u32("StatusCode")).isZero();
    assertThat(body.u32("ErrorCode")).isZero();
    assertThat(body.u32("AuxiliaryBufferSize")).isZero();
    assertThat(engine.closed).hasValue(1);
    assertThat(handler.sessionCount()).isZero();
  }

  @Test
  void reconnectWithALiveContextReplacesIt() throws Exception {
    Cookie old = cookies(connect("1"));
    FakeExchange again = withCookies(request("Connect", "1"), old).body(connectBody(ALICE_DN));
    handler.handle(again);
    assertThat(responseCode(again)).isZero();
    assertThat(cookies(again).context()).isNotEqualTo(old.context());
    assertThat(handler.sessionCount()).isEqualTo(1);
  }

  // --- framing -------------------------------------------------------------------------------

  @Test
  void slowRequestsSendPendingKeepAlives() throws Exception {
    settings = settings(Duration.ofMillis(5), 2, Duration.ofMillis(50));
    handler = newHandler();
    Cookie cookie = cookies(connect("1"));
    engine.gate = new CountDownLatch(1);
    FakeExchange exchange =
        withCookies(request("Execute", "1"), cookie)
            .body(executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000));
    Thread worker = new Thread(() -> {
      try {
        handler.handle(exchange);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    worker.start();
    exchange.awaitParts(3);
    engine.gate.countDown();
    worker.join(10_000);
    List<byte[]> parts = exchange.parts();
    assertThat(parts.get(0)).isEqualTo("PROCESSING\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(parts.get(1)).isEqualTo("PENDING\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(parts.get(2)).isEqualTo("PENDING\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(new String(parts.get(parts.size() - 1), StandardCharsets.ISO_8859_1)).startsWith("DONE\r\n");
    assertThat(exchange.closed()).isTrue();
  }

  @Test
  void executesBeyondTheConfiguredConcurrencyWaitTheirTurn() throws Exception {
    settings = new EmsmdbSettings(settings.serverApplication(), settings.dnPrefix(), settings.pendingPeriod(),
        settings.sessionIdleTimeout(), settings.maxSessionsPerUser(), settings.notificationWait(),
        settings.maxPollingInterval(), settings.retryCount(), settings.retryDelay(), settings.limits(), 1);
    handler = newHandler();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    engine.answer = input -> {
      mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
      return new byte[] {2, 0};
    };
    List<FakeExchange> exchanges = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (String account : List.of("1", "2")) {
      FakeExchange exchange = withCookies(request("Execute", account), cookies(connect(account)))
          .body(executeBody(ExtendedBuffer.encode(List.of(new byte[] {2, 0}), false, false), 0, 0x8000));
      exchanges.add(exchange);
      Thread worker = new Thread(() -> {
        try {
          handler.handle(exchange);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      workers.add(worker);
      worker.start();
    }
    // both requests are under way (PROCESSING sent) while only one may run its ROPs
    for (FakeExchange exchange : exchanges) {
      exchange.awaitParts(1);
    }
    Thread.sleep(200);
    assertThat(inside).hasValue(1);
    release.countDown();
    for (Thread worker : workers) {
      worker.join(10_000);
    }
    assertThat(mostInside).hasValue(1);
    for (FakeExchange exchange : exchanges) {
      assertThat(responseCode(exchange)).isZero();
    }
  }

  @Test
  void metaTagPartsMatchTheChunksOfTheSpecExample() throws Exception {
    // MS-OXCMAPIHTTP 4.2 shows each meta-tag as its own chunk: "C" PROCESSING and "9" PENDING.
    String spec = SpecFixtures.text("ms-oxcmapihttp/4.2-execute-meta-tag-chunks.txt");
    List<String> chunks = spec.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    assertThat(chunks).containsExactly("C PROCESSING", "9 PENDING");
    assertThat(Integer.toHexString(ResponseFramer.PROCESSING.length).toUpperCase()).isEqualTo("C");
    assertThat(new String(ResponseFramer.PROCESSING, StandardCharsets.US_ASCII)).isEqualTo("PROCESSING\r\n");
    assertThat(Integer.toHexString(ResponseFramer.PENDING.length)).isEqualTo("9");
    assertThat(new String(ResponseFramer.PENDING, StandardCharsets.US_ASCII)).isEqualTo("PENDING\r\n");
  }

  // --- NotificationWait and PING -------------------------------------------------------------

  @Test
  void notificationWaitReportsAnEventOrTimesOut() throws Exception {
    Cookie cookie = cookies(connect("1"));
    FakeExchange quiet = withCookies(request("NotificationWait", "1"), cookie).body(new byte[8]);
    handler.handle(quiet);
    LittleEndianReader body = new LittleEndianReader(responseBody(quiet));
    body.skip(8, "StatusCode ErrorCode");
    assertThat(body.u32("EventPending")).isZero();

    assertThat(handler.signalEvent(cookie.context())).isTrue();
    FakeExchange woken = withCookies(request("notificationwait", "1"), cookie).body(new byte[8]);
    handler.handle(woken);
    LittleEndianReader body2 = new LittleEndianReader(responseBody(woken));
    body2.skip(8, "StatusCode ErrorCode");
    assertThat(body2.u32("EventPending")).isEqualTo(1);
  }

  @Test
  void pingAnswersWithMetaTagsOnly() throws Exception {
    FakeExchange ping = request("PING", "1");
    handler.handle(ping);
    assertThat(responseCode(ping)).isZero();
    assertThat(ping.streamed()).isFalse();
    assertThat(new String(ping.body(), StandardCharsets.US_ASCII))
        .startsWith("PROCESSING\r\nDONE\r\nX-ElapsedTime: ")
        .endsWith("\r\n\r\n");
  }

  @Test
  void nspiAnswersEndpointDisabledUntilItsHandlerArrives() throws Exception {
    NspiHandler nspi = new NspiHandler(Optional::empty, "Exchange/15.01.2507.000");
    FakeExchange bind = new FakeExchange("POST", "/mapi/nspi/").header("X-RequestType", "Bind").user("1", "a");
    nspi.handle(bind);
    assertThat(responseCode(bind)).isEqualTo(15);
  }
}

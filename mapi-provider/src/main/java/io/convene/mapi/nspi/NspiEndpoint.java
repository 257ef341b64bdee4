package io.convene.mapi.nspi;

import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.HttpEndpoint;
import io.convene.api.net.HttpExchange;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.http.Cookies;
import io.convene.mapi.http.EmsmdbHandler;
import io.convene.mapi.http.EmsmdbSettings;
import io.convene.mapi.http.MapiHttpException;
import io.convene.mapi.http.MapiRequests;
import io.convene.mapi.http.MapiSession;
import io.convene.mapi.http.ResponseCode;
import io.convene.mapi.http.ResponseFramer;
import io.convene.mapi.http.SessionRegistry;
import io.convene.mapi.nspi.wire.NspiLimits;
import io.convene.mapi.nspi.wire.NspiRequest;
import io.convene.mapi.nspi.wire.NspiRequestDecoder;
import io.convene.mapi.nspi.wire.NspiRequestType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The address book endpoint {@code /mapi/nspi/} (MS-OXCMAPIHTTP 2.2.5, 3.2): the common request
 * headers, the session context and sequence cookies (Bind creates the context, Unbind ends it, every
 * other request but PING presents and advances the sequence), PROCESSING / PENDING... / DONE
 * framing, and the {@link NspiService} behind it. A body that does not decode is X-ResponseCode 12
 * and leaves the client's cookies valid; transport failures are logged once at WARN with the
 * request id.
 */
public final class NspiEndpoint implements HttpEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(NspiEndpoint.class);
  static final String CONTENT_TYPE = "application/mapi-http";
  static final String COOKIE_PATH = "/mapi/nspi";

  private final EmsmdbSettings settings;
  private final NspiService service;
  private final NspiRequestDecoder decoder;
  /** An NSPI session holds no server objects, so ending one frees only its entry. */
  private final SessionRegistry<MapiSession> sessions;
  private final ScheduledExecutorService ticker;
  private final Clock clock;

  public NspiEndpoint(
      EmsmdbSettings settings, NspiService service, NspiLimits limits, ScheduledExecutorService ticker, Clock clock) {
    this.settings = settings;
    this.service = service;
    this.decoder = new NspiRequestDecoder(limits);
    this.ticker = ticker;
    this.clock = clock;
    this.sessions =
        new SessionRegistry<>("NSPI", clock, settings.sessionIdleTimeout(), settings.maxSessionsPerUser(), session -> {});
  }

  /** Removes idle sessions; the component schedules it. */
  public int sweepExpiredSessions() {
    return sessions.sweep();
  }

  public void closeAllSessions() {
    sessions.closeAll();
  }

  int sessionCount() {
    return sessions.size();
  }

  private record Call(
      HttpExchange exchange, NspiRequestType type, String requestId, long accountId, Cookies cookies, byte[] body, Instant start) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Instant start = clock.instant();
    String requestId = exchange.requestHeader("X-RequestId").orElse("");
    String typeName = exchange.requestHeader("X-RequestType").orElse("");
    try {
      Call call = accept(exchange, start);
      switch (call.type()) {
        case PING -> ping(call);
        case BIND -> bind(call);
        default -> sequenced(call);
      }
    } catch (MapiHttpException e) {
      LOG.warn(
          "NSPI {} request {} from {} refused with X-ResponseCode {}: {}",
          MapiRequests.sanitize(typeName),
          MapiRequests.sanitize(requestId),
          exchange.remoteAddress().getHostString(),
          e.responseCode().code(),
          e.getMessage());
      fail(exchange, typeName, requestId, e.responseCode());
    }
  }

  private Call accept(HttpExchange exchange, Instant start) throws MapiHttpException, IOException {
    if (!exchange.path().equals(COOKIE_PATH) && !exchange.path().equals(COOKIE_PATH + "/")) {
      throw new MapiHttpException(ResponseCode.INVALID_PATH, exchange.path());
    }
    if (!exchange.method().equals("POST")) {
      throw new MapiHttpException(ResponseCode.INVALID_VERB, exchange.method());
    }
    String typeName =
        exchange.requestHeader("X-RequestType")
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_HEADER, "X-RequestType"));
    NspiRequestType type =
        NspiRequestType.parse(typeName)
            .orElseThrow(() -> new MapiHttpException(ResponseCode.INVALID_REQUEST_TYPE, typeName));
    String requestId =
        exchange.requestHeader("X-RequestId")
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_HEADER, "X-RequestId"));
    AuthenticatedUser user =
        exchange.user().orElseThrow(() -> new MapiHttpException(ResponseCode.ANONYMOUS_NOT_ALLOWED, "no user"));
    long accountId;
    try {
      accountId = Long.parseLong(user.accountId());
    } catch (NumberFormatException e) {
      throw new MapiHttpException(ResponseCode.NO_PRIVILEGE, "account id " + user.accountId() + " is not a directory id");
    }
    byte[] body = MapiRequests.readBody(exchange.requestBody(), settings.limits().maxBody());
    return new Call(exchange, type, requestId, accountId, Cookies.parse(exchange.requestHeaders("Cookie")), body, start);
  }

  private NspiRequest decode(Call call) throws MapiHttpException {
    try {
      return decoder.decode(call.type(), call.body());
    } catch (WireFormatException e) {
      throw new MapiHttpException(ResponseCode.INVALID_REQUEST_BODY, e.getMessage());
    }
  }

  private void bind(Call call) throws MapiHttpException, IOException {
    NspiRequest request = decode(call);
    // A Bind with a live context of the same account replaces it (MS-OXCMAPIHTTP 3.2.5.1).
    Optional<String> old = call.cookies().get(Cookies.CONTEXT);
    String accountId = Long.toString(call.accountId());
    if (old.isPresent() && SessionRegistry.TOKEN.matcher(old.get()).matches()) {
      sessions.find(old.get()).filter(s -> s.accountId().equals(accountId)).ifPresent(sessions::remove);
    }
    MapiSession session = sessions.create(accountId, (context, sequence, now) -> new MapiSession(context, accountId, sequence, now));
    byte[] body = service.answer(call.accountId(), call.requestId(), request);
    // A refused Bind (anonymous, a bad STAT) leaves no session behind and sets no cookies.
    // The ErrorCode follows the StatusCode, little-endian (MS-OXCMAPIHTTP 2.2.5.1.2).
    int errorCode = (body[4] & 0xff) | (body[5] & 0xff) << 8 | (body[6] & 0xff) << 16 | (body[7] & 0xff) << 24;
    if (errorCode != 0) {
      sessions.remove(session);
      session = null;
    }
    respond(call, session, () -> body);
  }

  private void sequenced(Call call) throws MapiHttpException, IOException {
    // Decode before the sequence moves on: a refused body must leave the client's cookie valid.
    NspiRequest request = decode(call);
    MapiSession session = contextSession(call);
    String presented =
        call.cookies().get(Cookies.SEQUENCE)
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_COOKIE, Cookies.SEQUENCE));
    if (!session.advance(presented, sessions.newToken())) {
      throw new MapiHttpException(ResponseCode.INVALID_SEQUENCE, "stale or replayed sequence cookie");
    }
    if (call.type() == NspiRequestType.UNBIND) {
      sessions.remove(session);
      respond(call, null, () -> service.answer(call.accountId(), call.requestId(), request));
      return;
    }
    respond(call, session, () -> service.answer(call.accountId(), call.requestId(), request));
  }

  private void ping(Call call) throws MapiHttpException, IOException {
    MapiSession session = call.cookies().get(Cookies.CONTEXT).isPresent() ? contextSession(call) : null;
    commonHeaders(call, session);
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    meta.writeBytes(ResponseFramer.PROCESSING);
    meta.writeBytes(ResponseFramer.DONE);
    meta.writeBytes(ResponseFramer.additionalHeaders(call.start(), clock.instant()).getBytes(StandardCharsets.US_ASCII));
    call.exchange().respond(200, CONTENT_TYPE, meta.toByteArray());
  }

  private MapiSession contextSession(Call call) throws MapiHttpException {
    String cookie =
        call.cookies().get(Cookies.CONTEXT)
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_COOKIE, Cookies.CONTEXT));
    if (!SessionRegistry.TOKEN.matcher(cookie).matches()) {
      throw new MapiHttpException(ResponseCode.INVALID_CONTEXT_COOKIE, "malformed context cookie");
    }
    MapiSession session =
        sessions.find(cookie).orElseThrow(() -> new MapiHttpException(ResponseCode.CONTEXT_NOT_FOUND, "unknown or expired"));
    if (!session.accountId().equals(Long.toString(call.accountId()))) {
      throw new MapiHttpException(ResponseCode.NO_PRIVILEGE, "session belongs to account " + session.accountId());
    }
    session.touch(clock.instant());
    return session;
  }

  @FunctionalInterface
  private interface Work {
    byte[] run();
  }

  private void respond(Call call, MapiSession session, Work work) throws IOException {
    commonHeaders(call, session);
    ResponseFramer.run(
        call.exchange().streamResponse(200, CONTENT_TYPE), clock, call.start(), ticker, settings.pendingPeriod(), work::run);
  }

  private void commonHeaders(Call call, MapiSession session) {
    HttpExchange exchange = call.exchange();
    exchange.addResponseHeader("Cache-Control", "private");
    exchange.addResponseHeader("X-RequestType", call.type().wireName());
    exchange.addResponseHeader("X-RequestId", MapiRequests.sanitize(call.requestId()));
    exchange.requestHeader("X-ClientInfo").ifPresent(v -> exchange.addResponseHeader("X-ClientInfo", MapiRequests.sanitize(v)));
    exchange.addResponseHeader("X-ResponseCode", "0");
    exchange.addResponseHeader("X-ServerApplication", settings.serverApplication());
    exchange.addResponseHeader("X-PendingPeriod", Long.toString(settings.pendingPeriod().toMillis()));
    if (session != null) {
      exchange.addResponseHeader("X-ExpirationInfo", Long.toString(sessions.idleTimeout().toMillis()));
      String attributes = "; path=" + COOKIE_PATH + "; HttpOnly" + (exchange.secure() ? "; Secure" : "");
      exchange.addResponseHeader("Set-Cookie", Cookies.CONTEXT + "=" + session.contextCookie() + attributes);
      exchange.addResponseHeader("Set-Cookie", Cookies.SEQUENCE + "=" + session.sequence() + attributes);
    }
  }

  private void fail(HttpExchange exchange, String typeName, String requestId, ResponseCode code) throws IOException {
    exchange.addResponseHeader("Cache-Control", "private");
    if (!typeName.isEmpty()) {
      exchange.addResponseHeader("X-RequestType", MapiRequests.sanitize(typeName));
    }
    if (!requestId.isEmpty()) {
      exchange.addResponseHeader("X-RequestId", MapiRequests.sanitize(requestId));
    }
    exchange.addResponseHeader("X-ResponseCode", Integer.toString(code.code()));
    exchange.addResponseHeader("X-ServerApplication", settings.serverApplication());
    exchange.respond(200, "text/html; charset=utf-8", EmsmdbHandler.diagnosticPage(code));
  }
}

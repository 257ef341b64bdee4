package io.convene.mapi.http;

import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.HttpEndpoint;
import io.convene.api.net.HttpExchange;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.http.EmsmdbBodies.ConnectRequest;
import io.convene.mapi.http.EmsmdbBodies.ConnectResponse;
import io.convene.mapi.http.EmsmdbBodies.ExecuteRequest;
import io.convene.mapi.http.EmsmdbBodies.ExecuteResponse;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopBufferException;
import io.convene.mapi.rop.RopEngine;
import io.convene.mapi.rpc.ExtendedBuffer;
import io.convene.mapi.rpc.ExtendedBufferLimits;
import io.convene.mapi.rpc.RpcHeaderExt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox server endpoint {@code /mapi/emsmdb/} (MS-OXCMAPIHTTP 2.2.4, 3.2): checks the common
 * request headers, the session context and sequence cookies, runs Connect, Execute, Disconnect,
 * NotificationWait and PING, and frames the answer as PROCESSING / PENDING... / DONE. Transport
 * failures are answered with HTTP 200, a non-zero X-ResponseCode and a short diagnostic page, logged
 * once at WARN with the request id.
 */
public final class EmsmdbHandler implements HttpEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(EmsmdbHandler.class);
  static final String CONTENT_TYPE = "application/mapi-http";
  /** MS-OXCRPC 3.1.4.2.1.1.2: one rgbOut payload carries at most 32 KiB of ROP output. */
  static final int MAX_ROP_OUT_PAYLOAD = 0x8000;

  private final EmsmdbSettings settings;
  private final SessionRegistry<EmsmdbSession> sessions;
  private final RopEngine engine;
  private final UserResolver users;
  private final ScheduledExecutorService ticker;
  private final Clock clock;
  private final ExecuteGate executeGate;

  public EmsmdbHandler(
      EmsmdbSettings settings,
      RopEngine engine,
      UserResolver users,
      ScheduledExecutorService ticker,
      Clock clock) {
    this.settings = settings;
    this.engine = engine;
    this.users = users;
    this.ticker = ticker;
    this.clock = clock;
    this.executeGate =
        new ExecuteGate(settings.concurrentExecutes() > 0 ? settings.concurrentExecutes() : ExecuteGate.defaultConcurrency());
    this.sessions =
        new SessionRegistry<>(
            "MAPI/HTTP",
            clock,
            settings.sessionIdleTimeout(),
            settings.maxSessionsPerUser(),
            session -> session.close(engine::close));
  }

  /** Removes idle sessions; the component schedules it. */
  public int sweepExpiredSessions() {
    return sessions.sweep();
  }

  /** Ends every session, when the endpoint goes away. */
  public void closeAllSessions() {
    sessions.closeAll();
  }

  int sessionCount() {
    return sessions.size();
  }

  /** Wakes the NotificationWait of the session with this cookie (the notification seam). */
  public boolean signalEvent(String contextCookie) {
    Optional<EmsmdbSession> session = sessions.find(contextCookie);
    session.ifPresent(EmsmdbSession::signalEvent);
    return session.isPresent();
  }

  /** What a request carries before its type-specific work. */
  private record Call(
      HttpExchange exchange,
      RequestType type,
      String requestId,
      AuthenticatedUser user,
      Cookies cookies,
      byte[] body,
      Instant start) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Instant start = clock.instant();
    String requestId = exchange.requestHeader("X-RequestId").orElse("");
    String typeName = exchange.requestHeader("X-RequestType").orElse("");
    try {
      Call call = accept(exchange, start);
      switch (call.type()) {
        case CONNECT -> connect(call);
        case EXECUTE -> execute(call);
        case DISCONNECT -> disconnect(call);
        case NOTIFICATION_WAIT -> notificationWait(call);
        case PING -> ping(call);
      }
    } catch (MapiHttpException e) {
      LOG.warn(
          "MAPI/HTTP {} request {} from {} refused with X-ResponseCode {}: {}",
          typeName,
          requestId,
          exchange.remoteAddress().getHostString(),
          e.responseCode().code(),
          e.getMessage());
      fail(exchange, typeName, requestId, e.responseCode());
    }
  }

  private Call accept(HttpExchange exchange, Instant start) throws MapiHttpException, IOException {
    if (!exchange.path().equals("/mapi/emsmdb") && !exchange.path().equals("/mapi/emsmdb/")) {
      throw new MapiHttpException(ResponseCode.INVALID_PATH, exchange.path());
    }
    if (!exchange.method().equals("POST")) {
      throw new MapiHttpException(ResponseCode.INVALID_VERB, exchange.method());
    }
    String typeName =
        exchange
            .requestHeader("X-RequestType")
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_HEADER, "X-RequestType"));
    RequestType type =
        RequestType.parse(typeName)
            .orElseThrow(() -> new MapiHttpException(ResponseCode.INVALID_REQUEST_TYPE, typeName));
    String requestId =
        exchange
            .requestHeader("X-RequestId")
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_HEADER, "X-RequestId"));
    AuthenticatedUser user =
        exchange
            .user()
            .orElseThrow(() -> new MapiHttpException(ResponseCode.ANONYMOUS_NOT_ALLOWED, "no user"));
    byte[] body = MapiRequests.readBody(exchange.requestBody(), settings.limits().maxBody());
    Cookies cookies = Cookies.parse(exchange.requestHeaders("Cookie"));
    return new Call(exchange, type, requestId, user, cookies, body, start);
  }

  // --- request types -------------------------------------------------------------------------

  private void connect(Call call) throws MapiHttpException, IOException {
    ConnectRequest request;
    try {
      request = EmsmdbBodies.decodeConnect(call.body(), settings.limits());
    } catch (WireFormatException e) {
      throw new MapiHttpException(ResponseCode.INVALID_REQUEST_BODY, e.getMessage());
    }
    // A Connect with a live context of the same user replaces it (MS-OXCMAPIHTTP 3.2.5.1).
    Optional<String> oldCookie = call.cookies().get(Cookies.CONTEXT);
    if (oldCookie.isPresent() && SessionRegistry.TOKEN.matcher(oldCookie.get()).matches()) {
      sessions
          .find(oldCookie.get())
          .filter(old -> old.accountId().equals(call.user().accountId()))
          .ifPresent(sessions::remove);
    }
    Optional<MapiUser> user = users.resolve(call.user().accountId());
    if (user.isEmpty() || !user.get().legacyDn().equalsIgnoreCase(request.userDn())) {
      LOG.warn(
          "MAPI/HTTP Connect {}: UserDn {} is not the DN of account {}",
          call.requestId(),
          request.userDn(),
          call.user().accountId());
      byte[] body =
          EmsmdbBodies.encode(
              new ConnectResponse(ErrorCodes.UNKNOWN_USER, 0, 0, 0, "", "", new byte[0]));
      respond(call, null, () -> body);
      return;
    }
    String accountId = call.user().accountId();
    EmsmdbSession session =
        sessions.create(
            accountId,
            (context, sequence, now) ->
                new EmsmdbSession(context, accountId, engine.newSession(accountId), sequence, now));
    LOG.info(
        "MAPI/HTTP session opened for account {} by {}",
        call.user().accountId(),
        MapiRequests.sanitize(call.exchange().requestHeader("X-ClientApplication").orElse("an unnamed client")));
    byte[] body =
        EmsmdbBodies.encode(
            new ConnectResponse(
                ErrorCodes.SUCCESS,
                settings.maxPollingInterval().toMillis(),
                settings.retryCount(),
                settings.retryDelay().toMillis(),
                settings.dnPrefix(),
                user.get().displayName(),
                new byte[0]));
    respond(call, session, () -> body);
  }

  private void execute(Call call) throws MapiHttpException, IOException {
    // Decode before the sequence cookie moves on: a refused body must leave the client's cookie valid.
    ExecuteRequest request;
    try {
      request = EmsmdbBodies.decodeExecute(call.body(), settings.limits());
    } catch (WireFormatException e) {
      throw new MapiHttpException(ResponseCode.INVALID_REQUEST_BODY, e.getMessage());
    }
    EmsmdbSession session = sequencedSession(call);
    respond(call, session, () -> executeGate.run(() -> runRops(call, session, request)));
  }

  private byte[] runRops(Call call, EmsmdbSession session, ExecuteRequest request) {
    long errorCode = ErrorCodes.SUCCESS;
    byte[] ropOut = new byte[0];
    try {
      ExtendedBuffer.Decoded in =
          ExtendedBuffer.decode(
              request.ropBuffer(), new ExtendedBufferLimits(16, settings.limits().maxRopIn()));
      int perPayload =
          (int)
              Math.min(
                  MAX_ROP_OUT_PAYLOAD,
                  Math.max(0, (request.maxRopOut() - RpcHeaderExt.LENGTH * in.payloads().size()))
                      / in.payloads().size());
      List<byte[]> outputs = new ArrayList<>();
      session.ropLock().lock();
      try {
        for (byte[] payload : in.payloads()) {
          outputs.add(engine.execute(session.rops(), payload, perPayload));
        }
      } finally {
        session.ropLock().unlock();
      }
      boolean compress = in.compressed() && (request.flags() & ExecuteRequest.NO_COMPRESSION) == 0;
      boolean obfuscate = in.obfuscated() && (request.flags() & ExecuteRequest.NO_XOR_MAGIC) == 0;
      ropOut = ExtendedBuffer.encode(outputs, compress, obfuscate);
    } catch (WireFormatException e) {
      LOG.warn("MAPI/HTTP Execute {}: bad RPC_HEADER_EXT buffer: {}", call.requestId(), e.getMessage());
      errorCode = ErrorCodes.RPC_FORMAT;
    } catch (RopBufferException e) {
      LOG.warn("MAPI/HTTP Execute {}: ROP buffer failed: {}", call.requestId(), e.getMessage());
      errorCode = e.errorCode() & 0xffffffffL;
    }
    return EmsmdbBodies.encode(new ExecuteResponse(errorCode, 0, ropOut, new byte[0]));
  }

  private void disconnect(Call call) throws MapiHttpException, IOException {
    try {
      EmsmdbBodies.decodeDisconnect(call.body(), settings.limits());
    } catch (WireFormatException e) {
      throw new MapiHttpException(ResponseCode.INVALID_REQUEST_BODY, e.getMessage());
    }
    EmsmdbSession session = sequencedSession(call);
    sessions.remove(session);
    respond(call, null, () -> EmsmdbBodies.encodeDisconnect(ErrorCodes.SUCCESS));
  }

  private void notificationWait(Call call) throws MapiHttpException, IOException {
    // NotificationWait runs beside Execute, so it checks the context but not the sequence.
    EmsmdbSession session = contextSession(call);
    try {
      EmsmdbBodies.decodeNotificationWait(call.body(), settings.limits());
    } catch (WireFormatException e) {
      throw new MapiHttpException(ResponseCode.INVALID_REQUEST_BODY, e.getMessage());
    }
    respond(
        call,
        session,
        () -> {
          boolean pending;
          try {
            pending = session.awaitEvent(settings.notificationWait());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending = false;
          }
          session.touch(clock.instant());
          return EmsmdbBodies.encodeNotificationWait(ErrorCodes.SUCCESS, pending);
        });
  }

  private void ping(Call call) throws MapiHttpException, IOException {
    EmsmdbSession session = null;
    if (call.cookies().get(Cookies.CONTEXT).isPresent()) {
      session = contextSession(call);
    }
    HttpExchange exchange = call.exchange();
    commonHeaders(call, session);
    byte[] meta =
        concat(
            ResponseFramer.PROCESSING,
            ResponseFramer.DONE,
            ResponseFramer.additionalHeaders(call.start(), clock.instant())
                .getBytes(StandardCharsets.US_ASCII));
    exchange.respond(200, CONTENT_TYPE, meta);
  }

  // --- cookies -------------------------------------------------------------------------------

  private EmsmdbSession contextSession(Call call) throws MapiHttpException {
    String cookie =
        call.cookies()
            .get(Cookies.CONTEXT)
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_COOKIE, Cookies.CONTEXT));
    if (!SessionRegistry.TOKEN.matcher(cookie).matches()) {
      throw new MapiHttpException(ResponseCode.INVALID_CONTEXT_COOKIE, "malformed context cookie");
    }
    EmsmdbSession session =
        sessions
            .find(cookie)
            .orElseThrow(
                () -> new MapiHttpException(ResponseCode.CONTEXT_NOT_FOUND, "unknown or expired"));
    if (!session.accountId().equals(call.user().accountId())) {
      throw new MapiHttpException(
          ResponseCode.NO_PRIVILEGE, "session belongs to account " + session.accountId());
    }
    session.touch(clock.instant());
    return session;
  }

  /** The session, after checking and advancing its sequence cookie (MS-OXCMAPIHTTP 3.2.5.1). */
  private EmsmdbSession sequencedSession(Call call) throws MapiHttpException {
    EmsmdbSession session = contextSession(call);
    String presented =
        call.cookies()
            .get(Cookies.SEQUENCE)
            .orElseThrow(() -> new MapiHttpException(ResponseCode.MISSING_COOKIE, Cookies.SEQUENCE));
    if (!session.advance(presented, sessions.newToken())) {
      throw new MapiHttpException(ResponseCode.INVALID_SEQUENCE, "stale or replayed sequence cookie");
    }
    return session;
  }

  // --- responses -----------------------------------------------------------------------------

  /** The work of a request, producing its response body. */
  @FunctionalInterface
  private interface Work {
    byte[] run();
  }

  /** A chunked response: PROCESSING, PENDING parts while {@code work} runs, then DONE and the body. */
  private void respond(Call call, EmsmdbSession session, Work work) throws IOException {
    commonHeaders(call, session);
    ResponseFramer.run(
        call.exchange().streamResponse(200, CONTENT_TYPE), clock, call.start(), ticker, settings.pendingPeriod(), work::run);
  }

  private void commonHeaders(Call call, EmsmdbSession session) {
    HttpExchange exchange = call.exchange();
    exchange.addResponseHeader("Cache-Control", "private");
    exchange.addResponseHeader("X-RequestType", call.type().wireName());
    exchange.addResponseHeader("X-RequestId", call.requestId());
    exchange.requestHeader("X-ClientInfo").ifPresent(v -> exchange.addResponseHeader("X-ClientInfo", v));
    exchange.addResponseHeader("X-ResponseCode", "0");
    exchange.addResponseHeader("X-ServerApplication", settings.serverApplication());
    exchange.addResponseHeader("X-PendingPeriod", Long.toString(settings.pendingPeriod().toMillis()));
    if (session != null) {
      exchange.addResponseHeader(
          "X-ExpirationInfo", Long.toString(sessions.idleTimeout().toMillis()));
      String attributes = "; path=/mapi/emsmdb; HttpOnly" + (exchange.secure() ? "; Secure" : "");
      exchange.addResponseHeader("Set-Cookie", Cookies.CONTEXT + "=" + session.contextCookie() + attributes);
      exchange.addResponseHeader("Set-Cookie", Cookies.SEQUENCE + "=" + session.sequence() + attributes);
    }
  }

  private void fail(HttpExchange exchange, String typeName, String requestId, ResponseCode code)
      throws IOException {
    exchange.addResponseHeader("Cache-Control", "private");
    if (!typeName.isEmpty()) {
      exchange.addResponseHeader("X-RequestType", MapiRequests.sanitize(typeName));
    }
    if (!requestId.isEmpty()) {
      exchange.addResponseHeader("X-RequestId", MapiRequests.sanitize(requestId));
    }
    exchange.addResponseHeader("X-ResponseCode", Integer.toString(code.code()));
    exchange.addResponseHeader("X-ServerApplication", settings.serverApplication());
    exchange.respond(200, "text/html; charset=utf-8", diagnosticPage(code));
  }

  public static byte[] diagnosticPage(ResponseCode code) {
    return ("<html><head><title>MAPI over HTTP error</title></head><body><h1>X-ResponseCode "
            + code.code()
            + "</h1><p>"
            + code.text()
            + "</p></body></html>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

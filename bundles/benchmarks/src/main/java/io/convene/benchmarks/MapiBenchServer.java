package io.convene.benchmarks;

import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.Authenticator;
import io.convene.api.net.HttpEndpoint;
import io.convene.api.store.Store;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.http.EmsmdbHandler;
import io.convene.mapi.http.EmsmdbLimits;
import io.convene.mapi.http.EmsmdbSettings;
import io.convene.mapi.http.MapiUser;
import io.convene.mapi.rop.ReleaseRops;
import io.convene.mapi.rop.RopDispatcher;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.RopSessionLimits;
import io.convene.mapi.rop.folder.FolderRops;
import io.convene.mapi.rop.message.MessageRops;
import io.convene.mapi.rop.property.PropertyRops;
import io.convene.mapi.rop.store.StoreRops;
import io.convene.mapi.rop.table.TableRops;
import io.convene.net.auth.LoginThrottle;
import io.convene.net.dispatch.EndpointRegistry;
import io.convene.net.server.HttpServer;
import io.convene.net.server.ServerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;

/**
 * Convene's HTTPS server with the MAPI/HTTP mailbox endpoint wired as {@code MapiComponent} wires
 * it (the same ROP families, minus permissions, which need the directory), over a Derby store,
 * for one benchmark account that logs in with Basic authentication.
 */
final class MapiBenchServer implements AutoCloseable {

  static final String USER = "bench";
  static final String LEGACY_DN = LegacyDn.ofName(USER);

  private final HttpServer server;
  private final ScheduledExecutorService ticker;

  private MapiBenchServer(HttpServer server, ScheduledExecutorService ticker) {
    this.server = server;
    this.ticker = ticker;
  }

  static MapiBenchServer start(
      Store store, long accountId, char[] password, int workers, int queue, int concurrentExecutes, SSLContext tls)
      throws IOException {
    Clock clock = Clock.systemUTC();
    RopRegistry registry = RopRegistry.builder().add(new ReleaseRops()).add(new TableRops())
        .add(new StoreRops(store, essdn -> LegacyDn.same(essdn, LEGACY_DN) ? OptionalLong.of(accountId) : OptionalLong.empty(), clock))
        .add(new FolderRops()).add(new PropertyRops()).add(new MessageRops()).build();
    RopDispatcher engine = new RopDispatcher(registry, RopSessionLimits.DEFAULT);
    // the component's defaults, with room for every benchmark session of the one account
    EmsmdbSettings settings = new EmsmdbSettings("Exchange/15.01.2507.000", "/o=Convene", Duration.ofSeconds(15),
        Duration.ofMinutes(15), 1024, Duration.ofSeconds(60), Duration.ofSeconds(60), 6, Duration.ofSeconds(10),
        EmsmdbLimits.DEFAULT, concurrentExecutes);
    ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "convene-mapi-ticker");
      thread.setDaemon(true);
      return thread;
    });
    String id = Long.toString(accountId);
    EmsmdbHandler emsmdb = new EmsmdbHandler(settings, engine,
        account -> account.equals(id) ? Optional.of(new MapiUser(id, "Bench User", LEGACY_DN)) : Optional.empty(), ticker, clock);
    EndpointRegistry<HttpEndpoint> endpoints = new EndpointRegistry<>();
    endpoints.add(1, 0, "/mapi/emsmdb/", false, emsmdb);
    char[] expected = password.clone();
    Authenticator authenticator = (login, given) ->
        login.equals(USER) && Arrays.equals(given, expected) ? Optional.of(new AuthenticatedUser(id, login)) : Optional.empty();
    LoginThrottle throttle =
        new LoginThrottle(clock, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), 1000);
    HttpServer server = new HttpServer(ServerSettings.loopback().withWorkers(workers, queue), endpoints,
        () -> List.of(authenticator), throttle, Optional.of(tls));
    server.start();
    return new MapiBenchServer(server, ticker);
  }

  InetSocketAddress tlsAddress() {
    return server.httpsAddress().orElseThrow();
  }

  @Override
  public void close() {
    server.close();
    ticker.shutdownNow();
  }
}

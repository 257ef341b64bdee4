package io.convene.benchmarks;

import io.convene.api.net.HttpEndpoint;
import io.convene.api.net.HttpExchange;
import io.convene.net.auth.LoginThrottle;
import io.convene.net.dispatch.EndpointRegistry;
import io.convene.net.server.HttpServer;
import io.convene.net.server.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Convene's {@link HttpServer} as the driver runs it: {@link ServerSettings#loopback()} (HTTPS and
 * plain listeners on free ports) with the worker pool sized by the driver, and one anonymous
 * endpoint at {@link BenchPayload#PATH}.
 */
final class ConveneServer implements AutoCloseable {

  /** The endpoint under load: read the body to its end, check it, answer the 1 KiB body. */
  static final class BenchEndpoint implements HttpEndpoint {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      byte[] body;
      try (InputStream in = exchange.requestBody()) {
        body = in.readAllBytes();
      }
      if (BenchPayload.isExpectedRequest(body)) {
        exchange.respond(200, BenchPayload.CONTENT_TYPE, BenchPayload.responseBody());
      } else {
        exchange.respond(400, "text/plain", BenchPayload.wrongSizeMessage());
      }
    }
  }

  private final HttpServer server;

  private ConveneServer(HttpServer server) {
    this.server = server;
  }

  static ConveneServer start(int workerThreads, int workerQueue, SSLContext tls) throws IOException {
    EndpointRegistry<HttpEndpoint> endpoints = new EndpointRegistry<>();
    endpoints.add(1, 0, BenchPayload.PATH, true, new BenchEndpoint());
    // No endpoint requires authentication, so the throttle never engages; it is required by the constructor.
    LoginThrottle throttle =
        new LoginThrottle(Clock.systemUTC(), 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), 1000);
    ServerSettings settings = ServerSettings.loopback().withWorkers(workerThreads, workerQueue);
    HttpServer server = new HttpServer(settings, endpoints, List::of, throttle, Optional.of(tls));
    server.start();
    return new ConveneServer(server);
  }

  InetSocketAddress plainAddress() {
    return server.httpAddress().orElseThrow();
  }

  InetSocketAddress tlsAddress() {
    return server.httpsAddress().orElseThrow();
  }

  @Override
  public void close() {
    server.close();
  }
}

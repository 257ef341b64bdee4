package io.convene.net.server;

import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.Authenticator;
import io.convene.api.net.HttpEndpoint;
import io.convene.net.auth.LoginThrottle;
import io.convene.net.dispatch.EndpointRegistry;
import io.convene.net.tls.ServerKeyStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A server on loopback with a few endpoints that exercise the server's paths. */
final class TestServer implements AutoCloseable {

  static final String USER = "alice@example.com";
  static final String PASSWORD = "correct horse";

  final EndpointRegistry<HttpEndpoint> endpoints = new EndpointRegistry<>();
  final CountDownLatch release = new CountDownLatch(1);
  final HttpServer server;
  final SSLContext clientTls;
  private final KeyStore keyStore;
  private long nextServiceId = 1;

  TestServer(Path dataDir, ServerSettings settings) throws Exception {
    ServerKeyStore keys = ServerKeyStore.selfSigned(dataDir, "localhost", Clock.systemUTC());
    keyStore = keys.keyStore();
    clientTls = trusting(keyStore);
    add("/echo", true, exchange -> {
      byte[] body = exchange.requestBody().readAllBytes();
      exchange.addResponseHeader("X-Method", exchange.method());
      exchange.respond(200, "application/octet-stream", body);
    });
    add("/dav", false, exchange -> {
      exchange.requestBody().readAllBytes();
      String user = exchange.user().map(AuthenticatedUser::loginName).orElse("nobody");
      exchange.respond(207, "text/plain", (exchange.method() + " by " + user).getBytes(StandardCharsets.UTF_8));
    });
    add("/stream", true, exchange -> {
      try (OutputStream out = exchange.streamResponse(200, "text/plain")) {
        for (int i = 1; i <= 3; i++) {
          out.write(("part " + i + "\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
    });
    add("/count", true, exchange -> {
      long total = 0;
      byte[] buffer = new byte[8192];
      try (InputStream in = exchange.requestBody()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          total += n;
        }
      }
      exchange.respond(200, "text/plain", Long.toString(total).getBytes(StandardCharsets.US_ASCII));
    });
    add("/slow", true, exchange -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.respond(200, "text/plain", "released".getBytes(StandardCharsets.US_ASCII));
    });
    add("/broken", true, exchange -> {
      throw new IllegalStateException("endpoint bug");
    });
    add("/silent", true, exchange -> {});
    add("/broken-stream", true, exchange -> {
      exchange.streamResponse(200, "text/plain").write("never sent".getBytes(StandardCharsets.US_ASCII));
      throw new IllegalStateException("endpoint bug before its first flush");
    });
    Authenticator authenticator =
        (login, password) ->
            login.equals(USER) && new String(password).equals(PASSWORD)
                ? Optional.of(new AuthenticatedUser("1", login))
                : Optional.empty();
    LoginThrottle throttle = new LoginThrottle(Clock.systemUTC(), 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), 1000);
    server = new HttpServer(settings, endpoints, () -> List.of(authenticator), throttle, Optional.of(keys.sslContext()));
    server.start();
  }

  long add(String path, boolean anonymous, HttpEndpoint endpoint) {
    long id = nextServiceId++;
    endpoints.add(id, 0, path, anonymous, endpoint);
    return id;
  }

  java.security.cert.Certificate serverCertificate() throws java.security.KeyStoreException {
    return keyStore.getCertificate(io.convene.net.tls.SelfSignedCertificate.ALIAS);
  }

  InetSocketAddress http() {
    return server.httpAddress().orElseThrow();
  }

  InetSocketAddress https() {
    return server.httpsAddress().orElseThrow();
  }

  @Override
  public void close() {
    release.countDown();
    server.close();
  }

  private static SSLContext trusting(KeyStore keyStore) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}

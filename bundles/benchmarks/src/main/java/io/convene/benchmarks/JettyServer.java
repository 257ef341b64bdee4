package io.convene.benchmarks;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The peer: Eclipse Jetty 12 with its core {@link Handler} API (no servlets), a plain and a TLS
 * connector speaking HTTP/1.1 only, serving the same handler semantics as {@link ConveneServer}.
 *
 * <p>Sizing mirrors Convene's so neither side gets more threads. Convene runs endpoints on {@code
 * workers} threads and, per listener, one MINA acceptor thread and one I/O processor per core.
 * Jetty's connectors take their acceptor and selector threads from the server's one pool, so that
 * pool gets {@code workers} plus those: {@code workers + 2 * (1 + cores)} threads, all started up
 * front like Convene's fixed pool. Accept backlog (1024) and idle timeout (60 s) match {@link
 * io.convene.net.server.ServerSettings#loopback()}; Jetty's other settings are its defaults
 * (including its {@code Date} and {@code Server} response headers, which Convene sends too).
 */
final class JettyServer implements AutoCloseable {

  /** The handler under load: the same work as {@link ConveneServer.BenchEndpoint}. */
  static final class BenchHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      // A blocking read to the end, as Convene's endpoint does; Handler.Abstract is a BLOCKING
      // handler, so Jetty runs it on a pool thread, like Convene's worker.
      byte[] body;
      try (InputStream in = Content.Source.asInputStream(request)) {
        body = in.readAllBytes();
      }
      boolean expected = BenchPayload.isExpectedRequest(body);
      byte[] answer = expected ? BenchPayload.responseBody() : BenchPayload.wrongSizeMessage();
      response.setStatus(expected ? 200 : 400);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, expected ? BenchPayload.CONTENT_TYPE : "text/plain");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
      response.write(true, ByteBuffer.wrap(answer).asReadOnlyBuffer(), callback);
      return true;
    }
  }

  static final String THREAD_PREFIX = "jetty-bench";
  private static final int ACCEPTORS = 1;
  private static final int BACKLOG = 1024;
  private static final long IDLE_TIMEOUT_MILLIS = 60_000;

  private final Server server;
  private final ServerConnector plain;
  private final ServerConnector secure;

  private JettyServer(Server server, ServerConnector plain, ServerConnector secure) {
    this.server = server;
    this.plain = plain;
    this.secure = secure;
  }

  /**
   * Starts Jetty on loopback with free ports.
   *
   * @param keyStore the key store Convene's HTTPS listener serves
   * @param keyStorePassword its password, which also protects the key
   */
  static JettyServer start(int workers, KeyStore keyStore, String keyStorePassword) throws Exception {
    int selectors = Math.max(1, Runtime.getRuntime().availableProcessors());
    int threads = threads(workers);
    QueuedThreadPool pool = new QueuedThreadPool(threads, threads);
    pool.setName(THREAD_PREFIX);
    Server server = new Server(pool);

    HttpConfiguration http = new HttpConfiguration();
    ServerConnector plain = new ServerConnector(server, ACCEPTORS, selectors, new HttpConnectionFactory(http));

    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(keyStore);
    tls.setKeyStorePassword(keyStorePassword);
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    // HTTP/1.1 only: no ALPN, the TLS connection goes straight to HTTP/1.1.
    ServerConnector secure =
        new ServerConnector(server, ACCEPTORS, selectors, new SslConnectionFactory(tls, "http/1.1"),
            new HttpConnectionFactory(http));

    for (ServerConnector connector : new ServerConnector[] {plain, secure}) {
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      connector.setAcceptQueueSize(BACKLOG);
      connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
      server.addConnector(connector);
    }
    server.setHandler(new BenchHandler());
    server.start();
    return new JettyServer(server, plain, secure);
  }

  /** The pool size for {@code workers} handler threads, as described on the class. */
  static int threads(int workers) {
    return workers + 2 * (ACCEPTORS + Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  InetSocketAddress plainAddress() {
    return new InetSocketAddress("127.0.0.1", plain.getLocalPort());
  }

  InetSocketAddress tlsAddress() {
    return new InetSocketAddress("127.0.0.1", secure.getLocalPort());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

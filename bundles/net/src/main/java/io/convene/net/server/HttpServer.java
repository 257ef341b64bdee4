package io.convene.net.server;

import io.convene.api.net.Authenticator;
import io.convene.api.net.HttpEndpoint;
import io.convene.net.auth.LoginThrottle;
import io.convene.net.dispatch.EndpointRegistry;
import io.convene.net.http.HttpCodecFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Convene's HTTP/1.1 server on Apache MINA: an HTTPS and an optional plain listener, the strict
 * codec of {@code io.convene.net.http}, endpoints run on a bounded worker pool (503 when it is
 * full), and a sweeper that closes connections whose request header does not arrive in time.
 */
public final class HttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
  private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final ServerSettings settings;
  private final Optional<SSLContext> tls;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService sweeper;
  private final ServerContext context;
  private final List<NioSocketAcceptor> acceptors = new CopyOnWriteArrayList<>();
  private InetSocketAddress httpsAddress;
  private InetSocketAddress httpAddress;

  public HttpServer(
      ServerSettings settings,
      EndpointRegistry<HttpEndpoint> endpoints,
      Supplier<List<Authenticator>> authenticators,
      LoginThrottle throttle,
      Optional<SSLContext> tls) {
    if (settings.httpsPort() >= 0 && tls.isEmpty()) {
      throw new IllegalArgumentException("HTTPS is on but no TLS context was given");
    }
    this.settings = settings;
    this.tls = tls;
    this.workers =
        new ThreadPoolExecutor(
            settings.workerThreads(), settings.workerThreads(), 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, settings.workerQueue())), named("convene-http-worker"),
            new ThreadPoolExecutor.AbortPolicy());
    this.sweeper = Executors.newSingleThreadScheduledExecutor(named("convene-http-sweeper"));
    RequestDispatcher dispatcher = new RequestDispatcher(endpoints, authenticators, throttle, settings.basicOverPlainHttp());
    this.context =
        new ServerContext(Clock.systemUTC(), workers, dispatcher, settings.limits().bodyPartSize() * 4,
            settings.bodyReadTimeout(), settings.writeTimeout(), settings.maxPipelined(), settings.maxConnections());
  }

  public synchronized void start() throws IOException {
    try {
      if (settings.httpsPort() >= 0) {
        httpsAddress = bind(settings.httpsPort(), true);
        LOG.info("HTTPS listening on {}", httpsAddress);
      }
      if (settings.httpPort() >= 0) {
        httpAddress = bind(settings.httpPort(), false);
        LOG.info("HTTP listening on {} (plain text; credentials {})", httpAddress,
            settings.basicOverPlainHttp() ? "accepted" : "refused");
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    long period = Math.max(50, Math.min(500, settings.headerTimeout().toMillis() / 4));
    sweeper.scheduleWithFixedDelay(this::closeSlowHeaders, period, period, TimeUnit.MILLISECONDS);
  }

  public Optional<InetSocketAddress> httpsAddress() {
    return Optional.ofNullable(httpsAddress);
  }

  public Optional<InetSocketAddress> httpAddress() {
    return Optional.ofNullable(httpAddress);
  }

  /** Stops listening, closes connections and lets running exchanges finish for a moment. */
  @Override
  public synchronized void close() {
    for (NioSocketAcceptor acceptor : acceptors) {
      acceptor.unbind();
      acceptor.getManagedSessions().values().forEach(IoSession::closeOnFlush);
      acceptor.dispose(false);
    }
    acceptors.clear();
    sweeper.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }

  private InetSocketAddress bind(int port, boolean secure) throws IOException {
    NioSocketAcceptor acceptor = new NioSocketAcceptor(Math.max(1, Runtime.getRuntime().availableProcessors()));
    acceptor.setReuseAddress(true);
    acceptor.setBacklog(1024);
    acceptor.getFilterChain().addLast("arrival", new HttpProtocolHandler.ArrivalFilter());
    if (secure) {
      SslFilter ssl = new SslFilter(tls.orElseThrow());
      ssl.setEnabledProtocols(TLS_PROTOCOLS);
      acceptor.getFilterChain().addLast("tls", ssl);
    }
    acceptor.getFilterChain().addLast("http", new ProtocolCodecFilter(new HttpCodecFactory(settings.limits())));
    acceptor.setHandler(new HttpProtocolHandler(context, secure));
    acceptor.getSessionConfig().setTcpNoDelay(true);
    acceptor.getSessionConfig().setIdleTime(IdleStatus.BOTH_IDLE, (int) Math.max(1, settings.idleTimeout().toSeconds()));
    acceptors.add(acceptor);
    acceptor.bind(new InetSocketAddress(settings.bindAddress(), port));
    return acceptor.getLocalAddress();
  }

  private void closeSlowHeaders() {
    long now = System.nanoTime();
    long limit = settings.headerTimeout().toNanos();
    for (NioSocketAcceptor acceptor : acceptors) {
      for (IoSession session : acceptor.getManagedSessions().values()) {
        HttpConnection connection = HttpProtocolHandler.connection(session);
        long started = connection == null ? 0 : connection.headStartedNanos();
        if (started != 0 && now - started > limit) {
          connection.onHeaderTimeout();
        }
      }
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

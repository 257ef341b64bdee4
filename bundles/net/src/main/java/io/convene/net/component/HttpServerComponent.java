package io.convene.net.component;

import io.convene.api.net.Authenticator;
import io.convene.api.net.HttpEndpoint;
import io.convene.net.auth.LoginThrottle;
import io.convene.net.dispatch.EndpointRegistry;
import io.convene.net.dispatch.EndpointRegistry.Registration;
import io.convene.net.dispatch.EndpointRegistry.State;
import io.convene.net.server.HttpServer;
import io.convene.net.server.ServerSettings;
import io.convene.net.tls.ServerKeyStore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.net.ssl.SSLContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server as a component: configured by {@code etc/io.convene.net.http.cfg}, serving the
 * {@link HttpEndpoint} services of any bundle (whiteboard) and authenticating with the {@link
 * Authenticator} services. A configuration change restarts the listeners; an invalid one is logged
 * and the server keeps the last good one. Also the {@code convene:endpoints} shell command.
 */
@Component(
    configurationPid = HttpServerConfig.PID,
    immediate = true,
    service = HttpServerComponent.class,
    property = {"osgi.command.scope=convene", "osgi.command.function=endpoints"})
@Designate(ocd = HttpServerConfig.class)
public final class HttpServerComponent {

  private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);

  private final BundleContext context;
  private final EndpointRegistry<HttpEndpoint> endpoints = new EndpointRegistry<>();
  /** Authenticators by (ranking descending, service id ascending): asked in that order. */
  private final Map<long[], Authenticator> authenticators =
      new ConcurrentSkipListMap<>(Comparator.<long[]>comparingLong(key -> -key[0]).thenComparingLong(key -> key[1]));
  private HttpServer server;
  private ServerSettings settings;

  @Activate
  public HttpServerComponent(BundleContext context, HttpServerConfig config) throws IOException, GeneralSecurityException {
    this.context = context;
    ServerSettings initial = HttpServerSettings.settings(config);
    this.server = start(initial, config);
    this.settings = initial;
  }

  @Modified
  synchronized void modified(HttpServerConfig config) {
    ServerSettings next;
    try {
      next = HttpServerSettings.settings(config);
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration {} rejected, keeping the previous one: {}", HttpServerConfig.PID, e.getMessage());
      return;
    }
    HttpServer previous = server;
    previous.close();
    try {
      server = start(next, config);
      settings = next;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      LOG.error("Configuration {} could not be applied ({}); restarting with the previous one", HttpServerConfig.PID, e.toString());
      try {
        server = start(settings, config);
      } catch (IOException | GeneralSecurityException | RuntimeException again) {
        LOG.error("The HTTP server could not be restarted", again);
      }
    }
  }

  @Deactivate
  synchronized void deactivate() {
    server.close();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addEndpoint(HttpEndpoint endpoint, Map<String, Object> properties) {
    boolean anonymous = HttpEndpoint.AUTHENTICATION_ANONYMOUS.equals(properties.get(HttpEndpoint.AUTHENTICATION));
    State state = endpoints.add(serviceId(properties), ranking(properties), properties.get(HttpEndpoint.PATH), anonymous, endpoint);
    if (state == State.ACTIVE) {
      LOG.info("HTTP endpoint {} registered ({})", properties.get(HttpEndpoint.PATH), anonymous ? "anonymous" : "authenticated");
    } else {
      LOG.warn("HTTP endpoint of service {} not served: {}", serviceId(properties), reason(serviceId(properties)));
    }
  }

  void removeEndpoint(HttpEndpoint endpoint, Map<String, Object> properties) {
    endpoints.remove(serviceId(properties));
    LOG.info("HTTP endpoint {} unregistered", properties.get(HttpEndpoint.PATH));
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addAuthenticator(Authenticator authenticator, Map<String, Object> properties) {
    authenticators.put(new long[] {ranking(properties), serviceId(properties)}, authenticator);
  }

  void removeAuthenticator(Authenticator authenticator, Map<String, Object> properties) {
    authenticators.remove(new long[] {ranking(properties), serviceId(properties)});
  }

  /** {@code convene:endpoints}: every registered endpoint, whether it is served and why not. */
  public String endpoints() {
    StringBuilder out = new StringBuilder();
    for (Registration<HttpEndpoint> registration : endpoints.registrations()) {
      out.append(String.format("%-30s %-9s %-13s service %d%s%n",
          registration.path(), registration.state(), registration.anonymous() ? "anonymous" : "authenticated",
          registration.serviceId(), registration.reason().isEmpty() ? "" : " (" + registration.reason() + ")"));
    }
    return out.toString();
  }

  private HttpServer start(ServerSettings next, HttpServerConfig config) throws IOException, GeneralSecurityException {
    Optional<SSLContext> tls = next.httpsPort() >= 0 ? Optional.of(keyStore(config).sslContext()) : Optional.empty();
    LoginThrottle throttle =
        new LoginThrottle(Clock.systemUTC(), config.login_free_failures(), Duration.ofSeconds(1),
            Duration.ofSeconds(config.login_max_lockout_seconds()), Duration.ofMinutes(15), 100_000);
    HttpServer started = new HttpServer(next, endpoints, () -> List.copyOf(authenticators.values()), throttle, tls);
    started.start();
    return started;
  }

  private ServerKeyStore keyStore(HttpServerConfig config) throws IOException, GeneralSecurityException {
    if (!config.tls_keystore().isBlank()) {
      return ServerKeyStore.load(Path.of(config.tls_keystore()), config._tls_keystore_password().toCharArray());
    }
    String dataDir = context.getProperty("convene.data");
    Path dir = dataDir != null ? Path.of(dataDir, "tls") : context.getDataFile("tls").toPath();
    return ServerKeyStore.selfSigned(dir, hostName(config), Clock.systemUTC());
  }

  private static String hostName(HttpServerConfig config) {
    if (!config.tls_host_name().isBlank()) {
      return config.tls_host_name();
    }
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private String reason(long serviceId) {
    return endpoints.registrations().stream()
        .filter(registration -> registration.serviceId() == serviceId)
        .map(Registration::reason)
        .findFirst()
        .orElse("");
  }

  private static long serviceId(Map<String, Object> properties) {
    return ((Number) properties.get(Constants.SERVICE_ID)).longValue();
  }

  private static int ranking(Map<String, Object> properties) {
    return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
  }
}

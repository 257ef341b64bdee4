package io.convene.net.server;

import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.Authenticator;
import io.convene.api.net.HttpEndpoint;
import io.convene.net.auth.BasicCredentials;
import io.convene.net.auth.LoginThrottle;
import io.convene.net.dispatch.EndpointRegistry;
import io.convene.net.dispatch.EndpointRegistry.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request to its endpoint after authentication: 404 without a matching endpoint, 403 for
 * credentials over plain HTTP (unless allowed), 429 while a source address is locked out after
 * failed logins, 401 with a Basic challenge otherwise, 503 when the endpoint left mid-request.
 */
final class RequestDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  private final EndpointRegistry<HttpEndpoint> endpoints;
  private final Supplier<List<Authenticator>> authenticators;
  private final LoginThrottle throttle;
  private final boolean basicOverPlainHttp;

  RequestDispatcher(
      EndpointRegistry<HttpEndpoint> endpoints,
      Supplier<List<Authenticator>> authenticators,
      LoginThrottle throttle,
      boolean basicOverPlainHttp) {
    this.endpoints = endpoints;
    this.authenticators = authenticators;
    this.throttle = throttle;
    this.basicOverPlainHttp = basicOverPlainHttp;
  }

  /** Produces exactly one response for the exchange; never throws. */
  void dispatch(ServerExchange exchange) {
    try {
      Optional<Route<HttpEndpoint>> route = endpoints.resolve(exchange.path());
      if (route.isEmpty()) {
        reject(exchange, 404, "No endpoint serves " + exchange.path());
        return;
      }
      if (!route.get().anonymous() && !authenticate(exchange)) {
        return;
      }
      invoke(exchange, route.get());
    } catch (IOException e) {
      LOG.debug("Connection failed while answering {} {}: {}", exchange.method(), exchange.path(), e.toString());
      exchange.closeAfterResponse();
    }
  }

  private void invoke(ServerExchange exchange, Route<HttpEndpoint> route) throws IOException {
    try {
      route.endpoint().handle(exchange);
      exchange.finishStream();
      if (!exchange.responded()) {
        LOG.error("Endpoint {} returned without a response to {} {}", route.prefix(), exchange.method(), exchange.path());
        exchange.respond(500, TEXT, "The endpoint sent no response\n".getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      boolean departed = endpoints.resolve(exchange.path()).map(now -> now.endpoint() != route.endpoint()).orElse(true);
      if (!exchange.withdrawUnsentStream()) {
        // Too late for an error status: end the connection so the client sees a broken response.
        LOG.error("Endpoint {} failed after responding to {} {}", route.prefix(), exchange.method(), exchange.path(), e);
        exchange.closeAfterResponse();
      } else if (departed) {
        LOG.warn("Endpoint {} left while serving {} {}: {}", route.prefix(), exchange.method(), exchange.path(), e.toString());
        exchange.closeAfterResponse();
        exchange.respond(503, TEXT, "The endpoint is being updated; try again\n".getBytes(StandardCharsets.UTF_8));
      } else {
        LOG.error("Endpoint {} failed on {} {}", route.prefix(), exchange.method(), exchange.path(), e);
        exchange.respond(500, TEXT, "Internal server error\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private boolean authenticate(ServerExchange exchange) throws IOException {
    if (!exchange.secure() && !basicOverPlainHttp) {
      reject(exchange, 403, "This resource needs authentication, which is accepted over HTTPS only");
      return false;
    }
    String address = exchange.remoteAddress().getAddress().getHostAddress();
    Duration lockout = throttle.lockout(address);
    if (!lockout.isZero()) {
      exchange.addResponseHeader("Retry-After", Long.toString(Math.max(1, lockout.toSeconds())));
      reject(exchange, 429, "Too many failed logins; try again later");
      return false;
    }
    Optional<BasicCredentials> credentials = exchange.requestHeader("Authorization").flatMap(BasicCredentials::parse);
    if (credentials.isEmpty()) {
      challenge(exchange);
      return false;
    }
    try (BasicCredentials presented = credentials.get()) {
      for (Authenticator authenticator : authenticators.get()) {
        Optional<AuthenticatedUser> user = ask(authenticator, presented);
        if (user.isPresent()) {
          throttle.succeeded(address);
          exchange.authenticated(user.get());
          return true;
        }
      }
      throttle.failed(address);
      LOG.warn("Failed login for '{}' from {}", presented.userName(), address);
    }
    challenge(exchange);
    return false;
  }

  private static Optional<AuthenticatedUser> ask(Authenticator authenticator, BasicCredentials presented) {
    try {
      return authenticator.authenticate(presented.userName(), presented.password());
    } catch (RuntimeException e) {
      // One broken authenticator (a plugin's, say) must not lock everybody out.
      LOG.error("Authenticator {} failed", authenticator.getClass().getName(), e);
      return Optional.empty();
    }
  }

  private static void challenge(ServerExchange exchange) throws IOException {
    exchange.addResponseHeader("WWW-Authenticate", "Basic realm=\"Convene\", charset=\"UTF-8\"");
    reject(exchange, 401, "Authentication required");
  }

  private static void reject(ServerExchange exchange, int status, String message) throws IOException {
    exchange.respond(status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}

package io.convene.sample;

import io.convene.api.net.HttpEndpoint;
import io.convene.api.net.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Serves {@code GET /sample/hello} without authentication: the configured greeting as text. Shows
 * how a hot-deployed plugin adds a URL to the server.
 */
@Component(
    configurationPid = GreetingInfo.PID,
    property = {
      HttpEndpoint.PATH + "=/sample",
      HttpEndpoint.AUTHENTICATION + "=" + HttpEndpoint.AUTHENTICATION_ANONYMOUS
    })
public final class GreetingEndpoint implements HttpEndpoint {

  private volatile String greeting;

  @Activate
  public GreetingEndpoint(GreetingInfo.Config config) {
    modified(config);
  }

  @Modified
  void modified(GreetingInfo.Config config) {
    greeting = config.greeting();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.path().equals("/sample/hello")) {
      exchange.respond(404, "text/plain; charset=utf-8", "Try /sample/hello\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
      exchange.addResponseHeader("Allow", "GET, HEAD");
      exchange.respond(405, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    exchange.respond(200, "text/plain; charset=utf-8", (greeting + "\n").getBytes(StandardCharsets.UTF_8));
  }
}

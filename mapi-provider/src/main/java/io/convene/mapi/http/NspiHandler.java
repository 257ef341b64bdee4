package io.convene.mapi.http;

import io.convene.api.net.HttpEndpoint;
import io.convene.api.net.HttpExchange;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The address book endpoint {@code /mapi/nspi/} (MS-OXCMAPIHTTP 2.2.5). Routes to the NSPI
 * implementation once one is available; until then every request is answered with X-ResponseCode
 * 15 (Endpoint Disabled), so Outlook reports the address book as unavailable instead of failing on
 * an HTTP error.
 */
public final class NspiHandler implements HttpEndpoint {

  private final Supplier<Optional<HttpEndpoint>> implementation;
  private final String serverApplication;

  public NspiHandler(Supplier<Optional<HttpEndpoint>> implementation, String serverApplication) {
    this.implementation = implementation;
    this.serverApplication = serverApplication;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Optional<HttpEndpoint> nspi = implementation.get();
    if (nspi.isPresent()) {
      nspi.get().handle(exchange);
      return;
    }
    exchange.addResponseHeader("Cache-Control", "private");
    exchange.requestHeader("X-RequestId").ifPresent(id -> exchange.addResponseHeader("X-RequestId", id));
    exchange.addResponseHeader("X-ResponseCode", Integer.toString(ResponseCode.ENDPOINT_DISABLED.code()));
    exchange.addResponseHeader("X-ServerApplication", serverApplication);
    exchange.respond(200, "text/html; charset=utf-8", EmsmdbHandler.diagnosticPage(ResponseCode.ENDPOINT_DISABLED));
  }
}

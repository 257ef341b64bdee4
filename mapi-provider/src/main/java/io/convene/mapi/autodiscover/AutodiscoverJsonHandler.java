package io.convene.mapi.autodiscover;

import io.convene.api.net.HttpEndpoint;
import io.convene.api.net.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON Autodiscover of MS-OXDISCO 3.1.5: {@code GET
 * /autodiscover/autodiscover.json/v1.0/{email}?Protocol=...} (or {@code ?Email=&Protocol=})
 * answers where the requested protocol lives: {@code AutodiscoverV1} points at the POX service,
 * {@code EWS} at {@code /EWS/Exchange.asmx}. Anonymous, like Exchange Online's, and it never looks
 * the address up, so it cannot be used to probe which addresses exist.
 */
public final class AutodiscoverJsonHandler implements HttpEndpoint {

  private static final String JSON = "application/json; charset=utf-8";
  private static final String PREFIX = "/autodiscover/autodiscover.json";

  private final AutodiscoverHandler pox;

  public AutodiscoverJsonHandler(AutodiscoverHandler pox) {
    this.pox = pox;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.path();
    String lower = path.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(PREFIX) || !exchange.method().equals("GET")) {
      exchange.respond(404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String rest = path.substring(PREFIX.length());
    Optional<String> email =
        rest.toLowerCase(Locale.ROOT).startsWith("/v1.0/") && rest.length() > 6
            ? Optional.of(rest.substring(6))
            : queryParameter(exchange, "Email");
    Optional<String> protocol = queryParameter(exchange, "Protocol");
    if (email.isEmpty() || email.get().indexOf('@') < 1) {
      error(exchange, "InvalidUser", "No valid email address in the request.");
      return;
    }
    if (protocol.isEmpty()) {
      error(exchange, "MandatoryParameterMissing", "A valid value must be provided for the query parameter 'Protocol'.");
      return;
    }
    String base = pox.baseUrl(exchange);
    String url;
    String name;
    switch (protocol.get().toLowerCase(Locale.ROOT)) {
      case "autodiscoverv1" -> {
        name = "AutodiscoverV1";
        url = base + AutodiscoverHandler.XML_PATH;
      }
      case "ews" -> {
        name = "EWS";
        url = base + "/EWS/Exchange.asmx";
      }
      default -> {
        error(
            exchange,
            "InvalidProtocol",
            "The given protocol value is invalid. Supported values are 'AutodiscoverV1,Ews'.");
        return;
      }
    }
    String body = "{\"Protocol\":\"" + name + "\",\"Url\":\"" + json(url) + "\"}";
    exchange.respond(200, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void error(HttpExchange exchange, String code, String message) throws IOException {
    String body = "{\"ErrorCode\":\"" + code + "\",\"ErrorMessage\":\"" + json(message) + "\"}";
    exchange.respond(400, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> queryParameter(HttpExchange exchange, String name) {
    if (exchange.query().isEmpty()) {
      return Optional.empty();
    }
    for (String pair : exchange.query().get().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
        try {
          return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

package io.convene.mapi.autodiscover;

import io.convene.api.directory.Account;
import io.convene.api.net.HttpEndpoint;
import io.convene.api.net.HttpExchange;
import io.convene.mapi.addressing.LegacyDn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POX Autodiscover (MS-OXDSCLI) at {@code /autodiscover/autodiscover.xml}, in whatever letter case
 * the client spells the path (the network layer matches prefixes case-sensitively, so the
 * component registers the spellings Outlook uses and this handler compares case-insensitively).
 * Every answer to a well-formed or malformed request is an Autodiscover document, never a stack
 * trace: 500 for an unknown address, 600 for a bad request, 601 for a schema other than Outlook's.
 */
public final class AutodiscoverHandler implements HttpEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(AutodiscoverHandler.class);
  static final String XML_PATH = "/autodiscover/autodiscover.xml";
  static final String OUTLOOK_RESPONSE_SCHEMA =
      "schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
  private static final String XML_TYPE = "text/xml; charset=utf-8";
  /** A host header value: name or [v6], optional port; anything else never reaches a URL. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  /** Finds the account of an address or of a legacy DN's common name. */
  public interface Accounts {
    Optional<Account> bySmtp(String smtpAddress);

    Optional<Account> byAlias(String alias);
  }

  private final Accounts accounts;
  private final AutodiscoverSettings settings;
  private final PoxRequestParser parser = new PoxRequestParser();
  private final PoxResponseWriter writer = new PoxResponseWriter();
  private final Clock clock;

  public AutodiscoverHandler(Accounts accounts, AutodiscoverSettings settings, Clock clock) {
    this.accounts = accounts;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.path().toLowerCase(Locale.ROOT);
    if (!path.equals(XML_PATH)) {
      exchange.respond(404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (!exchange.method().equals("POST")) {
      exchange.addResponseHeader("Allow", "POST");
      error(exchange, 600, "Invalid Request");
      return;
    }
    Optional<byte[]> body = readBody(exchange.requestBody(), settings.maxRequestBytes());
    if (body.isEmpty()) {
      LOG.warn("Autodiscover request from {} over {} bytes", peer(exchange), settings.maxRequestBytes());
      error(exchange, 600, "Invalid Request");
      return;
    }
    AutodiscoverRequest request;
    try {
      request = parser.parse(body.get());
    } catch (AutodiscoverRequestException e) {
      LOG.warn("Bad Autodiscover request from {}: {}", peer(exchange), e.getMessage());
      error(exchange, 600, "Invalid Request");
      return;
    }
    if (!PoxRequestParser.sameSchema(request.acceptableResponseSchema(), OUTLOOK_RESPONSE_SCHEMA)) {
      error(exchange, 601, "Provider is not available for the requested schema.");
      return;
    }
    Optional<Account> account = find(request);
    if (account.isEmpty()) {
      LOG.info("Autodiscover from {} for an unknown address", peer(exchange));
      error(exchange, 500, "The e-mail address cannot be found.");
      return;
    }
    String base = baseUrl(exchange);
    boolean mapiHttp =
        exchange.requestHeader("X-MapiHttpCapability").map(AutodiscoverHandler::capability).orElse(0) >= 1;
    UserSettings user =
        new UserSettings(
            account.get().displayName(),
            LegacyDn.of(account.get()),
            account.get().smtpAddress(),
            deploymentId(),
            base,
            mapiHttp);
    exchange.respond(200, XML_TYPE, writer.settings(user));
  }

  private Optional<Account> find(AutodiscoverRequest request) {
    if (request.emailAddress().isPresent()) {
      return accounts.bySmtp(request.emailAddress().get());
    }
    return request.legacyDn().flatMap(LegacyDn::commonName).flatMap(accounts::byAlias);
  }

  /** Configured public URL, else the scheme and Host header of the request itself. */
  String baseUrl(HttpExchange exchange) {
    if (!settings.publicBaseUrl().isEmpty()) {
      return settings.publicBaseUrl();
    }
    String host =
        exchange.requestHeader("Host").filter(h -> HOST.matcher(h).matches()).orElse("localhost");
    return (exchange.secure() ? "https://" : "http://") + host;
  }

  private String deploymentId() {
    return settings.deploymentId().isEmpty()
        ? UUID.nameUUIDFromBytes(("convene:" + settings.publicBaseUrl()).getBytes(StandardCharsets.UTF_8)).toString()
        : settings.deploymentId();
  }

  private void error(HttpExchange exchange, int code, String message) throws IOException {
    String serverId = Integer.toHexString(deploymentId().hashCode());
    exchange.respond(200, XML_TYPE, writer.error(code, message, clock.instant(), serverId));
  }

  private static int capability(String header) {
    try {
      return Integer.parseInt(header.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Optional<byte[]> readBody(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    for (int n; (n = in.read(chunk)) > 0; ) {
      if (out.size() + n > limit) {
        return Optional.empty();
      }
      out.write(chunk, 0, n);
    }
    return Optional.of(out.toByteArray());
  }

  private static String peer(HttpExchange exchange) {
    return exchange.remoteAddress().getHostString();
  }
}

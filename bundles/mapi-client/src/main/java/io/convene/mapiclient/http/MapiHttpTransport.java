package io.convene.mapiclient.http;

import io.convene.mapiclient.wire.MapiWireException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs MAPI/HTTP requests (MS-OXCMAPIHTTP 2.2.1-2.2.3) to one endpoint path: the common headers
 * (X-RequestType, X-RequestId, X-ClientInfo, X-ClientApplication, Content-Type), Basic
 * authentication, and the endpoint's cookies, sent back as they were last set. The mailbox
 * endpoint ({@link EmsmdbSession}) and the address book endpoint ({@code NspiSession}) share it: each
 * request type is a body codec plus {@link #post}.
 *
 * <p>Not thread-safe: a MAPI/HTTP session allows one request at a time (sequence cookie).
 */
public final class MapiHttpTransport {

  public static final String CONTENT_TYPE = "application/mapi-http";
  /** Bounds a response body; larger answers are refused. */
  public static final int MAX_RESPONSE = 32 * 1024 * 1024;

  private final HttpClient http;
  private final URI endpoint;
  private final String authorization;
  private final Duration timeout;
  private final String clientInfo = "{" + UUID.randomUUID().toString().toUpperCase() + "}-1";
  private final String requestIdPrefix = "{" + UUID.randomUUID().toString().toUpperCase() + "}:";
  private final AtomicLong requestCounter = new AtomicLong();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public MapiHttpTransport(HttpClient http, URI endpoint, String user, String password, Duration timeout) {
    this.http = http;
    this.endpoint = endpoint;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
  }

  /** A response with X-ResponseCode 0 and its framed body. */
  public record Reply(HttpHeaders headers, FramedResponse framed) {}

  /** Sends one request and returns the framed body; any refusal is a {@link MapiHttpException}. */
  public Reply post(String requestType, byte[] body) throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    HttpResponse<byte[]> response = send(requestType, body);
    HttpHeaders headers = response.headers();
    int responseCode = headers.firstValue("X-ResponseCode").map(MapiHttpTransport::parseCode).orElse(-1);
    if (response.statusCode() != 200 || responseCode != 0) {
      String text = new String(response.body(), 0, Math.min(response.body().length, 300), StandardCharsets.UTF_8);
      throw new MapiHttpException(response.statusCode(), responseCode,
          requestType + " answered HTTP " + response.statusCode() + ", X-ResponseCode " + responseCode + ": " + text.strip());
    }
    return new Reply(headers, FramedResponse.parse(response.body()));
  }

  /** Sends one request and returns the raw HTTP response, cookies taken over; for tests of refusals. */
  public HttpResponse<byte[]> send(String requestType, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", CONTENT_TYPE)
        .header("Authorization", authorization)
        .header("X-RequestType", requestType)
        .header("X-RequestId", requestIdPrefix + requestCounter.incrementAndGet())
        .header("X-ClientInfo", clientInfo)
        .header("X-ClientApplication", "ConveneMapiClient/1.0")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!cookies.isEmpty()) {
      StringBuilder cookie = new StringBuilder();
      cookies.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
      request.header("Cookie", cookie.toString());
    }
    HttpResponse<byte[]> response = http.send(request.build(), bounded());
    takeCookies(response.headers().allValues("Set-Cookie"));
    return response;
  }

  public String clientInfo() {
    return clientInfo;
  }

  /** The cookies the endpoint set, by name (MapiContext, MapiSequence, ...). */
  public Map<String, String> cookies() {
    return cookies;
  }

  private void takeCookies(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        // an expired or emptied cookie is the server ending it (Disconnect)
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
    }
  }

  private static HttpResponse.BodyHandler<byte[]> bounded() {
    return info -> {
      long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (length > MAX_RESPONSE) {
        return HttpResponse.BodySubscribers.replacing(new byte[0]);
      }
      return HttpResponse.BodySubscribers.ofByteArray();
    };
  }

  private static int parseCode(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

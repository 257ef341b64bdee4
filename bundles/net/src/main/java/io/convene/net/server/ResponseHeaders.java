package io.convene.net.server;

import io.convene.net.http.HttpHeaders;
import io.convene.net.http.HttpResponse;
import io.convene.net.http.HttpResponseHead;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** The header fields the server adds to every response, and those endpoints may not set. */
final class ResponseHeaders {

  static final String SERVER = "Convene";

  /** Framing and connection management belong to the server (RFC 9112 6, 9). */
  private static final Set<String> RESERVED =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer");

  private ResponseHeaders() {}

  static boolean reserved(String name) {
    return RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The 503 for a full worker queue, written from an I/O thread; the connection closes after. */
  static HttpResponse overloaded(Clock clock) {
    HttpHeaders headers =
        standard(clock, true).add("Retry-After", "1").add("Content-Type", "text/plain; charset=utf-8").build();
    return new HttpResponse(
        HttpResponseHead.of(503, headers), "The server is busy; try again\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** The Date value changes once a second; formatting it per response cost ~8% of a small request. */
  private record CachedDate(long epochSecond, String value) {}

  /** RFC 9110 5.6.7; RFC_1123_DATE_TIME would drop the leading zero of the day. */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private static volatile CachedDate cachedDate = new CachedDate(Long.MIN_VALUE, "");

  static String date(Clock clock) {
    long now = clock.instant().getEpochSecond();
    CachedDate cached = cachedDate;
    if (cached.epochSecond() != now) {
      cached = new CachedDate(now, IMF_FIXDATE.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC)));
      cachedDate = cached;
    }
    return cached.value();
  }

  static HttpHeaders.Builder standard(Clock clock, boolean close) {
    HttpHeaders.Builder builder = HttpHeaders.builder().add("Date", date(clock)).add("Server", SERVER);
    if (close) {
      builder.add("Connection", "close");
    }
    return builder;
  }
}

package io.convene.mapiclient.http;

import io.convene.mapiclient.wire.MapiWireException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a successful MAPI/HTTP response (MS-OXCMAPIHTTP 2.2.7): meta-tag lines PROCESSING,
 * PENDING (any number), DONE, each ending in CRLF, then the additional headers (X-ElapsedTime,
 * X-StartTime, ...) as header lines closed by an empty line, then the binary response body.
 */
public record FramedResponse(List<String> metaTags, Map<String, String> additionalHeaders, byte[] body) {

  /** Bounds a meta-tag or header line, so a body without CRLF is refused early. */
  public static final int MAX_LINE = 1024;
  public static final int MAX_LINES = 100_000;

  public static FramedResponse parse(byte[] data) throws MapiWireException {
    int pos = 0;
    List<String> tags = new ArrayList<>();
    while (true) {
      int end = lineEnd(data, pos);
      String line = new String(data, pos, end - pos, StandardCharsets.US_ASCII);
      pos = end + 2;
      if (tags.isEmpty() && !line.equals("PROCESSING")) {
        throw new MapiWireException("MAPI/HTTP response body starts with '" + shorten(line) + "', not PROCESSING");
      }
      tags.add(line);
      if (line.equals("DONE")) {
        break;
      }
      if (!line.equals("PROCESSING") && !line.equals("PENDING")) {
        throw new MapiWireException("unknown meta-tag '" + shorten(line) + "'");
      }
      if (tags.size() > MAX_LINES) {
        throw new MapiWireException("more than " + MAX_LINES + " meta-tags");
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      int end = lineEnd(data, pos);
      String line = new String(data, pos, end - pos, StandardCharsets.US_ASCII);
      pos = end + 2;
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MapiWireException("additional header line without a name: '" + shorten(line) + "'");
      }
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      if (headers.size() > MAX_LINES) {
        throw new MapiWireException("too many additional headers");
      }
    }
    byte[] body = new byte[data.length - pos];
    System.arraycopy(data, pos, body, 0, body.length);
    return new FramedResponse(List.copyOf(tags), headers, body);
  }

  /** An additional header by case-insensitive name. */
  public String header(String name) {
    return additionalHeaders.get(name.toLowerCase(Locale.ROOT));
  }

  private static int lineEnd(byte[] data, int from) throws MapiWireException {
    int limit = Math.min(data.length - 1, from + MAX_LINE);
    for (int i = from; i < limit; i++) {
      if (data[i] == '\r' && data[i + 1] == '\n') {
        return i;
      }
    }
    throw new MapiWireException("no CRLF within " + MAX_LINE + " bytes at offset " + from + " of the framed response");
  }

  private static String shorten(String line) {
    return line.length() > 40 ? line.substring(0, 40) + "..." : line;
  }
}

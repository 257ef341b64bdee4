package io.convene.distribution;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The listener ports the server chose, as its log announces them. */
final class HttpPorts {

  private HttpPorts() {}

  static int https(ConveneLog log) {
    return port(log, "HTTPS listening on ");
  }

  static int http(ConveneLog log) {
    return port(log, "HTTP listening on ");
  }

  private static int port(ConveneLog log, String announcement) {
    Matcher matcher = Pattern.compile("\\| " + Pattern.quote(announcement) + "/[^:]+:(\\d+)").matcher(log.text());
    int port = -1;
    while (matcher.find()) {
      port = Integer.parseInt(matcher.group(1));
    }
    if (port < 0) {
      throw new AssertionError("no '" + announcement + "' line in " + log.file());
    }
    return port;
  }
}

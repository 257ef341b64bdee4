package io.convene.mapi.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The name=value pairs of the request's Cookie headers (RFC 6265 5.4); the first of a name wins. */
public final class Cookies {

  public static final String CONTEXT = "MapiContext";
  public static final String SEQUENCE = "MapiSequence";

  private final Map<String, String> values;

  private Cookies(Map<String, String> values) {
    this.values = values;
  }

  public static Cookies parse(List<String> headers) {
    Map<String, String> values = new HashMap<>();
    for (String header : headers) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    return new Cookies(values);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }
}

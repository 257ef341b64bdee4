package io.convene.convert.ical;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One content line: a name (upper case), parameters (names upper case, values unquoted, several
 * values of one parameter joined by commas) and the value as written, i.e. TEXT still escaped
 * (use {@link #text()}).
 */
public final class ICalProperty {

  private final String name;
  // Name/value pairs in order, null until the first parameter: most lines have none, and a line
  // has a handful at most, so a scan finds one sooner than a hash map (whose entries and tables
  // were a twentieth of what a round trip allocated).
  private String[] params;
  private int paramCount;
  private final String value;

  public ICalProperty(String name, Map<String, String> params, String value) {
    this(name, value);
    for (Map.Entry<String, String> e : params.entrySet()) {
      put(upper(e.getKey()), e.getValue());
    }
  }

  public ICalProperty(String name, String value) {
    this.name = upper(name);
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * A property that takes over the first {@code count} name/value pairs of {@code pairs} (names
   * upper case, each once), as {@link ContentLineReader} collects them.
   */
  static ICalProperty parsed(String name, String[] pairs, int count, String value) {
    ICalProperty p = new ICalProperty(name, value);
    if (count > 0) {
      p.params = pairs;
      p.paramCount = count;
    }
    return p;
  }

  /** A property whose TEXT value is escaped here (RFC 5545 3.3.11). */
  public static ICalProperty text(String name, String text) {
    return new ICalProperty(name, TextValues.escape(text));
  }

  public String name() {
    return name;
  }

  /** The parameter's value; {@code paramName} in upper case, as the converters pass it. */
  public String param(String paramName) {
    for (int i = 0; i < paramCount; i++) {
      if (params[2 * i].equals(paramName)) {
        return params[2 * i + 1];
      }
    }
    return null;
  }

  /** Upper case without allocating when the name already is (nearly always). */
  static String upper(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c > 0x7F) {
        return s.toUpperCase(Locale.ROOT);
      }
    }
    return s;
  }

  /** The parameters in order, a read-only copy. */
  public Map<String, String> params() {
    if (paramCount == 0) {
      return Map.of();
    }
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < paramCount; i++) {
      map.put(params[2 * i], params[2 * i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** How many parameters there are; the writer reads them by index. */
  int paramCount() {
    return paramCount;
  }

  String paramName(int index) {
    return params[2 * index];
  }

  String paramValue(int index) {
    return params[2 * index + 1];
  }

  public ICalProperty withParam(String paramName, String paramValue) {
    if (paramValue != null) {
      put(upper(paramName), paramValue);
    }
    return this;
  }

  /** Sets a parameter, in its place if it is there already (as a map would). */
  private void put(String upperName, String paramValue) {
    for (int i = 0; i < paramCount; i++) {
      if (params[2 * i].equals(upperName)) {
        params[2 * i + 1] = paramValue;
        return;
      }
    }
    if (params == null) {
      params = new String[8];
    } else if (2 * paramCount == params.length) {
      params = Arrays.copyOf(params, params.length * 2);
    }
    params[2 * paramCount] = upperName;
    params[2 * paramCount + 1] = paramValue;
    paramCount++;
  }

  /** The raw value. */
  public String value() {
    return value;
  }

  /** The value unescaped as TEXT. */
  public String text() {
    return TextValues.unescape(value);
  }

  @Override
  public String toString() {
    return name + params() + ":" + value;
  }
}

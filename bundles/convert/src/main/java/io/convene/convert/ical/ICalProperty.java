package io.convene.convert.ical;

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
  // null until the first parameter: most lines have none, and an empty map per line was a tenth of
  // what an import allocated
  private LinkedHashMap<String, String> params;
  private final String value;

  public ICalProperty(String name, Map<String, String> params, String value) {
    this(copyUpper(params), upper(name), Objects.requireNonNull(value, "value"));
  }

  private ICalProperty(LinkedHashMap<String, String> params, String name, String value) {
    this.name = name;
    this.params = params;
    this.value = value;
  }

  /**
   * A property that takes over {@code params} (or {@code null} for none), whose names the parser
   * has upper-cased.
   */
  static ICalProperty parsed(String name, LinkedHashMap<String, String> params, String value) {
    return new ICalProperty(params, upper(name), Objects.requireNonNull(value, "value"));
  }

  private static LinkedHashMap<String, String> copyUpper(Map<String, String> params) {
    if (params.isEmpty()) {
      return null;
    }
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(params.size() * 2 + 1);
    for (Map.Entry<String, String> e : params.entrySet()) {
      copy.put(upper(e.getKey()), e.getValue());
    }
    return copy;
  }

  public ICalProperty(String name, String value) {
    this(name, Map.of(), value);
  }

  /** A property whose TEXT value is escaped here (RFC 5545 3.3.11). */
  public static ICalProperty text(String name, String text) {
    return new ICalProperty(name, Map.of(), TextValues.escape(text));
  }

  public String name() {
    return name;
  }

  /** The parameter's value; {@code paramName} in upper case, as the converters pass it. */
  public String param(String paramName) {
    return params == null ? null : params.get(paramName);
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

  /** The parameters, read-only. */
  public Map<String, String> params() {
    return params == null ? Map.of() : java.util.Collections.unmodifiableMap(params);
  }

  /** The parameters without a read-only wrapper, for the writer (one per written line added up). */
  Map<String, String> paramsForWriting() {
    return params == null ? Map.of() : params;
  }

  public ICalProperty withParam(String paramName, String paramValue) {
    if (paramValue != null) {
      if (params == null) {
        params = new LinkedHashMap<>(4);
      }
      params.put(upper(paramName), paramValue);
    }
    return this;
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

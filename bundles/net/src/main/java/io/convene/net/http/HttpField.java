package io.convene.net.http;

import java.util.Objects;

/**
 * One field line: a name and its value as sent (RFC 9110 5).
 *
 * <p>Values are strings of ISO-8859-1 characters, so every byte the decoder accepted maps to one
 * char. The constructor refuses names that are not tokens and values with control characters other
 * than HTAB, so a field built by a caller cannot inject a line break into a response.
 *
 * @param name the field name, a token, case preserved
 * @param value the value without leading or trailing whitespace
 */
public record HttpField(String name, String value) {

  public HttpField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!HttpGrammar.isToken(name)) {
      throw new IllegalArgumentException("field name is not a token");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xFF || !HttpGrammar.isFieldValueChar(c)) {
        throw new IllegalArgumentException("field " + name + " has a forbidden character");
      }
    }
  }

  /** Whether this field has the given name, ignoring ASCII case. */
  public boolean hasName(String other) {
    return name.equalsIgnoreCase(other);
  }
}

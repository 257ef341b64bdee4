package io.convene.net.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable field section (headers or trailers) in the order received or added. Names are
 * matched case-insensitively; repeated fields are kept as separate entries.
 *
 * @param fields the field lines in order, never {@code null}
 */
public record HttpHeaders(List<HttpField> fields) {

  /** A section without fields. */
  public static final HttpHeaders EMPTY = new HttpHeaders(List.of());

  public HttpHeaders {
    fields = List.copyOf(fields);
  }

  /** A section of alternating names and values, e.g. {@code of("Content-Type", "text/plain")}. */
  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Builder builder = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The value of the first field with this name. */
  public Optional<String> first(String name) {
    for (HttpField field : fields) {
      if (field.hasName(name)) {
        return Optional.of(field.value());
      }
    }
    return Optional.empty();
  }

  /** The values of all fields with this name in order; empty if there is none. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (HttpField field : fields) {
      if (field.hasName(name)) {
        values.add(field.value());
      }
    }
    return values;
  }

  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** Number of field lines. */
  public int size() {
    return fields.size();
  }

  /**
   * Whether a comma-separated list field (RFC 9110 5.6.1) such as {@code Connection} holds the
   * given token, ignoring case, in any of its lines.
   */
  public boolean containsToken(String name, String token) {
    for (String value : all(name)) {
      for (String element : value.split(",", -1)) {
        if (element.strip().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Collects fields in order. Not thread-safe. */
  public static final class Builder {
    private final List<HttpField> fields = new ArrayList<>();

    private Builder() {}

    public Builder add(String name, String value) {
      fields.add(new HttpField(name, value));
      return this;
    }

    public Builder add(HttpField field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    public Builder addAll(HttpHeaders headers) {
      fields.addAll(headers.fields());
      return this;
    }

    public HttpHeaders build() {
      return new HttpHeaders(fields);
    }
  }
}

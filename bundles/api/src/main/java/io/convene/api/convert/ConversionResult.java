package io.convene.api.convert;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a conversion that succeeded, possibly with losses or repairs worth telling the
 * caller about (a property over a limit dropped, a malformed date defaulted...).
 *
 * @param <T> the converted value's type
 * @param value the converted value, never {@code null}
 * @param warnings human-readable notes, one per problem, empty when the conversion was clean
 */
public record ConversionResult<T>(T value, List<String> warnings) {

  public ConversionResult {
    Objects.requireNonNull(value, "value");
    warnings = List.copyOf(warnings);
  }

  /** A result without warnings. */
  public static <T> ConversionResult<T> clean(T value) {
    return new ConversionResult<>(value, List.of());
  }
}

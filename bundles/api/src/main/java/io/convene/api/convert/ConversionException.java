package io.convene.api.convert;

import java.util.Objects;

/**
 * A conversion failed; the message says what and where (component, property, line). Converters
 * throw only this for bad input, never an unchecked exception.
 */
public final class ConversionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ConversionError error;

  /**
   * @param error the kind of failure, never {@code null}
   * @param message what was wrong, never {@code null}
   */
  public ConversionException(ConversionError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /**
   * @param error the kind of failure, never {@code null}
   * @param message what was wrong, never {@code null}
   * @param cause the underlying failure
   */
  public ConversionException(ConversionError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The kind of failure. */
  public ConversionError error() {
    return error;
  }
}

package io.convene.api.store;

/**
 * A code or byte sequence does not form a valid store value: an unknown property type code, a
 * truncated identifier, a malformed XID or predecessor change list. The message says what and
 * where. It is an {@link IllegalArgumentException}, so a boundary that decodes client input can
 * catch exactly this type and map it to the protocol's error.
 */
public final class StoreValueFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, never {@code null}
   */
  public StoreValueFormatException(String message) {
    super(message);
  }
}

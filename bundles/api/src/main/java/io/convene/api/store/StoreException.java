package io.convene.api.store;

/** A store call failed; nothing of it was committed. */
public final class StoreException extends Exception {

  private static final long serialVersionUID = 1L;

  private final StoreError error;

  public StoreException(StoreError error, String message) {
    super(message);
    this.error = error;
  }

  public StoreException(StoreError error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  public StoreError error() {
    return error;
  }
}

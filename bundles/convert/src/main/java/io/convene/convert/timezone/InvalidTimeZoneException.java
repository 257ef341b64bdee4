package io.convene.convert.timezone;

/** A VTIMEZONE that cannot be turned into rules (no observances, bad offsets, bad dates). */
public class InvalidTimeZoneException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidTimeZoneException(String message, Throwable cause) {
    super(message, cause);
  }
}

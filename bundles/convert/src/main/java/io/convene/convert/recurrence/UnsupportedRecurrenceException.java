package io.convene.convert.recurrence;

/**
 * A recurrence that Convene keeps but cannot compute or convert: a non-Gregorian calendar (Hijri,
 * Hebrew, lunar), or an iCalendar rule that a MAPI pattern cannot express. The message says what.
 */
public class UnsupportedRecurrenceException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnsupportedRecurrenceException(String message) {
    super(message);
  }
}

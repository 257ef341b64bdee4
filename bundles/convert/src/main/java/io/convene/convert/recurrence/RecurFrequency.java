package io.convene.convert.recurrence;

/** RecurrencePattern.RecurFrequency (MS-OXOCAL 2.2.1.44.1). */
public enum RecurFrequency {
  DAILY(0x200A),
  WEEKLY(0x200B),
  MONTHLY(0x200C),
  YEARLY(0x200D);

  private final int code;

  RecurFrequency(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The frequency with this wire code, or null. */
  public static RecurFrequency ofCode(int code) {
    for (RecurFrequency f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    return null;
  }
}

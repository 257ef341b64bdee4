package io.convene.convert.recurrence;

/**
 * RecurrencePattern.EndType (MS-OXOCAL 2.2.1.44.1). Both "never end" codes occur in the wild and
 * are kept apart so that a blob encodes back to its bytes.
 */
public enum EndType {
  END_BY_DATE(0x00002021),
  END_AFTER_N_OCCURRENCES(0x00002022),
  NEVER_END(0x00002023),
  NEVER_END_LEGACY(0xFFFFFFFF);

  private final int code;

  EndType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean neverEnds() {
    return this == NEVER_END || this == NEVER_END_LEGACY;
  }

  /** The end type with this wire code, or null. */
  public static EndType ofCode(int code) {
    for (EndType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}

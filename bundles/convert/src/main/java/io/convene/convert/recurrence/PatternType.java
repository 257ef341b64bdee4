package io.convene.convert.recurrence;

/**
 * RecurrencePattern.PatternType (MS-OXOCAL 2.2.1.44.1): which PatternTypeSpecific data follows
 * and how occurrences fall in a period. The Hj* types count in the Hijri calendar.
 */
public enum PatternType {
  DAY(0x0000),
  WEEK(0x0001),
  MONTH(0x0002),
  MONTH_NTH(0x0003),
  MONTH_END(0x0004),
  HJ_MONTH(0x000A),
  HJ_MONTH_NTH(0x000B),
  HJ_MONTH_END(0x000C);

  private final int code;

  PatternType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** PatternTypeSpecific holds a day-of-week mask. */
  public boolean hasDays() {
    return this == WEEK || this == MONTH_NTH || this == HJ_MONTH_NTH;
  }

  /** PatternTypeSpecific holds a day of the month. */
  public boolean hasDayOfMonth() {
    return this == MONTH || this == MONTH_END || this == HJ_MONTH || this == HJ_MONTH_END;
  }

  /** PatternTypeSpecific holds the week of the month (1-4, 5 = last). */
  public boolean hasNth() {
    return this == MONTH_NTH || this == HJ_MONTH_NTH;
  }

  public boolean hijri() {
    return this == HJ_MONTH || this == HJ_MONTH_NTH || this == HJ_MONTH_END;
  }

  /** The pattern type with this wire code, or null. */
  public static PatternType ofCode(int code) {
    for (PatternType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}

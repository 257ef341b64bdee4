package io.convene.convert.recurrence;

/**
 * RecurrencePattern.CalendarType (MS-OXOCAL 2.2.1.44.1, values from MS-OXOCAL's CAL_* table).
 * Kept as data: only {@link #DEFAULT} and the Gregorian variants are expanded by Convene.
 */
public enum CalendarType {
  DEFAULT(0x00),
  GREGORIAN(0x01),
  GREGORIAN_US(0x02),
  JAPAN(0x03),
  TAIWAN(0x04),
  KOREA(0x05),
  HIJRI(0x06),
  THAI(0x07),
  HEBREW(0x08),
  GREGORIAN_ME_FRENCH(0x09),
  GREGORIAN_ARABIC(0x0A),
  GREGORIAN_XLIT_ENGLISH(0x0B),
  GREGORIAN_XLIT_FRENCH(0x0C),
  LUNAR_JAPANESE(0x0E),
  CHINESE_LUNAR(0x0F),
  SAKA(0x10),
  LUNAR_ETO_CHN(0x11),
  LUNAR_ETO_KOR(0x12),
  LUNAR_ROKUYOU(0x13),
  LUNAR_KOREAN(0x14),
  UMALQURA(0x17);

  private final int code;

  CalendarType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Calendars whose months and days are the Gregorian ones (only the display differs). */
  public boolean gregorianDates() {
    return switch (this) {
      case DEFAULT, GREGORIAN, GREGORIAN_US, JAPAN, TAIWAN, KOREA, THAI, GREGORIAN_ME_FRENCH,
          GREGORIAN_ARABIC, GREGORIAN_XLIT_ENGLISH, GREGORIAN_XLIT_FRENCH -> true;
      default -> false;
    };
  }

  /** The calendar type with this wire code, or null. */
  public static CalendarType ofCode(int code) {
    for (CalendarType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}

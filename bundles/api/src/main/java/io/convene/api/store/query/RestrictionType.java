package io.convene.api.store.query;

/**
 * The {@code RestrictType} byte that opens every restriction packet, MS-OXCDATA 2.12 (the table in
 * section 2.12). Each constant names the {@link Restriction} record that models it.
 */
public enum RestrictionType {
  /** {@code RES_AND}, {@link Restriction.And}, MS-OXCDATA 2.12.1. */
  AND(0x00),
  /** {@code RES_OR}, {@link Restriction.Or}, MS-OXCDATA 2.12.2. */
  OR(0x01),
  /** {@code RES_NOT}, {@link Restriction.Not}, MS-OXCDATA 2.12.3. */
  NOT(0x02),
  /** {@code RES_CONTENT}, {@link Restriction.Content}, MS-OXCDATA 2.12.4. */
  CONTENT(0x03),
  /** {@code RES_PROPERTY}, {@link Restriction.Property}, MS-OXCDATA 2.12.5. */
  PROPERTY(0x04),
  /** {@code RES_COMPAREPROPS}, {@link Restriction.CompareProperties}, MS-OXCDATA 2.12.6. */
  COMPARE_PROPERTIES(0x05),
  /** {@code RES_BITMASK}, {@link Restriction.Bitmask}, MS-OXCDATA 2.12.7. */
  BITMASK(0x06),
  /** {@code RES_SIZE}, {@link Restriction.Size}, MS-OXCDATA 2.12.8. */
  SIZE(0x07),
  /** {@code RES_EXIST}, {@link Restriction.Exist}, MS-OXCDATA 2.12.9. */
  EXIST(0x08),
  /** {@code RES_SUBRESTRICTION}, {@link Restriction.SubObject}, MS-OXCDATA 2.12.10. */
  SUB_OBJECT(0x09),
  /** {@code RES_COMMENT}, {@link Restriction.Comment}, MS-OXCDATA 2.12.11. */
  COMMENT(0x0A),
  /** {@code RES_COUNT}, {@link Restriction.Count}, MS-OXCDATA 2.12.12. */
  COUNT(0x0B);

  private final int code;

  RestrictionType(int code) {
    this.code = code;
  }

  /** The {@code RestrictType} byte. */
  public int code() {
    return code;
  }

  /**
   * The type with the given {@code RestrictType} byte.
   *
   * @throws IllegalArgumentException if no restriction type has this code
   */
  public static RestrictionType fromCode(int code) {
    for (RestrictionType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        String.format("unknown restriction type 0x%02X (MS-OXCDATA 2.12)", code));
  }
}

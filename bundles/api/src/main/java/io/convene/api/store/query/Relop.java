package io.convene.api.store.query;

/**
 * A relational operator of a {@link Restriction.Property}, {@link Restriction.CompareProperties} or
 * {@link Restriction.Size} restriction, MS-OXCDATA 2.12.5.1 (the {@code RelOp} table). The
 * comparison reads "item's value {@code relop} given value".
 */
public enum Relop {
  /** {@code RELOP_LT}: the item's value is less than the given value. */
  LT(0x00),
  /** {@code RELOP_LE}: less than or equal. */
  LE(0x01),
  /** {@code RELOP_GT}: greater than. */
  GT(0x02),
  /** {@code RELOP_GE}: greater than or equal. */
  GE(0x03),
  /** {@code RELOP_EQ}: equal. */
  EQ(0x04),
  /** {@code RELOP_NE}: not equal. */
  NE(0x05),
  /**
   * {@code RELOP_RE}: a regular-expression ("LIKE") match whose syntax no specification defines; a
   * store may refuse it.
   */
  RE(0x06),
  /**
   * {@code RELOP_MEMBER_OF_DL}: the item's address-book entry id is a member of the given
   * distribution list; needs the directory, a store may refuse it.
   */
  MEMBER_OF_DL(0x64);

  private final int code;

  Relop(int code) {
    this.code = code;
  }

  /** The {@code RelOp} byte. */
  public int code() {
    return code;
  }

  /**
   * Whether this is one of the six ordering operators ({@link #LT} to {@link #NE}), which compare
   * two values by their type's order.
   */
  public boolean isOrdering() {
    return this != RE && this != MEMBER_OF_DL;
  }

  /**
   * Whether a comparison result (negative, zero, positive as from {@link
   * java.util.Comparator#compare}) satisfies this operator.
   *
   * @throws IllegalStateException for {@link #RE} and {@link #MEMBER_OF_DL}, which are not
   *     orderings
   */
  public boolean test(int comparison) {
    return switch (this) {
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
      case EQ -> comparison == 0;
      case NE -> comparison != 0;
      case RE, MEMBER_OF_DL -> throw new IllegalStateException(this + " is not an ordering");
    };
  }

  /**
   * The operator with the given {@code RelOp} byte.
   *
   * @throws IllegalArgumentException if no operator has this code
   */
  public static Relop fromCode(int code) {
    for (Relop relop : values()) {
      if (relop.code == code) {
        return relop;
      }
    }
    throw new IllegalArgumentException(
        String.format("unknown relational operator 0x%02X (MS-OXCDATA 2.12.5.1)", code));
  }
}

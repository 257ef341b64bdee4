package io.convene.api.store.query;

/** The {@code BitmapRelOp} of a {@link Restriction.Bitmask} restriction, MS-OXCDATA 2.12.7.1. */
public enum BitmaskRelop {
  /** {@code BMR_EQZ}: true if {@code value & mask} is zero. */
  EQZ(0x00),
  /** {@code BMR_NEZ}: true if {@code value & mask} is not zero. */
  NEZ(0x01);

  private final int code;

  BitmaskRelop(int code) {
    this.code = code;
  }

  /** The {@code BitmapRelOp} byte. */
  public int code() {
    return code;
  }

  /**
   * The operator with the given code.
   *
   * @throws IllegalArgumentException if the code is neither 0 nor 1
   */
  public static BitmaskRelop fromCode(int code) {
    return switch (code) {
      case 0x00 -> EQZ;
      case 0x01 -> NEZ;
      default ->
          throw new IllegalArgumentException(
              String.format("unknown bitmask operator 0x%02X (MS-OXCDATA 2.12.7.1)", code));
    };
  }
}

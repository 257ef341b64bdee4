package io.convene.api.store.query;

/**
 * How much of a string or binary property a {@link Restriction.Content} restriction must match: the
 * low 16 bits of {@code FuzzyLevelLow}, MS-OXCDATA 2.12.4.1. Exactly one applies.
 */
public enum FuzzyLevelLow {
  /** {@code FL_FULLSTRING}: the whole value equals the given value. */
  FULLSTRING(0x0000),
  /** {@code FL_SUBSTRING}: the given value occurs anywhere in the value. */
  SUBSTRING(0x0001),
  /** {@code FL_PREFIX}: the value starts with the given value. */
  PREFIX(0x0002);

  private final int code;

  FuzzyLevelLow(int code) {
    this.code = code;
  }

  /** The 16-bit code. */
  public int code() {
    return code;
  }

  /**
   * The level with the given 16-bit code.
   *
   * @throws IllegalArgumentException if the code is not 0, 1 or 2
   */
  public static FuzzyLevelLow fromCode(int code) {
    for (FuzzyLevelLow level : values()) {
      if (level.code == code) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        String.format("unknown FuzzyLevelLow 0x%04X (MS-OXCDATA 2.12.4.1)", code));
  }
}

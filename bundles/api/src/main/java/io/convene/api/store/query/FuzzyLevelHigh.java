package io.convene.api.store.query;

import java.util.EnumSet;
import java.util.Set;

/**
 * A flag of the high 16 bits of a {@link Restriction.Content} restriction's fuzzy level ({@code
 * FuzzyLevelHigh}, MS-OXCDATA 2.12.4.1); any combination may be set. They apply to string values
 * only. {@link #code()} is the flag's bit within the high 16 bits, so the 32-bit {@code
 * ulFuzzyLevel} of MAPI holds it shifted left by 16.
 */
public enum FuzzyLevelHigh {
  /** {@code FL_IGNORECASE}: compare without regard to case. */
  IGNORECASE(0x0001),
  /** {@code FL_IGNORENONSPACE}: ignore non-spacing characters such as diacritical marks. */
  IGNORENONSPACE(0x0002),
  /** {@code FL_LOOSE}: match whenever possible, ignoring case and non-spacing characters. */
  LOOSE(0x0004);

  /** The bits of all flags. */
  public static final int ALL_BITS = 0x0007;

  private final int code;

  FuzzyLevelHigh(int code) {
    this.code = code;
  }

  /** The flag's bit within the 16-bit {@code FuzzyLevelHigh}. */
  public int code() {
    return code;
  }

  /**
   * The flags of a 16-bit {@code FuzzyLevelHigh}.
   *
   * @throws IllegalArgumentException if a bit other than the three flags is set
   */
  public static Set<FuzzyLevelHigh> fromBits(int bits) {
    if ((bits & ~ALL_BITS) != 0) {
      throw new IllegalArgumentException(
          String.format("unknown FuzzyLevelHigh bits 0x%04X (MS-OXCDATA 2.12.4.1)", bits));
    }
    EnumSet<FuzzyLevelHigh> flags = EnumSet.noneOf(FuzzyLevelHigh.class);
    for (FuzzyLevelHigh flag : values()) {
      if ((bits & flag.code) != 0) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /** The 16-bit {@code FuzzyLevelHigh} of a set of flags. */
  public static int toBits(Set<FuzzyLevelHigh> flags) {
    int bits = 0;
    for (FuzzyLevelHigh flag : flags) {
      bits |= flag.code;
    }
    return bits;
  }
}

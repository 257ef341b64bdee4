package io.convene.convert.timezone;

import io.convene.convert.binary.OpaqueBytes;
import java.util.Objects;

/**
 * A TZRule structure (MS-OXOCAL 2.2.1.41.1): the rule of a {@link TimeZoneDefinition} from {@code
 * year} on, until the next rule's year.
 *
 * @param flags TZRULE_FLAG_* bits
 * @param year wYear, the first year the rule applies to
 * @param x the 14 bytes the specification leaves unused (kept as stored)
 * @param rule offsets and transitions
 */
public record TzRule(int flags, int year, OpaqueBytes x, YearRule rule) {

  /** This rule matches PidLidTimeZoneStruct (TZRULE_FLAG_RECUR_CURRENT_TZREG). */
  public static final int FLAG_RECUR_CURRENT_TZREG = 0x0001;
  /** This rule is the one in effect (TZRULE_FLAG_EFFECTIVE_TZREG). */
  public static final int FLAG_EFFECTIVE_TZREG = 0x0002;

  static final int X_SIZE = 14;
  static final OpaqueBytes ZERO_X = OpaqueBytes.of(new byte[X_SIZE]);

  public TzRule {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(rule, "rule");
    if (x.length() != X_SIZE) {
      throw new IllegalArgumentException("TZRule.X is 14 bytes");
    }
    if (flags < 0 || flags > 0xFFFF || year < 0 || year > 0xFFFF) {
      throw new IllegalArgumentException("TZRule flags and wYear are WORDs");
    }
  }

  public TzRule(int flags, int year, YearRule rule) {
    this(flags, year, ZERO_X, rule);
  }

  public boolean effective() {
    return (flags & FLAG_EFFECTIVE_TZREG) != 0;
  }
}

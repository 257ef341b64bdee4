package io.convene.convert.timezone;

import java.util.List;
import java.util.Objects;

/**
 * The TimeZoneDefinition structure of PidLidAppointmentTimeZoneDefinitionStartDisplay,
 * ...EndDisplay and ...Recur (MS-OXOCAL 2.2.1.41): a Windows zone by registry key name and its
 * rules by year range.
 *
 * @param keyName the Windows time zone name, e.g. "W. Europe Standard Time"
 * @param rules the TZRules as stored (a rule holds from its year until the next rule's year)
 */
public record TimeZoneDefinition(String keyName, List<TzRule> rules) {

  public TimeZoneDefinition {
    Objects.requireNonNull(keyName, "keyName");
    rules = List.copyOf(rules);
    if (rules.isEmpty() || rules.size() > 0xFFFF) {
      throw new IllegalArgumentException("a TimeZoneDefinition has 1 to 65535 rules");
    }
    if (keyName.length() > 260) {
      throw new IllegalArgumentException("a time zone key name has at most 260 characters");
    }
  }

  /** The rule flagged effective, else the last one. */
  public TzRule effectiveRule() {
    return rules.stream().filter(TzRule::effective).findFirst().orElse(rules.get(rules.size() - 1));
  }
}

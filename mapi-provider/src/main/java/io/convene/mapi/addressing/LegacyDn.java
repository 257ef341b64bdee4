package io.convene.mapi.addressing;

import io.convene.api.directory.Account;
import java.util.Locale;
import java.util.Optional;

/**
 * The X.500 distinguished names Outlook knows accounts by (PidTagEmailAddress of an EX address,
 * the LegacyDN of Autodiscover, the UserDn of a Connect, NSPI's DNs): {@code
 * /o=Convene/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=<alias>}. The
 * organizational unit is the one every Exchange since 2007 uses, which Outlook expects. Built from
 * the alias, so a DN stays stable while the display name changes; an alias can only hold
 * characters that are safe in a DN (the directory keeps aliases to letters, digits and {@code
 * ._-}), anything else is replaced by its hex escape here to keep the DN parseable.
 */
public final class LegacyDn {

  public static final String ORGANIZATION = "/o=Convene";
  public static final String ADMINISTRATIVE_GROUP =
      ORGANIZATION + "/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)";
  public static final String RECIPIENTS = ADMINISTRATIVE_GROUP + "/cn=Recipients";
  private static final String RECIPIENT_PREFIX = RECIPIENTS + "/cn=";

  private LegacyDn() {}

  /** The DN of an account, from its alias (or its id when the alias is empty). */
  public static String of(Account account) {
    return ofName(account.alias().isEmpty() ? Long.toString(account.id()) : account.alias());
  }

  /** The DN for a recipient common name. */
  public static String ofName(String commonName) {
    StringBuilder dn = new StringBuilder(RECIPIENT_PREFIX);
    for (char c : commonName.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '_' || c == '-') {
        dn.append(c);
      } else {
        dn.append('%').append(String.format("%02x", (int) c));
      }
    }
    return dn.toString();
  }

  /**
   * The recipient common name of a DN of this organization, compared case-insensitively as X.500
   * DNs are; empty for any other DN.
   */
  public static Optional<String> commonName(String dn) {
    if (dn.length() > RECIPIENT_PREFIX.length()
        && dn.regionMatches(true, 0, RECIPIENT_PREFIX, 0, RECIPIENT_PREFIX.length())
        && dn.indexOf('/', RECIPIENT_PREFIX.length()) < 0) {
      return Optional.of(dn.substring(RECIPIENT_PREFIX.length()).toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  /** Whether two DNs name the same object (X.500 DNs compare case-insensitively). */
  public static boolean same(String a, String b) {
    return a.equalsIgnoreCase(b);
  }
}

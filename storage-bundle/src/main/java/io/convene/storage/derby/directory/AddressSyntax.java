package io.convene.storage.derby.directory;

import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.DirectoryException.Reason;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address and alias syntax the directory accepts: a deliberately small subset of RFC 5321
 * section 4.1.2 (dot-atom local part, no quoted strings, no address literals) that every client
 * and MTA handles, with the length limits of RFC 5321 section 4.5.3.1. Everything is lower-cased
 * on the way in.
 */
final class AddressSyntax {

  private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private AddressSyntax() {}

  /** {@code address} trimmed and lower-cased. @throws DirectoryException INVALID with the reason */
  static String smtp(String address) {
    String normalized = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    int at = normalized.lastIndexOf('@');
    if (at <= 0 || at == normalized.length() - 1 || normalized.length() > 254) {
      throw invalid("'" + address + "' is not an SMTP address of the form local@domain (at most 254 characters)");
    }
    String local = normalized.substring(0, at);
    String domain = normalized.substring(at + 1);
    if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
      throw invalid("the local part of '" + address + "' is not valid (letters, digits, .!#$%&'*+/=?^_`{|}~- ; no leading, trailing or double dots)");
    }
    if (domain.length() > 253) {
      throw invalid("the domain of '" + address + "' is too long");
    }
    for (String label : domain.split("\\.", -1)) {
      if (!DOMAIN_LABEL.matcher(label).matches()) {
        throw invalid("the domain of '" + address + "' is not a valid host name");
      }
    }
    return normalized;
  }

  /** {@code alias} trimmed and lower-cased. @throws DirectoryException INVALID with the reason */
  static String alias(String alias) {
    String normalized = alias == null ? "" : alias.strip().toLowerCase(Locale.ROOT);
    if (!ALIAS.matcher(normalized).matches()) {
      throw invalid("'" + alias + "' is not a valid alias (1 to 64 of a-z 0-9 . _ -, starting with a letter or digit)");
    }
    return normalized;
  }

  /** The alias derived from an address: its local part, with characters an alias cannot hold replaced by '-'. */
  static String aliasFor(String smtpAddress) {
    String local = smtpAddress.substring(0, smtpAddress.lastIndexOf('@'));
    String derived = local.replaceAll("[^a-z0-9._-]", "-");
    return alias(derived.length() > 64 ? derived.substring(0, 64) : derived);
  }

  private static DirectoryException invalid(String message) {
    return new DirectoryException(Reason.INVALID, message);
  }
}

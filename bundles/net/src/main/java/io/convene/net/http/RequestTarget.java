package io.convene.net.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A request-target as sent (RFC 9112 3.2), not percent-decoded.
 *
 * @param form which of the four forms it has
 * @param raw the target exactly as in the request line
 */
public record RequestTarget(Form form, String raw) {

  /** The four request-target forms of RFC 9112 3.2. */
  public enum Form {
    /** {@code /path?query}, RFC 9112 3.2.1. */
    ORIGIN,
    /** {@code http://host/path?query}, RFC 9112 3.2.2; only {@code http} and {@code https}. */
    ABSOLUTE,
    /** {@code host:port}, RFC 9112 3.2.3; only with {@code CONNECT}. */
    AUTHORITY,
    /** {@code *}, RFC 9112 3.2.4; only with {@code OPTIONS}. */
    ASTERISK
  }

  public RequestTarget {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * The raw path: for origin-form the part before {@code ?}; for absolute-form the part after the
   * authority, or {@code /} if that is empty (RFC 9112 3.3); {@code *} for asterisk-form; empty for
   * authority-form.
   */
  public String path() {
    return switch (form) {
      case ORIGIN -> beforeQuery(raw);
      case ABSOLUTE -> {
        String rest = raw.substring(authorityEnd());
        String path = beforeQuery(rest);
        yield path.isEmpty() ? "/" : path;
      }
      case ASTERISK -> "*";
      case AUTHORITY -> "";
    };
  }

  /** The raw query without {@code ?}, if the target has one. */
  public Optional<String> query() {
    if (form != Form.ORIGIN && form != Form.ABSOLUTE) {
      return Optional.empty();
    }
    int q = raw.indexOf('?');
    return q < 0 ? Optional.empty() : Optional.of(raw.substring(q + 1));
  }

  /**
   * The authority carried by the target itself: the whole target in authority-form, the part
   * between {@code //} and the path in absolute-form. When present it takes precedence over the
   * {@code Host} field (RFC 9112 3.3).
   */
  public Optional<String> authority() {
    return switch (form) {
      case AUTHORITY -> Optional.of(raw);
      case ABSOLUTE -> Optional.of(raw.substring(raw.indexOf("//") + 2, authorityEnd()));
      default -> Optional.empty();
    };
  }

  private int authorityEnd() {
    int start = raw.indexOf("//") + 2;
    for (int i = start; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '/' || c == '?') {
        return i;
      }
    }
    return raw.length();
  }

  private static String beforeQuery(String s) {
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }
}

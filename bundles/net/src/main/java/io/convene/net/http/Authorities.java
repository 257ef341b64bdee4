package io.convene.net.http;

/**
 * Validates {@code uri-host [ ":" port ]} (RFC 3986 3.2.2-3.2.3) for the {@code Host} field and the
 * authority of absolute-form and authority-form targets.
 */
final class Authorities {

  private Authorities() {}

  /**
   * @param authority the text to check; userinfo ({@code user@}) is refused
   * @param portRequired whether {@code ":" 1*DIGIT} must follow the host (authority-form)
   */
  static boolean isValid(String authority, boolean portRequired) {
    int hostEnd;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 2 || !isIpLiteralContent(authority, 1, close)) {
        return false;
      }
      hostEnd = close + 1;
    } else {
      hostEnd = 0;
      while (hostEnd < authority.length() && authority.charAt(hostEnd) != ':') {
        char c = authority.charAt(hostEnd);
        if (c > 0xFF || !HttpGrammar.isRegNameChar(c) || !isPctWellFormed(authority, hostEnd)) {
          return false;
        }
        hostEnd++;
      }
      if (portRequired && hostEnd == 0) {
        return false;
      }
    }
    if (hostEnd == authority.length()) {
      return !portRequired;
    }
    if (authority.charAt(hostEnd) != ':') {
      return false;
    }
    String port = authority.substring(hostEnd + 1);
    if (portRequired && port.isEmpty()) {
      return false;
    }
    for (int i = 0; i < port.length(); i++) {
      if (!HttpGrammar.isDigit(port.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // IPv6address or IPvFuture: hex digits, ':', '.', and the unreserved / sub-delims of IPvFuture
  private static boolean isIpLiteralContent(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c > 0xFF || c == '%' || !(c == ':' || HttpGrammar.isRegNameChar(c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPctWellFormed(String s, int i) {
    return s.charAt(i) != '%'
        || (i + 2 < s.length()
            && HttpGrammar.isHexDigit(s.charAt(i + 1))
            && HttpGrammar.isHexDigit(s.charAt(i + 2)));
  }
}

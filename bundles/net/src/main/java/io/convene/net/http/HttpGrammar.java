package io.convene.net.http;

/**
 * Character classes of RFC 9110 section 5.6 and RFC 3986 used by the codec, as lookup tables so
 * that every check is one array read.
 */
final class HttpGrammar {

  static final byte CR = '\r';
  static final byte LF = '\n';
  static final byte SP = ' ';
  static final byte HTAB = '\t';

  private static final boolean[] TCHAR = new boolean[256];
  private static final boolean[] TARGET = new boolean[256];
  private static final boolean[] REG_NAME = new boolean[256];
  private static final boolean[] HEX = new boolean[256];

  static {
    for (int c = '0'; c <= '9'; c++) {
      TCHAR[c] = TARGET[c] = REG_NAME[c] = HEX[c] = true;
    }
    for (int c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = TARGET[c] = REG_NAME[c] = true;
      TCHAR[c - 32] = TARGET[c - 32] = REG_NAME[c - 32] = true;
    }
    for (int c = 'a'; c <= 'f'; c++) {
      HEX[c] = HEX[c - 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
    // RFC 3986 unreserved, gen-delims without '#' (a request-target has no fragment),
    // sub-delims and '%' of pct-encoded.
    for (char c : "-._~:/?[]@!$&'()*+,;=%".toCharArray()) {
      TARGET[c] = true;
    }
    // RFC 3986 reg-name: unreserved / pct-encoded / sub-delims
    for (char c : "-._~%!$&'()*+,;=".toCharArray()) {
      REG_NAME[c] = true;
    }
  }

  private HttpGrammar() {}

  /** RFC 9110 5.6.2 tchar. */
  static boolean isTchar(int b) {
    return TCHAR[b & 0xFF];
  }

  /** A character allowed in a request-target (RFC 9112 3.2, RFC 3986). */
  static boolean isTargetChar(int b) {
    return TARGET[b & 0xFF];
  }

  /** RFC 3986 reg-name characters. */
  static boolean isRegNameChar(int b) {
    return REG_NAME[b & 0xFF];
  }

  static boolean isHexDigit(int b) {
    return HEX[b & 0xFF];
  }

  static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  static boolean isWhitespace(int b) {
    return b == SP || b == HTAB;
  }

  /**
   * RFC 9110 5.5 field-vchar (VCHAR / obs-text) or SP / HTAB. Every other control character (NUL,
   * CR, LF, DEL, ...) is refused rather than retained, which RFC 9110 permits.
   */
  static boolean isFieldValueChar(int b) {
    int c = b & 0xFF;
    return c == HTAB || (c >= 0x20 && c != 0x7F);
  }

  /** Whether {@code s} is a non-empty RFC 9110 token. */
  static boolean isToken(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF || !isTchar(c)) {
        return false;
      }
    }
    return true;
  }

  static int hexValue(int b) {
    int c = b & 0xFF;
    if (c <= '9') {
      return c - '0';
    }
    return (c | 0x20) - 'a' + 10;
  }
}

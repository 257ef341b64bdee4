package io.convene.net.http;

import java.nio.charset.StandardCharsets;

/** Parses a request line, RFC 9112 3: {@code method SP request-target SP HTTP-version}. */
final class RequestLineParser {

  /** The parts of a valid request line. */
  record RequestLine(String method, RequestTarget target, HttpVersion version) {}

  private RequestLineParser() {}

  static RequestLine parse(byte[] line, int length) throws HttpProtocolException {
    int firstSp = indexOf(line, 0, length, HttpGrammar.SP);
    int secondSp = firstSp < 0 ? -1 : indexOf(line, firstSp + 1, length, HttpGrammar.SP);
    // No autocorrection of extra or missing spaces (RFC 9112 3): exactly two single SPs.
    if (secondSp < 0 || indexOf(line, secondSp + 1, length, HttpGrammar.SP) >= 0) {
      throw new HttpProtocolException(400, "request line is not method SP target SP version");
    }
    String method = parseMethod(line, firstSp);
    HttpVersion version = parseVersion(line, secondSp + 1, length);
    RequestTarget target = parseTarget(method, ascii(line, firstSp + 1, secondSp));
    return new RequestLine(method, target, version);
  }

  private static String parseMethod(byte[] line, int end) throws HttpProtocolException {
    if (end == 0) {
      throw new HttpProtocolException(400, "empty method");
    }
    for (int i = 0; i < end; i++) {
      if (!HttpGrammar.isTchar(line[i])) {
        throw new HttpProtocolException(400, "method is not a token");
      }
    }
    return ascii(line, 0, end);
  }

  private static HttpVersion parseVersion(byte[] line, int from, int to)
      throws HttpProtocolException {
    // HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 2.3), case-sensitive
    boolean wellFormed =
        to - from == 8
            && line[from] == 'H'
            && line[from + 1] == 'T'
            && line[from + 2] == 'T'
            && line[from + 3] == 'P'
            && line[from + 4] == '/'
            && HttpGrammar.isDigit(line[from + 5])
            && line[from + 6] == '.'
            && HttpGrammar.isDigit(line[from + 7]);
    if (!wellFormed) {
      throw new HttpProtocolException(400, "malformed HTTP-version");
    }
    if (line[from + 5] == '1' && line[from + 7] == '1') {
      return HttpVersion.HTTP_1_1;
    }
    if (line[from + 5] == '1' && line[from + 7] == '0') {
      return HttpVersion.HTTP_1_0;
    }
    throw new HttpProtocolException(505, "unsupported HTTP-version");
  }

  private static RequestTarget parseTarget(String method, String raw) throws HttpProtocolException {
    if (raw.isEmpty()) {
      throw new HttpProtocolException(400, "empty request-target");
    }
    boolean connect = method.equals("CONNECT");
    if (raw.equals("*")) {
      if (!method.equals("OPTIONS")) {
        throw new HttpProtocolException(400, "asterisk-form is only for OPTIONS");
      }
      return new RequestTarget(RequestTarget.Form.ASTERISK, raw);
    }
    if (connect) {
      if (!Authorities.isValid(raw, true)) {
        throw new HttpProtocolException(400, "CONNECT needs an authority-form target");
      }
      return new RequestTarget(RequestTarget.Form.AUTHORITY, raw);
    }
    if (raw.charAt(0) == '/') {
      requirePathAndQuery(raw, 0);
      return new RequestTarget(RequestTarget.Form.ORIGIN, raw);
    }
    return parseAbsolute(raw);
  }

  private static RequestTarget parseAbsolute(String raw) throws HttpProtocolException {
    // Only http(s): a scheme-less "host:port" would otherwise pass as an absolute-URI with
    // scheme "host", letting authority-form in through the back door.
    int colon = raw.indexOf("://");
    String scheme = colon < 0 ? "" : raw.substring(0, colon);
    if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      throw new HttpProtocolException(400, "request-target is not origin-form or http(s) URI");
    }
    int start = colon + 3;
    int end = start;
    while (end < raw.length() && raw.charAt(end) != '/' && raw.charAt(end) != '?') {
      end++;
    }
    String authority = raw.substring(start, end);
    // RFC 9110 4.2.1: an http URI with an empty host is invalid; 4.2.4: userinfo is an error.
    if (authority.isEmpty() || !Authorities.isValid(authority, false)) {
      throw new HttpProtocolException(400, "invalid authority in absolute-form");
    }
    requirePathAndQuery(raw, end);
    return new RequestTarget(RequestTarget.Form.ABSOLUTE, raw);
  }

  /** Path and query characters (RFC 3986 pchar, "/" and "?") with well-formed %XX. */
  private static void requirePathAndQuery(String raw, int from) throws HttpProtocolException {
    for (int i = from; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '[' || c == ']' || !HttpGrammar.isTargetChar(c)) {
        throw new HttpProtocolException(400, "invalid character in request-target");
      }
      if (c == '%'
          && (i + 2 >= raw.length()
              || !HttpGrammar.isHexDigit(raw.charAt(i + 1))
              || !HttpGrammar.isHexDigit(raw.charAt(i + 2)))) {
        throw new HttpProtocolException(400, "invalid percent-encoding in request-target");
      }
    }
  }

  private static int indexOf(byte[] line, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (line[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String ascii(byte[] line, int from, int to) {
    // Only called on ranges whose bytes were or will be checked against ASCII tables; ISO-8859-1
    // maps any other byte to one char, which those checks then refuse.
    return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
  }
}

package io.convene.net.http;

import java.nio.charset.StandardCharsets;

/** Parses one field line, RFC 9112 5: {@code field-name ":" OWS field-value OWS}. */
final class FieldLineParser {

  private FieldLineParser() {}

  static HttpField parse(byte[] line, int length) throws HttpProtocolException {
    if (HttpGrammar.isWhitespace(line[0])) {
      // obs-fold (RFC 9112 5.2), or whitespace before the first field line (RFC 9112 2.2)
      throw new HttpProtocolException(400, "field line starts with whitespace (obs-fold)");
    }
    int colon = 0;
    while (colon < length && line[colon] != ':') {
      byte b = line[colon];
      if (HttpGrammar.isWhitespace(b)) {
        // RFC 9112 5.1: a server MUST reject whitespace between field name and colon
        throw new HttpProtocolException(400, "whitespace between field name and colon");
      }
      if (!HttpGrammar.isTchar(b)) {
        throw new HttpProtocolException(400, "invalid character in field name");
      }
      colon++;
    }
    if (colon == length) {
      throw new HttpProtocolException(400, "field line without colon");
    }
    if (colon == 0) {
      throw new HttpProtocolException(400, "empty field name");
    }
    int start = colon + 1;
    int end = length;
    while (start < end && HttpGrammar.isWhitespace(line[start])) {
      start++;
    }
    while (end > start && HttpGrammar.isWhitespace(line[end - 1])) {
      end--;
    }
    for (int i = start; i < end; i++) {
      if (!HttpGrammar.isFieldValueChar(line[i])) {
        throw new HttpProtocolException(400, "control character in field value");
      }
    }
    return new HttpField(
        new String(line, 0, colon, StandardCharsets.ISO_8859_1),
        new String(line, start, end - start, StandardCharsets.ISO_8859_1));
  }
}

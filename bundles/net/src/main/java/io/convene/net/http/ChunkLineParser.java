package io.convene.net.http;

/**
 * Parses a chunk-size line, RFC 9112 7.1: {@code chunk-size [ chunk-ext ]}. Extensions are checked
 * against the grammar and then ignored; their length is bounded by {@link
 * HttpLimits#maxChunkLine()}.
 */
final class ChunkLineParser {

  // 15 hex digits stay below Long.MAX_VALUE; more leading zeros serve no client.
  private static final int MAX_SIZE_DIGITS = 15;

  private ChunkLineParser() {}

  /**
   * @return the chunk size, {@code 0} for the last chunk
   */
  static long parseSize(byte[] line, int length) throws HttpProtocolException {
    int pos = 0;
    long size = 0;
    while (pos < length && HttpGrammar.isHexDigit(line[pos])) {
      if (pos == MAX_SIZE_DIGITS) {
        throw new HttpProtocolException(400, "chunk size has too many digits");
      }
      size = (size << 4) | HttpGrammar.hexValue(line[pos]);
      pos++;
    }
    if (pos == 0) {
      throw new HttpProtocolException(400, "chunk size is not a hex number");
    }
    checkExtensions(line, pos, length);
    return size;
  }

  // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
  private static void checkExtensions(byte[] line, int pos, int length)
      throws HttpProtocolException {
    while (pos < length) {
      pos = skipWhitespace(line, pos, length);
      if (pos == length || line[pos] != ';') {
        throw new HttpProtocolException(400, "invalid chunk extension");
      }
      pos = skipWhitespace(line, pos + 1, length);
      int nameEnd = skipToken(line, pos, length);
      if (nameEnd == pos) {
        throw new HttpProtocolException(400, "invalid chunk extension name");
      }
      pos = nameEnd;
      int afterWs = skipWhitespace(line, pos, length);
      if (afterWs < length && line[afterWs] == '=') {
        pos = skipWhitespace(line, afterWs + 1, length);
        int valueEnd =
            pos < length && line[pos] == '"'
                ? skipQuotedString(line, pos, length)
                : skipToken(line, pos, length);
        if (valueEnd == pos) {
          throw new HttpProtocolException(400, "invalid chunk extension value");
        }
        pos = valueEnd;
      } else if (afterWs == length && afterWs != pos) {
        throw new HttpProtocolException(400, "trailing whitespace in chunk line");
      }
    }
  }

  private static int skipWhitespace(byte[] line, int pos, int length) {
    while (pos < length && HttpGrammar.isWhitespace(line[pos])) {
      pos++;
    }
    return pos;
  }

  private static int skipToken(byte[] line, int pos, int length) {
    while (pos < length && HttpGrammar.isTchar(line[pos])) {
      pos++;
    }
    return pos;
  }

  /**
   * @return the index after the closing quote
   */
  private static int skipQuotedString(byte[] line, int pos, int length)
      throws HttpProtocolException {
    pos++; // opening quote
    while (pos < length) {
      int c = line[pos] & 0xFF;
      if (c == '"') {
        return pos + 1;
      }
      if (c == '\\') {
        // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
        if (pos + 1 == length || !HttpGrammar.isFieldValueChar(line[pos + 1])) {
          throw new HttpProtocolException(400, "invalid quoted-pair in chunk extension");
        }
        pos += 2;
      } else if (HttpGrammar.isFieldValueChar(c)) {
        pos++;
      } else {
        throw new HttpProtocolException(400, "invalid character in chunk extension");
      }
    }
    throw new HttpProtocolException(400, "unterminated quoted-string in chunk extension");
  }
}

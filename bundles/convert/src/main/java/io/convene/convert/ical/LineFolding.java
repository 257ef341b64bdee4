package io.convene.convert.ical;

import java.nio.charset.StandardCharsets;

/**
 * Folds content lines at 75 octets of UTF-8 (RFC 5545 3.1, RFC 6350 3.2), never inside a
 * character: the libraries' writers count UTF-16 chars, so lines with non-ASCII text came out too
 * long. Lines of the input are separated by CRLF; the output too.
 */
public final class LineFolding {

  /** Octets a folded line may have, its CRLF not counted. */
  public static final int MAX_OCTETS = 75;

  private LineFolding() {}

  /** Appends one unfolded content line (without line end), folded, then CRLF. */
  public static void appendFolded(CharSequence line, StringBuilder out) {
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = Character.codePointAt(line, i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (octets + size > MAX_OCTETS) {
        out.append("\r\n ");
        octets = 1; // the leading space of the continuation line
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }

  /** Folds every line of CRLF- (or LF-) separated text. */
  public static String foldAll(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 50 + 16);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      appendFolded(text.subSequence(start, lineEnd), out);
      start = end + 1;
    }
    return out.toString();
  }

  /** The UTF-8 length of a line, for tests and checks. */
  static int octets(String line) {
    return line.getBytes(StandardCharsets.UTF_8).length;
  }
}

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
    if (line.length() <= MAX_OCTETS && isAscii(line)) {
      out.append(line).append("\r\n"); // nearly every line: one octet per char, short enough
      return;
    }
    // Copied in runs between folds; a surrogate pair counts 4 octets, a lone surrogate 3 (as
    // Character.codePointAt sees it), so a fold never splits a character.
    int n = line.length();
    int octets = 0;
    int run = 0;
    for (int i = 0; i < n; ) {
      int size = octets(line, i, n);
      int chars = size == 4 ? 2 : 1;
      if (octets + size > MAX_OCTETS) {
        out.append(line, run, i).append("\r\n ");
        run = i;
        octets = 1; // the leading space of the continuation line
      }
      octets += size;
      i += chars;
    }
    out.append(line, run, n).append("\r\n");
  }

  /**
   * The UTF-8 octets of the character at {@code i} of {@code text} (of length {@code n}): 4 for a
   * surrogate pair, which is then two chars, 3 for a lone surrogate (as Character.codePointAt sees it).
   */
  private static int octets(CharSequence text, int i, int n) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    return Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)) ? 4 : 3;
  }

  /**
   * Folds the unfolded content line that {@code out} holds from {@code start} to its end, where
   * it stands, and appends CRLF: the same text as {@link #appendFolded} of that line.
   */
  static void foldInPlace(StringBuilder out, int start) {
    if (fits(out, start)) {
      out.append("\r\n");
      return;
    }
    int n = out.length();
    int octets = 0;
    for (int i = start; i < n; ) {
      int size = octets(out, i, n);
      int chars = size == 4 ? 2 : 1;
      if (octets + size > MAX_OCTETS) {
        out.insert(i, "\r\n "); // only the rest of this line moves
        i += 3;
        n += 3;
        octets = 1; // the leading space of the continuation line
      }
      octets += size;
      i += chars;
    }
    out.append("\r\n");
  }

  /** Whether the text from {@code start} to the end is a line of at most {@link #MAX_OCTETS} octets. */
  static boolean fits(CharSequence text, int start) {
    int n = text.length() - start;
    if (n > MAX_OCTETS) {
      return false;
    }
    if (n <= MAX_OCTETS / 3) {
      return true; // at most 3 octets a char: most lines need no count
    }
    int octets = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      // a surrogate counts 3 here, a pair 6: never less than appendFolded counts
      octets += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return octets <= MAX_OCTETS;
  }

  private static boolean isAscii(CharSequence line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
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

package io.convene.convert.ical;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;

/**
 * Reads the content lines of one iCalendar text (RFC 5545 3.1): unfolds them (a line break
 * followed by a space or tab), splits each into name, parameters and value. Line breaks are CRLF
 * or a bare LF (files edited on Unix); a CR not followed by LF is text. A parameter value is
 * quoted ({@code "..."}, any character but DQUOTE and controls other than HTAB, a backslash being
 * just a backslash) or plain (no DQUOTE, {@code ; : ,}); several values of one parameter, or one
 * parameter given twice, are joined by commas; RFC 6868 caret encoding is decoded. Blank lines
 * are skipped. The value is everything after the first colon outside quotes, as written.
 *
 * <p>Written here rather than using ical4j's {@code CalendarParserImpl}: that lexer reads a
 * backslash in a quoted parameter value as an escape (so a CN such as {@code "Doe\, John"} lost its
 * backslash) and cost about 12.5-14 us per 1 KB appointment, the floor of every import (see the
 * module README for the figures). One reader reads one text; not thread-safe.
 */
public final class ContentLineReader {

  private final String text;
  private int pos;
  private int lineNumber;
  private final StringBuilder unfolded = new StringBuilder(128);
  // the current logical line: a range of the text, or of the unfolded copy of a folded line (a
  // String either way: reading through CharSequence, to parse folded lines in their builder,
  // made every line's reading several times slower than the copy it saved)
  private String line;
  private int lineStart;
  private int lineEnd;

  public ContentLineReader(String text) {
    this.text = text;
    this.pos = text.startsWith("\uFEFF") ? 1 : 0; // a byte order mark some editors write
  }

  /** The next content line, or {@code null} at the end of the text. */
  public ICalProperty next() throws ConversionException {
    do {
      if (!nextLine()) {
        return null;
      }
    } while (lineStart == lineEnd);
    return parse(line, lineStart, lineEnd);
  }

  /** The line number (1-based, of physical lines) where the last content line returned started. */
  public int lineNumber() {
    return lineNumber;
  }

  /**
   * Moves to the next logical line, unfolded, without its line break: {@link #line} from {@link
   * #lineStart} to {@link #lineEnd}; false at the end.
   */
  private boolean nextLine() {
    int length = text.length();
    if (pos >= length) {
      return false;
    }
    lineNumber++;
    int start = pos;
    int lf = text.indexOf('\n', start);
    int end = lf < 0 ? length : contentEnd(start, lf);
    int after = lf < 0 ? length : lf + 1;
    if (after >= length || !isFold(text.charAt(after))) {
      pos = after;
      // read in place: a copy of each line was a third of what reading allocated
      line = text;
      lineStart = start;
      lineEnd = end;
      return true;
    }
    // Folded: copy the runs between folds (rare, so the common case above allocates one string).
    unfolded.setLength(0);
    unfolded.append(text, start, end);
    while (after < length && isFold(text.charAt(after))) {
      lineNumber++;
      int from = after + 1;
      lf = text.indexOf('\n', from);
      end = lf < 0 ? length : contentEnd(from, lf);
      unfolded.append(text, from, end);
      after = lf < 0 ? length : lf + 1;
    }
    pos = after;
    line = unfolded.toString();
    lineStart = 0;
    lineEnd = line.length();
    return true;
  }

  private int contentEnd(int start, int lf) {
    return lf > start && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
  }

  private static boolean isFold(char c) {
    return c == ' ' || c == '\t';
  }

  private ICalProperty parse(String line, int from, int end) throws ConversionException {
    int i = from;
    int hash = 0; // String.hashCode of the name, taken while it is read (see KnownNames)
    char c;
    while (i < end && isNameChar(c = line.charAt(i))) {
      hash = 31 * hash + c;
      i++;
    }
    if (i == from) {
      throw malformed("content line without a name");
    }
    String name = name(line, from, i, hash);
    String[] params = null; // name/value pairs, see ICalProperty
    int paramCount = 0;
    while (i < end && line.charAt(i) == ';') {
      int nameStart = ++i;
      hash = 0;
      while (i < end && isNameChar(c = line.charAt(i))) {
        hash = 31 * hash + c;
        i++;
      }
      if (i == nameStart || i >= end || line.charAt(i) != '=') {
        throw malformed("parameter of " + name + " without name=value");
      }
      String paramName = ICalProperty.upper(name(line, nameStart, i, hash));
      StringBuilder values = null;
      String first = null;
      do {
        i++; // past '=' or ','
        int valueStart;
        int valueEnd;
        if (i < end && line.charAt(i) == '"') {
          valueStart = i + 1;
          valueEnd = valueStart;
          while (valueEnd < end && line.charAt(valueEnd) != '"') {
            if (isControl(line.charAt(valueEnd))) {
              throw malformed("control character in parameter " + paramName + " of " + name);
            }
            valueEnd++;
          }
          if (valueEnd >= end) {
            throw malformed("unterminated quoted parameter " + paramName + " of " + name);
          }
          i = valueEnd + 1;
        } else {
          valueStart = i;
          while (i < end && !endsPlainValue(line.charAt(i))) {
            if (isControl(line.charAt(i))) {
              throw malformed("control character in parameter " + paramName + " of " + name);
            }
            i++;
          }
          if (i < end && line.charAt(i) == '"') {
            throw malformed("DQUOTE inside parameter " + paramName + " of " + name);
          }
          valueEnd = i;
        }
        String value = ICalParser.uncaret(line.substring(valueStart, valueEnd));
        if (first == null) {
          first = value;
        } else {
          if (values == null) {
            values = new StringBuilder(first);
          }
          values.append(',').append(value);
        }
      } while (i < end && line.charAt(i) == ',');
      String joined = values == null ? first : values.toString();
      int same = indexOf(params, paramCount, paramName);
      if (same >= 0) { // one parameter given twice: its values joined, in its first place
        params[2 * same + 1] = params[2 * same + 1] + "," + joined;
      } else {
        if (params == null) {
          params = new String[8];
        } else if (2 * paramCount == params.length) {
          params = java.util.Arrays.copyOf(params, params.length * 2);
        }
        params[2 * paramCount] = paramName;
        params[2 * paramCount + 1] = joined;
        paramCount++;
      }
    }
    if (i >= end || line.charAt(i) != ':') {
      throw malformed("content line " + name + " without ':' before its value");
    }
    return ICalProperty.parsed(name, params, paramCount, line.substring(i + 1, end));
  }

  private static int indexOf(String[] params, int count, String paramName) {
    for (int i = 0; i < count; i++) {
      if (params[2 * i].equals(paramName)) {
        return i;
      }
    }
    return -1;
  }

  private static String name(String line, int from, int to, int hash) {
    String known = KnownNames.lookup(line, from, to, hash);
    return known != null ? known : line.substring(from, to);
  }

  private ConversionException malformed(String what) {
    return new ConversionException(ConversionError.MALFORMED, "malformed iCalendar, line " + lineNumber + ": " + what);
  }

  /** iana-token and x-name characters (RFC 5545 3.1), and '_' which some producers use. */
  private static boolean isNameChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
  }

  private static boolean endsPlainValue(char c) {
    return c == ';' || c == ':' || c == ',' || c == '"';
  }

  private static boolean isControl(char c) {
    return c < 0x20 && c != '\t' || c == 0x7F;
  }
}

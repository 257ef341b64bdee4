package io.convene.convert.ical;

/**
 * Writes {@link ICalComponent}s as iCalendar text: CRLF line ends, lines folded at 75 octets
 * ({@link LineFolding}; ical4j's FoldingWriter counts chars, not octets), parameter values quoted when they contain {@code : ; ,} and
 * caret-encoded (RFC 6868) for DQUOTE, line breaks and {@code ^}; other control characters
 * cannot be written in a parameter (RFC 5545 3.1) and are dropped. A backslash is
 * written as it is and {@link ContentLineReader} reads it back as it is.
 */
public final class ICalWriter {

  private ICalWriter() {}

  public static String write(ICalComponent component) {
    StringBuilder out = sizedFor(component);
    write(component, out);
    return out.toString();
  }

  /**
   * A builder about the size of the text, and already two bytes per char when the text has a
   * char beyond Latin-1: a fixed-size builder that widened at the first such char allocated
   * three times the text (the builder, then its widened copy), a tenth of a round trip.
   */
  private static StringBuilder sizedFor(ICalComponent component) {
    long size = measure(component);
    int chars = (int) Math.min(size >>> 1, Integer.MAX_VALUE - 16);
    if ((size & 1) == 0) {
      return new StringBuilder(chars);
    }
    StringBuilder wide = new StringBuilder(1).append('\u0100'); // widened while it holds one char
    wide.setLength(0);
    wide.ensureCapacity(chars);
    return wide;
  }

  /**
   * Twice the chars the component about takes as text (folds and quoting estimated generously;
   * the builder still grows if RFC 6868 encoding takes more), plus 1 if any is beyond Latin-1.
   */
  private static long measure(ICalComponent component) {
    long chars = 16L + 2 * component.name().length();
    boolean wide = false;
    for (ICalProperty p : component.properties()) {
      int line = p.name().length() + 3;
      boolean wideLine = false;
      for (int i = 0; i < p.paramCount(); i++) {
        line += p.paramName(i).length() + p.paramValue(i).length() + 4;
        wideLine |= beyondLatin1(p.paramValue(i));
      }
      String value = p.value();
      line += value.length();
      wideLine |= beyondLatin1(value);
      wide |= wideLine;
      // a fold (3 chars) per 25 chars at worst (3 octets each), per 74 in Latin-1 (at most 2 each)
      chars += line + 3L * (line / (wideLine ? 25 : 37));
    }
    for (ICalComponent child : component.components()) {
      long c = measure(child);
      chars += c >>> 1;
      wide |= (c & 1) != 0;
    }
    return chars << 1 | (wide ? 1 : 0);
  }

  private static boolean beyondLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return true;
      }
    }
    return false;
  }

  /** One property as an unfolded content line, without the line end. */
  public static String line(ICalProperty p) {
    StringBuilder line = new StringBuilder(p.name().length() + p.value().length() + 16);
    appendLine(line, p);
    return line.toString();
  }

  private static void appendLine(StringBuilder line, ICalProperty p) {
    line.append(p.name());
    for (int i = 0; i < p.paramCount(); i++) {
      line.append(';').append(p.paramName(i)).append('=');
      appendParamValue(line, p.paramValue(i));
    }
    line.append(':');
    appendValue(line, p.value());
  }

  private static void write(ICalComponent component, StringBuilder out) {
    out.append("BEGIN:").append(component.name()).append("\r\n");
    for (ICalProperty p : component.properties()) {
      // Written and folded in place: a copy of every line was a tenth of what an export allocated.
      int start = out.length();
      appendLine(out, p);
      LineFolding.foldInPlace(out, start);
    }
    for (ICalComponent child : component.components()) {
      write(child, out);
    }
    out.append("END:").append(component.name()).append("\r\n");
  }

  // RFC 6868: ^ as ^^, DQUOTE as ^', a line break as ^n; other controls cannot be written.
  private static void appendParamValue(StringBuilder line, String value) {
    int plain = plainParamValue(value);
    if (plain >= 0) { // nearly always: appended whole, not char by char
      if (plain == 1) {
        line.append('"').append(value).append('"');
      } else {
        line.append(value);
      }
      return;
    }
    boolean quote = false;
    int start = line.length();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '^') {
        line.append("^^");
        continue;
      }
      if (c == '"') {
        line.append("^'");
        continue;
      }
      if (c == '\n') {
        line.append("^n");
        continue;
      }
      if (c < 0x20 && c != '\t' || c == 0x7F) {
        continue;
      }
      if (c == ':' || c == ';' || c == ',') {
        quote = true;
      }
      line.append(c);
    }
    if (quote) {
      line.insert(start, '"').append('"');
    }
  }

  /** 0 for a value written as it is, 1 for one written quoted as it is, -1 for one to encode. */
  private static int plainParamValue(String value) {
    int quote = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '^' || c == '"' || c < 0x20 && c != '\t' || c == 0x7F) {
        return -1;
      }
      if (c == ':' || c == ';' || c == ',') {
        quote = 1;
      }
    }
    return quote;
  }

  // A raw value must never end the content line early: CR and LF never pass.
  private static void appendValue(StringBuilder line, String value) {
    if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
      line.append(value);
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\r' && c != '\n') {
        line.append(c);
      }
    }
  }
}

package io.convene.convert.ical;

import java.util.Map;

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
    StringBuilder out = new StringBuilder(2048);
    write(component, out, new StringBuilder(256));
    return out.toString();
  }

  /** One property as an unfolded content line, without the line end. */
  public static String line(ICalProperty p) {
    StringBuilder line = new StringBuilder(p.name().length() + p.value().length() + 16);
    appendLine(line, p);
    return line.toString();
  }

  private static void appendLine(StringBuilder line, ICalProperty p) {
    line.append(p.name());
    for (Map.Entry<String, String> param : p.paramsForWriting().entrySet()) {
      line.append(';').append(param.getKey()).append('=');
      appendParamValue(line, param.getValue());
    }
    line.append(':');
    appendValue(line, p.value());
  }

  private static void write(ICalComponent component, StringBuilder out, StringBuilder line) {
    out.append("BEGIN:").append(component.name()).append("\r\n");
    for (ICalProperty p : component.properties()) {
      line.setLength(0);
      appendLine(line, p);
      LineFolding.appendFolded(line, out);
    }
    for (ICalComponent child : component.components()) {
      write(child, out, line);
    }
    out.append("END:").append(component.name()).append("\r\n");
  }

  // RFC 6868: ^ as ^^, DQUOTE as ^', a line break as ^n; other controls cannot be written.
  private static void appendParamValue(StringBuilder line, String value) {
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

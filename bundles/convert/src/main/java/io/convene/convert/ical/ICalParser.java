package io.convene.convert.ical;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Parses one VCALENDAR into {@link ICalComponent}s within {@link ICalLimits}, reading content
 * lines with {@link ContentLineReader}. Any failure is a {@link ConversionException}.
 */
public final class ICalParser {

  private final ICalLimits limits;

  public ICalParser(ICalLimits limits) {
    this.limits = limits;
  }

  public ICalComponent parse(String text) throws ConversionException {
    if (text.length() > limits.maxChars()) {
      throw new ConversionException(
          ConversionError.TOO_LARGE,
          "iCalendar object of " + text.length() + " characters exceeds " + limits.maxChars());
    }
    ContentLineReader lines = new ContentLineReader(text);
    Deque<ICalComponent> stack = new ArrayDeque<>();
    ICalComponent root = null;
    int components = 0;
    int properties = 0;
    for (ICalProperty line = lines.next(); line != null; line = lines.next()) {
      String name = line.name();
      if (name.equals("BEGIN")) {
        String component = line.value().trim();
        if (stack.isEmpty()) {
          if (root != null) {
            throw malformed(lines, "more than one VCALENDAR");
          }
          if (!component.equalsIgnoreCase("VCALENDAR")) {
            throw malformed(lines, "component " + component + " outside VCALENDAR");
          }
        }
        if (++components > limits.maxComponents()) {
          throw new ConversionException(ConversionError.TOO_LARGE, "more than " + limits.maxComponents() + " components");
        }
        if (stack.size() >= limits.maxDepth()) {
          throw new ConversionException(ConversionError.TOO_LARGE, "components nested deeper than " + limits.maxDepth());
        }
        ICalComponent c = new ICalComponent(component);
        if (stack.isEmpty()) {
          root = c;
        } else {
          stack.peek().add(c);
        }
        stack.push(c);
      } else if (name.equals("END")) {
        String component = ICalProperty.upper(line.value().trim());
        if (stack.isEmpty() || !stack.peek().name().equals(component)) {
          throw malformed(lines, "END:" + component + " does not close " + (stack.isEmpty() ? "anything" : stack.peek().name()));
        }
        stack.pop();
      } else {
        if (stack.isEmpty()) {
          throw malformed(lines, "property " + name + " outside VCALENDAR");
        }
        if (++properties > limits.maxProperties()) {
          throw new ConversionException(ConversionError.TOO_LARGE, "more than " + limits.maxProperties() + " properties");
        }
        ICalComponent owner = stack.peek();
        if ("ATTENDEE".equals(name) && owner.count("ATTENDEE") >= limits.maxAttendees()) {
          throw new ConversionException(ConversionError.TOO_LARGE,
              owner.name() + " has more than " + limits.maxAttendees() + " attendees");
        }
        owner.add(line);
      }
    }
    if (root == null) {
      throw new ConversionException(ConversionError.MALFORMED, "no VCALENDAR object");
    }
    if (!stack.isEmpty()) {
      throw new ConversionException(ConversionError.MALFORMED, "unterminated component " + stack.peek().name());
    }
    return root;
  }

  private static ConversionException malformed(ContentLineReader lines, String what) {
    return new ConversionException(ConversionError.MALFORMED, "malformed iCalendar, line " + lines.lineNumber() + ": " + what);
  }

  /** Removes every CRLF followed by a space or tab (RFC 5545 3.1); the benchmark's ical4j floor uses it. */
  static String unfold(String text) {
    int fold = nextFold(text, 0);
    if (fold < 0) {
      return text;
    }
    // Copied in runs between folds: appending char by char cost a tenth of an import.
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (fold >= 0) {
      out.append(text, from, fold);
      from = fold + 3;
      fold = nextFold(text, from);
    }
    return out.append(text, from, text.length()).toString();
  }

  private static int nextFold(String text, int from) {
    for (int i = text.indexOf("\r\n", from); i >= 0; i = text.indexOf("\r\n", i + 1)) {
      if (i + 2 < text.length() && (text.charAt(i + 2) == ' ' || text.charAt(i + 2) == '\t')) {
        return i;
      }
    }
    return -1;
  }

  /** RFC 6868 parameter value decoding: ^^ is ^, ^' is DQUOTE, ^n a line break. */
  static String uncaret(String v) {
    if (v.indexOf('^') < 0) {
      return v;
    }
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '^' && i + 1 < v.length()) {
        char next = v.charAt(i + 1);
        if (next == '^' || next == '\'' || next == 'n' || next == 'N') {
          out.append(next == '^' ? '^' : next == '\'' ? '"' : '\n');
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}

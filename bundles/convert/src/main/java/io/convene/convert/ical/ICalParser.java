package io.convene.convert.ical;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;

/**
 * Parses one VCALENDAR into {@link ICalComponent}s within {@link ICalLimits}. Any failure,
 * including an unchecked exception from the lexer on hostile input, becomes a {@link
 * ConversionException}.
 */
public final class ICalParser {

  private final ICalLimits limits;
  // Keeps no state between parses (each parse makes its own tokenizer), so one serves all
  // threads; a new one per parse looked up its logger every time.
  private final CalendarParserImpl lexer = new CalendarParserImpl();

  public ICalParser(ICalLimits limits) {
    this.limits = limits;
  }

  public ICalComponent parse(String text) throws ConversionException {
    if (text.length() > limits.maxChars()) {
      throw new ConversionException(
          ConversionError.TOO_LARGE,
          "iCalendar object of " + text.length() + " characters exceeds " + limits.maxChars());
    }
    Handler handler = new Handler();
    try {
      // A bare LF is common (files edited on Unix, some producers); the lexer wants CRLF.
      // Unfolded here in one pass: ical4j's UnfoldingReader reads char by char through a
      // PushbackReader and cost a fifth of an import.
      lexer.parse(new StringReader(unfold(normalizeLineEnds(text))), handler);
    } catch (LimitExceeded e) {
      throw e.toConversion();
    } catch (ParserException | IOException | RuntimeException e) {
      LimitExceeded limit = find(e);
      if (limit != null) {
        throw limit.toConversion();
      }
      throw new ConversionException(ConversionError.MALFORMED, "malformed iCalendar: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new ConversionException(ConversionError.MALFORMED, "malformed iCalendar: nesting too deep");
    }
    if (handler.root == null || !"VCALENDAR".equals(handler.root.name())) {
      throw new ConversionException(ConversionError.MALFORMED, "no VCALENDAR object");
    }
    if (!handler.stack.isEmpty()) {
      throw new ConversionException(ConversionError.MALFORMED, "unterminated component " + handler.stack.peek().name());
    }
    return handler.root;
  }

  private static String normalizeLineEnds(String text) {
    if (text.indexOf('\n') < 0 || text.indexOf("\r\n") >= 0 && text.indexOf('\n') == text.indexOf("\r\n") + 1
        && !hasBareLf(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
        out.append('\r');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Removes every CRLF followed by a space or tab (RFC 5545 3.1). */
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

  private static boolean hasBareLf(String text) {
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (i == 0 || text.charAt(i - 1) != '\r') {
        return true;
      }
    }
    return false;
  }

  private static LimitExceeded find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LimitExceeded limit) {
        return limit;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Thrown inside the lexer's callbacks to stop at a limit. */
  private static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ConversionError error;

    LimitExceeded(ConversionError error, String message) {
      super(message, null, false, false);
      this.error = error;
    }

    ConversionException toConversion() {
      return new ConversionException(error, getMessage());
    }
  }

  private final class Handler implements ContentHandler {
    final Deque<ICalComponent> stack = new ArrayDeque<>();
    ICalComponent root;
    int components;
    int properties;
    String propertyName;
    LinkedHashMap<String, String> params;
    String value;

    @Override
    public void startCalendar() {
      if (root != null) {
        throw new LimitExceeded(ConversionError.MALFORMED, "more than one VCALENDAR");
      }
      root = new ICalComponent("VCALENDAR");
      components++;
      stack.push(root);
    }

    @Override
    public void endCalendar() {
      stack.pop();
    }

    @Override
    public void startComponent(String name) {
      if (++components > limits.maxComponents()) {
        throw new LimitExceeded(ConversionError.TOO_LARGE, "more than " + limits.maxComponents() + " components");
      }
      if (stack.size() >= limits.maxDepth()) {
        throw new LimitExceeded(ConversionError.TOO_LARGE, "components nested deeper than " + limits.maxDepth());
      }
      ICalComponent component = new ICalComponent(name);
      if (stack.isEmpty()) {
        throw new LimitExceeded(ConversionError.MALFORMED, "component " + name + " outside VCALENDAR");
      }
      stack.peek().add(component);
      stack.push(component);
    }

    @Override
    public void endComponent(String name) {
      if (stack.size() < 2 || !stack.peek().name().equals(ICalProperty.upper(name))) {
        throw new LimitExceeded(ConversionError.MALFORMED, "END:" + name + " does not close " + describeTop());
      }
      stack.pop();
    }

    private String describeTop() {
      return stack.isEmpty() ? "anything" : stack.peek().name();
    }

    @Override
    public void startProperty(String name) {
      if (++properties > limits.maxProperties()) {
        throw new LimitExceeded(ConversionError.TOO_LARGE, "more than " + limits.maxProperties() + " properties");
      }
      propertyName = name;
      params = null;
      value = "";
    }

    @Override
    public void propertyValue(String propertyValue) {
      value = propertyValue;
    }

    @Override
    public void parameter(String name, String paramValue) {
      String key = ICalProperty.upper(name);
      String unquoted = unquote(paramValue == null ? "" : paramValue);
      if (params == null) {
        params = new LinkedHashMap<>();
      }
      params.merge(key, unquoted, (a, b) -> a + "," + b);
    }

    @Override
    public void endProperty(String name) {
      if (stack.isEmpty()) {
        throw new LimitExceeded(ConversionError.MALFORMED, "property " + name + " outside VCALENDAR");
      }
      ICalComponent owner = stack.peek();
      // The parameter map is handed over, not copied: its keys are upper case already.
      ICalProperty property = ICalProperty.parsed(propertyName, params == null ? new LinkedHashMap<>() : params, value);
      if ("ATTENDEE".equals(property.name()) && owner.count("ATTENDEE") >= limits.maxAttendees()) {
        throw new LimitExceeded(ConversionError.TOO_LARGE,
            owner.name() + " has more than " + limits.maxAttendees() + " attendees");
      }
      owner.add(property);
    }
  }

  private static String unquote(String v) {
    String unquoted = v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"'
        ? v.substring(1, v.length() - 1)
        : v;
    return uncaret(unquoted);
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

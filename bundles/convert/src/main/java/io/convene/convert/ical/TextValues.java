package io.convene.convert.ical;

/**
 * TEXT escaping of RFC 5545 3.3.11 (and vCard 3.0): backslash, semicolon, comma and newline. A
 * lone CR is dropped on output, since a bare CR inside a value would break the content line.
 */
public final class TextValues {

  private TextValues() {}

  public static String escape(String text) {
    if (!needsEscape(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        case '\r' -> {
          if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
            out.append("\\n");
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == ';' || c == ',' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  public static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        switch (next) {
          case 'n', 'N' -> out.append('\n');
          default -> out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Splits a TEXT list value (CATEGORIES) at unescaped commas, unescaping each item. */
  public static java.util.List<String> splitList(String value) {
    java.util.List<String> items = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ',') {
        items.add(unescape(value.substring(start, i)));
        start = i + 1;
      }
    }
    items.add(unescape(value.substring(start)));
    return items;
  }
}

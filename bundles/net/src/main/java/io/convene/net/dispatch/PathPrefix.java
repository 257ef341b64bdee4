package io.convene.net.dispatch;

import java.util.Optional;

/** Rules for endpoint path prefixes: absolute, no dot segments, matched at segment boundaries. */
final class PathPrefix {

  private PathPrefix() {}

  static Optional<String> problem(Object path) {
    if (!(path instanceof String text) || text.isEmpty()) {
      return Optional.of("the service property convene.http.path is missing or not a string");
    }
    if (!text.startsWith("/")) {
      return Optional.of("the path '" + text + "' does not start with '/'");
    }
    for (String segment : text.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("the path '" + text + "' contains a dot segment");
      }
    }
    if (text.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '?' || c == '#')) {
      return Optional.of("the path '" + text + "' contains a space, control character, '?' or '#'");
    }
    return Optional.empty();
  }

  /** {@code /a/b/} and {@code /a/b} name the same prefix; the root stays {@code /}. */
  static String normalize(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  static boolean matches(String prefix, String path) {
    if (prefix.equals("/")) {
      return path.startsWith("/");
    }
    return path.startsWith(prefix)
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }

  /** The next shorter candidate prefix of {@code path}: itself without its last segment. */
  static String parent(String path) {
    if (path.equals("/") || path.isEmpty()) {
      return null;
    }
    String trimmed = normalize(path);
    if (!trimmed.equals(path)) {
      return trimmed;
    }
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}

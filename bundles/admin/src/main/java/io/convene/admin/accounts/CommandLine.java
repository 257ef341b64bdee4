package io.convene.admin.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one shell command: {@code --option value}, {@code --flag} and positional
 * arguments in any order; {@code --} ends the options. Unknown options are errors, so a typo
 * never turns into a positional argument.
 */
final class CommandLine {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positional = new ArrayList<>();

  /**
   * @param valued options that take a value, e.g. {@code --name}
   * @param flagNames options without a value; a short form is given as {@code "-y=--yes"}
   */
  CommandLine(List<String> args, Set<String> valued, Set<String> flagNames, String usage) {
    Map<String, String> shortForms = new HashMap<>();
    Set<String> knownFlags = new HashSet<>();
    for (String flag : flagNames) {
      int equals = flag.indexOf('=');
      if (equals > 0) {
        shortForms.put(flag.substring(0, equals), flag.substring(equals + 1));
        knownFlags.add(flag.substring(equals + 1));
      } else {
        knownFlags.add(flag);
      }
    }
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        positional.add(arg);
      } else if (arg.equals("--")) {
        optionsEnded = true;
      } else {
        String name = shortForms.getOrDefault(arg, arg);
        if (valued.contains(name)) {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value. Usage: " + usage);
          }
          values.put(name, args.get(++i));
        } else if (knownFlags.contains(name)) {
          flags.add(name);
        } else {
          throw new IllegalArgumentException("Unknown option " + arg + ". Usage: " + usage);
        }
      }
    }
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  List<String> positional() {
    return positional;
  }
}

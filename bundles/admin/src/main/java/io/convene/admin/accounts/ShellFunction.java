package io.convene.admin.accounts;

import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

/** A Gogo {@link Function} that passes its arguments on as strings. */
final class ShellFunction {

  private ShellFunction() {}

  static Function of(java.util.function.Function<List<String>, String> command) {
    return (CommandSession session, List<Object> arguments) ->
        command.apply(arguments.stream().map(String::valueOf).toList());
  }
}

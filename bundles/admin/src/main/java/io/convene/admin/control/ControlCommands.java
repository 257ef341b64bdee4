package io.convene.admin.control;

import io.convene.admin.info.BundleTable;
import io.convene.admin.info.ServerFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/** The commands {@code bin/convene} sends over the control channel. */
public final class ControlCommands {

  private final ServerFacts facts;
  private final Supplier<Optional<CommandProcessor>> shell;

  public ControlCommands(ServerFacts facts, Supplier<Optional<CommandProcessor>> shell) {
    this.facts = facts;
    this.shell = shell;
  }

  /**
   * Runs one command line: {@code status} lists every bundle; {@code exec <gogo command>} runs a
   * shell command (e.g. {@code exec convene:info}) and returns what it printed and returned.
   */
  public String run(String commandLine) {
    String line = commandLine.strip();
    if (line.equals("status")) {
      return status();
    }
    if (line.startsWith("exec ")) {
      return exec(line.substring("exec ".length()));
    }
    return "ERROR unknown command; use 'status' or 'exec <shell command>'\n";
  }

  private String status() {
    // bin/convene start waits for "is running": the framework has started every core bundle.
    return "Convene "
        + facts.version()
        + (facts.started() ? " is running, up " : " is starting, up ")
        + facts.uptime().toSeconds()
        + " s\n"
        + BundleTable.render(facts.allBundles());
  }

  private String exec(String gogoLine) {
    Optional<CommandProcessor> processor = shell.get();
    if (processor.isEmpty()) {
      return "ERROR the Gogo runtime is not available\n";
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandSession session =
            processor.get().createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
      Object result = session.execute(gogoLine);
      if (result != null) {
        out.println(session.format(result, Converter.INSPECT));
      }
    } catch (Exception e) {
      return printed.toString(StandardCharsets.UTF_8) + "ERROR " + e.getMessage() + '\n';
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}

package io.convene.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts log syncs per operation: runs the single-save and bulk phases again, in a child JVM
 * under {@code strace}, on a fresh database, and reads the trace with {@link StraceLog}. The child
 * ({@code StoreBenchmark --phase=syncs}) creates a marker file before each measured segment, so
 * database creation, provisioning and warm-up are counted apart.
 */
final class SyncCounter {

  /** Segments the child marks, in order; {@code end} closes the last one. */
  static final String STORE_SINGLE = "store-single";
  static final String PLAIN_SINGLE = "plain-single";
  static final String STORE_BULK = "store-bulk";
  static final String PLAIN_BULK = "plain-bulk";
  static final String END = "end";

  /** Bulk calls per target in the child: enough to see a per-call pattern, cheap under strace. */
  static final int BULK_CALLS = 3;

  /**
   * Log and data syncs per operation.
   *
   * @param ops single saves per target
   */
  record Result(int ops, StraceLog.Counts storeSingle, StraceLog.Counts plainSingle, StraceLog.Counts storeBulk,
      StraceLog.Counts plainBulk) {}

  private SyncCounter() {}

  /** Whether {@code strace} runs here. */
  static boolean available() {
    try {
      Process probe = new ProcessBuilder("strace", "-V").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs the child in {@code work/syncs} (which must not exist) and counts.
   *
   * @throws IOException if the child fails; the message carries the end of its output
   */
  static Result count(StoreBenchSettings settings, Path work) throws IOException, InterruptedException {
    Path childData = work.resolve("syncs");
    Path trace = work.resolve("syncs.strace");
    Path output = work.resolve("syncs.out");
    List<String> command = new ArrayList<>(List.of(
        "strace", "-f", "-qq", "-y", "-s", "0",
        "-e", "trace=openat,write,pwrite64,pwritev,pwritev2,fsync,fdatasync", "-o", trace.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx512m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    // Derby settings given to this run (JAVA_OPTS=-Dderby.storage...) apply to the child too; its
    // error log it places itself.
    System.getProperties().stringPropertyNames().stream().sorted()
        .filter(name -> name.startsWith("derby.") && !name.equals("derby.stream.error.file"))
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), StoreBenchmark.class.getName()));
    command.addAll(List.of(settings.childArgs(childData)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!child.waitFor(15, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new IOException("the strace child did not finish in 15 minutes; its output is in " + output);
    }
    if (child.exitValue() != 0) {
      throw new IOException("the strace child exited with " + child.exitValue() + ":\n" + tail(output));
    }
    StraceLog log = StraceLog.parse(trace, childData.resolve("db").resolve("log").toRealPath());
    for (String segment : List.of(STORE_SINGLE, PLAIN_SINGLE, STORE_BULK, PLAIN_BULK, END)) {
      if (!log.segments().containsKey(segment)) {
        throw new IOException("the trace " + trace + " has no marker " + segment);
      }
    }
    return new Result(settings.syncOps(), log.segment(STORE_SINGLE), log.segment(PLAIN_SINGLE),
        log.segment(STORE_BULK), log.segment(PLAIN_BULK));
  }

  private static String tail(Path output) throws IOException {
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}

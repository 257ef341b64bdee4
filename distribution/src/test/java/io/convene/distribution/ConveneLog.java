package io.convene.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the server's log file as written by the distribution's Pax Logging configuration. */
final class ConveneLog {

  private static final Pattern WARN_OR_ERROR = Pattern.compile("\\| (WARN |ERROR) \\|");

  private final Path file;

  ConveneLog(Path home) {
    this.file = home.resolve("log/convene.log");
  }

  Path file() {
    return file;
  }

  String text() {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean contains(String fragment) {
    return text().contains(fragment);
  }

  /** WARN and ERROR lines, minus those matching one of the patterns a test expects. */
  List<String> unexpectedWarningsAndErrors(List<Pattern> expected) {
    return text()
        .lines()
        .filter(line -> WARN_OR_ERROR.matcher(line).find())
        .filter(line -> expected.stream().noneMatch(pattern -> pattern.matcher(line).find()))
        .toList();
  }
}

package io.convene.convert.binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Loads {@code src/test/resources/spec/<doc>/<name>.hex}: '#' lines are the source, the rest hex. */
public final class SpecFixtures {

  private SpecFixtures() {}

  public static byte[] hex(String path) {
    try (InputStream in = SpecFixtures.class.getResourceAsStream("/spec/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String hex =
          text.lines()
              .filter(l -> !l.startsWith("#"))
              .collect(Collectors.joining())
              .replaceAll("\\s+", "");
      return HexFormat.of().parseHex(hex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.convene.mapi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads byte fixtures from {@code src/test/resources/spec/<doc>/<section>.hex}: hex pairs separated
 * by blanks, lines starting with {@code #} name the section the bytes came from.
 */
public final class SpecFixtures {

  private SpecFixtures() {}

  public static byte[] hex(String resource) {
    String text = text(resource);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      for (String token : line.trim().split("\\s+")) {
        if (!token.isEmpty()) {
          out.write(Integer.parseInt(token, 16));
        }
      }
    }
    return out.toByteArray();
  }

  public static String text(String resource) {
    try (InputStream in = SpecFixtures.class.getResourceAsStream("/spec/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture spec/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] parseHex(String hex) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String token : hex.trim().split("\\s+")) {
      out.write(Integer.parseInt(token, 16));
    }
    return out.toByteArray();
  }
}

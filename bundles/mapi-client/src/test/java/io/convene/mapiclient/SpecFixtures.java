package io.convene.mapiclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads byte fixtures under {@code src/test/resources/spec/}: hex bytes, lines starting with # are comments. */
public final class SpecFixtures {

  private SpecFixtures() {}

  public static byte[] hex(String resource) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : text(resource).split("\n")) {
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

  public static byte[] bytes(String resource) {
    return text(resource).getBytes(StandardCharsets.UTF_8);
  }
}

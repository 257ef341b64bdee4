package io.convene.admin.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Tells why a file is not an installable OSGi bundle, so an administrator gets a reason. */
public final class BundleJarCheck {

  private BundleJarCheck() {}

  /** Returns the reason {@code jar} is not a bundle, or empty if it looks like one. */
  public static Optional<String> problem(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        return Optional.of("it has no META-INF/MANIFEST.MF, so it is a plain jar, not an OSGi bundle");
      }
      Attributes main = manifest.getMainAttributes();
      String name = main.getValue("Bundle-SymbolicName");
      if (name == null || name.isBlank()) {
        return Optional.of("its manifest has no Bundle-SymbolicName header, so it is not an OSGi bundle");
      }
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of("it is not a readable jar (" + e.getMessage() + ")");
    }
  }
}

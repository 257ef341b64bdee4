package io.convene.admin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleJarCheckTest {

  @TempDir Path dir;

  @Test
  void aBundleHasNoProblem() throws IOException {
    assertThat(BundleJarCheck.problem(jar("ok.jar", "com.example.plugin"))).isEmpty();
  }

  @Test
  void aCorruptFileIsReportedAsUnreadable() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.jar"), "this is not a zip file");
    assertThat(BundleJarCheck.problem(broken)).hasValueSatisfying(reason -> assertThat(reason).startsWith("it is not a readable jar"));
  }

  @Test
  void aJarWithoutSymbolicNameIsNotABundle() throws IOException {
    assertThat(BundleJarCheck.problem(jar("plain.jar", null)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("no Bundle-SymbolicName"));
  }

  @Test
  void aJarWithoutManifestIsNotABundle() throws IOException {
    Path jar = dir.resolve("nomanifest.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("a.txt"));
      zip.write('a');
    }
    assertThat(BundleJarCheck.problem(jar)).hasValueSatisfying(reason -> assertThat(reason).contains("no META-INF/MANIFEST.MF"));
  }

  private Path jar(String name, String symbolicName) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (symbolicName != null) {
      manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
    }
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest)) {
      zip.putNextEntry(new ZipEntry("a.txt"));
      zip.write('a');
    }
    return jar;
  }
}

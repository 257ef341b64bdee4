package io.convene.distribution;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that start the distribution's own bundle list (target/convene/bundle) with its
 * own etc/ configuration, in a fresh server folder per test class.
 */
final class ConveneContainer {

  /**
   * Launcher-only properties: Pax Exam installs the bundles, owns the framework storage and sets
   * the start levels itself (its probe starts last).
   */
  private static final List<String> LAUNCHER_ONLY =
      List.of(
          "felix.auto.",
          "org.osgi.framework.storage",
          "org.osgi.framework.startlevel.beginning",
          "felix.startlevel.bundle");

  private ConveneContainer() {}

  static Path distribution() {
    return Path.of(System.getProperty("convene.dist", "target/convene")).toAbsolutePath();
  }

  /** The server folder of a test class; the same path inside the container and in the driver. */
  static Path home(String name) {
    return distribution().resolveSibling("it-homes").resolve(name);
  }

  static Option[] options(String name) {
    Path dist = distribution();
    Path home = home(name);
    prepareHome(dist, home);
    List<Option> options = new ArrayList<>();
    options.add(workingDirectory(dist.resolveSibling("exam").resolve(name).toString()));
    options.add(cleanCaches(true));
    options.add(frameworkProperty("convene.home").value(home.toString()));
    options.add(systemProperty("convene.home").value(home.toString()));
    options.add(frameworkProperty("convene.profile").value("production"));
    // as bin/convene start: no console; stdin and stdout belong to the test runner
    options.add(frameworkProperty("gosh.args").value("--nointeractive"));
    load(home.resolve("etc/config.properties"), home)
        .forEach(
            (key, value) -> {
              if (LAUNCHER_ONLY.stream().noneMatch(prefix -> key.toString().startsWith(prefix))) {
                options.add(frameworkProperty(key.toString()).value(value));
              }
            });
    load(home.resolve("etc/system.properties"), home)
        .forEach((key, value) -> options.add(systemProperty(key.toString()).value(value.toString())));
    // The launcher's start levels: logging (system/) first, then the core bundles (bundle/).
    for (Path jar : jars(dist.resolve("system"))) {
      options.add(bundle(jar.toUri().toString()).startLevel(1));
    }
    for (Path jar : jars(dist.resolve("bundle"))) {
      options.add(bundle(jar.toUri().toString()).startLevel(2));
    }
    options.add(junitBundles());
    // AssertJ (and the ByteBuddy it needs) for assertions inside the container
    options.add(bundle(jarOf(org.assertj.core.api.Assertions.class)));
    options.add(bundle(jarOf(net.bytebuddy.ByteBuddy.class)));
    return options.toArray(Option[]::new);
  }

  /** Free loopback ports instead of 8443, so tests never collide with a running server. */
  static void writeTestListeners(Path home) throws IOException {
    Files.writeString(home.resolve("etc/io.convene.net.http.cfg"),
        "bind.address = 127.0.0.1\nhttps.port = 0\nhttp.port = 0\ntls.host.name = localhost\n");
  }

  private static void prepareHome(Path dist, Path home) {
    try {
      if (Files.exists(home)) {
        try (Stream<Path> old = Files.walk(home)) {
          old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      for (String dir : List.of("deploy", "data", "log", "etc")) {
        Files.createDirectories(home.resolve(dir));
      }
      try (Stream<Path> etc = Files.list(dist.resolve("etc"))) {
        for (Path file : etc.filter(Files::isRegularFile).toList()) {
          Files.copy(file, home.resolve("etc").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.createDirectories(home.resolve("etc/profiles/production"));
      writeTestListeners(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().toString();
  }

  private static List<Path> jars(Path dir) {
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties load(Path file, Path home) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    properties.replaceAll((key, value) -> value.toString().replace("${convene.home}", home.toString()));
    return properties;
  }
}

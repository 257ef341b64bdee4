package io.convene.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Drives the built server folder through {@code bin/convene}, as an administrator would: start,
 * status, hot deploy, live configuration, bad input in deploy/ and etc/, stop.
 */
public class LauncherIT {

  private static final Duration HOT_DEPLOY_LIMIT = Duration.ofSeconds(5);

  private Path home;
  private ConveneLog log;

  @Before
  public void copyServerFolder() throws IOException {
    home = ConveneContainer.distribution().resolveSibling("launcher-home");
    deleteTree(home);
    copyTree(ConveneContainer.distribution(), home);
    ConveneContainer.writeTestListeners(home);
    // the demo profile (demo accounts), with the test's listeners instead of the demo's fixed ports
    Files.delete(home.resolve("etc/profiles/demo/io.convene.net.http.cfg"));
    log = new ConveneLog(home);
  }

  @After
  public void stopServer() {
    if (home != null) {
      run("stop");
    }
  }

  @Test
  public void administratorLifecycle() throws Exception {
    Result notRunning = run("status");
    assertThat(notRunning.exitCode()).isEqualTo(3);
    assertThat(notRunning.output()).contains("Convene is not running");

    long started = System.nanoTime();
    Result start = run("start");
    long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(start.exitCode()).as(start.output()).isZero();
    String status = run("status").output();
    assertThat(status).contains("Convene is running (pid ").containsPattern("ACTIVE\\s+io\\.convene\\.admin");
    assertThat(status.lines().filter(line -> line.matches("\\s*\\d+\\s+\\S+.*")))
        .as("every bundle ACTIVE after start")
        .allMatch(line -> line.contains(" ACTIVE "));
    long pid = Long.parseLong(Files.readString(home.resolve("data/convene.pid")).strip());
    System.out.printf("FIGURE cold start to all bundles ACTIVE: %d ms; RSS after start: %d MB%n", startMillis, rssMegabytes(pid));

    // The demo profile created its accounts, each with a mailbox; an online backup can be taken.
    Deadline.await(HOT_DEPLOY_LIMIT, "demo accounts", () -> shell("convene:account-list").contains("car.1@example.com"));
    assertThat(shell("convene:account-list"))
        .contains("alice@example.com", "bob@example.com", "room.berlin@example.com", "car.1@example.com");
    Path backup = home.resolve("backup");
    assertThat(shell("convene:backup " + backup)).contains("Backup of ");
    assertThat(backup.resolve("convene/service.properties")).exists();

    // Hot deploy: a vendor bundle dropped into deploy/ starts; its section shows in convene:info.
    Path deployed = home.resolve("deploy/convene-sample-plugin.jar");
    Files.copy(home.resolve("samples/convene-sample-plugin.jar"), deployed);
    awaitStatus("sample plugin ACTIVE", Pattern.compile("(\\d+)\\s+ACTIVE\\s+io\\.convene\\.sample\\s+0\\.1\\.0\\.SNAPSHOT"));
    long sampleId = bundleId(run("status").output(), "io.convene.sample");
    assertThat(shell("convene:info")).contains("[sample-plugin]").contains("greeting: Hello from the Convene sample plugin");
    // ... and its URL answers over TLS, with the certificate the server generated on first start.
    Deadline.await(HOT_DEPLOY_LIMIT, "sample endpoint registered", () -> shell("convene:endpoints").contains("/sample"));
    assertThat(home.resolve("data/tls/selfsigned.p12")).exists();
    if (curlAvailable()) {
      assertThat(curl("-sS", "--cacert", exportCertificate().toString(), "https://localhost:" + HttpPorts.https(log) + "/sample/hello"))
          .isEqualTo("Hello from the Convene sample plugin\n");
    }

    // A *.cfg file in etc/ reconfigures the component live.
    Path cfg = home.resolve("etc/io.convene.sample.greeting.cfg");
    Files.writeString(cfg, "greeting = Welcome to ACME\n");
    awaitShell("greeting from etc/", "convene:info", "greeting: Welcome to ACME");

    // A malformed *.cfg is logged and ignored: the last good configuration stays.
    Files.writeString(cfg, "greeting = \\uZZZZ\n");
    Deadline.await(HOT_DEPLOY_LIMIT, "malformed cfg logged", () -> log.contains("Unable to parse unicode value: ZZZZ"));
    assertThat(shell("convene:info")).contains("greeting: Welcome to ACME");

    // A newer version written over the same file updates the bundle in place (same id, one copy).
    writeWithVersion(home.resolve("samples/convene-sample-plugin.jar"), deployed, "0.1.1");
    awaitStatus("sample plugin updated to 0.1.1", Pattern.compile("ACTIVE\\s+io\\.convene\\.sample\\s+0\\.1\\.1\\s"));
    String afterUpdate = run("status").output();
    assertThat(afterUpdate.lines().filter(line -> line.contains("io.convene.sample"))).hasSize(1);
    assertThat(bundleId(afterUpdate, "io.convene.sample")).isEqualTo(sampleId);

    // A corrupt jar and a bundle whose imports cannot resolve are logged with the reason; the
    // server and the other bundles keep running.
    Files.writeString(home.resolve("deploy/corrupt.jar"), "not a zip archive");
    writeUnresolvableBundle(home.resolve("deploy/unresolvable.jar"));
    Deadline.await(HOT_DEPLOY_LIMIT, "corrupt jar logged", () -> log.contains("Not installing " + home.resolve("deploy/corrupt.jar") + ": it is not a readable jar"));
    Deadline.await(HOT_DEPLOY_LIMIT, "unresolvable bundle logged", () -> log.contains("(osgi.wiring.package=com.example.missing)"));
    String withBadInput = run("status").output();
    assertThat(withBadInput).containsPattern("INSTALLED\\s+com\\.example\\.unresolvable").containsPattern("ACTIVE\\s+io\\.convene\\.sample");
    assertThat(withBadInput.lines().filter(line -> line.matches("\\s*\\d+\\s+\\S+.*") && !line.contains("com.example.unresolvable")))
        .allMatch(line -> line.contains(" ACTIVE "));
    Files.delete(home.resolve("deploy/corrupt.jar"));
    Files.delete(home.resolve("deploy/unresolvable.jar"));

    // Removing the jar uninstalls the bundle.
    Files.delete(deployed);
    Deadline.await(HOT_DEPLOY_LIMIT, "sample plugin gone from status", () -> !run("status").output().contains("io.convene.sample"));

    Result stop = run("stop");
    assertThat(stop.exitCode()).isZero();
    assertThat(stop.output()).contains("Convene stopped");
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(run("status").output()).contains("Convene is not running");
    assertThat(log.contains("Control channel closed")).as("clean shutdown logged").isTrue();
    assertThat(log.unexpectedWarningsAndErrors(List.of(
            Pattern.compile("Failed to update artifact .*io\\.convene\\.sample\\.greeting\\.cfg"),
            Pattern.compile("Not installing .*corrupt\\.jar"),
            Pattern.compile("Error while starting bundle: .*unresolvable\\.jar"),
            Pattern.compile("Demo accounts created .* Not for production"))))
        .isEmpty();

    // A second start finds its database, certificate and accounts in data/.
    long restarted = System.nanoTime();
    assertThat(run("start").exitCode()).isZero();
    long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
    long secondPid = Long.parseLong(Files.readString(home.resolve("data/convene.pid")).strip());
    System.out.printf("FIGURE warm start to all bundles ACTIVE: %d ms; RSS after start: %d MB%n", restartMillis, rssMegabytes(secondPid));
    assertThat(shell("convene:account-list")).contains("alice@example.com");
    assertThat(run("stop").exitCode()).isZero();
  }

  private static boolean curlAvailable() {
    return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "curl")));
  }

  private static String curl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("curl", "--max-time", "10"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  /** The generated certificate as PEM, so curl verifies it instead of skipping verification. */
  private Path exportCertificate() throws Exception {
    char[] password = Files.readString(home.resolve("data/tls/selfsigned.password")).strip().toCharArray();
    java.security.KeyStore store = java.security.KeyStore.getInstance(home.resolve("data/tls/selfsigned.p12").toFile(), password);
    byte[] der = store.getCertificate("convene").getEncoded();
    Path pem = home.resolve("data/tls/test-ca.pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n");
    return pem;
  }

  private void awaitStatus(String what, Pattern pattern) {
    Deadline.await(HOT_DEPLOY_LIMIT, what, () -> pattern.matcher(run("status").output()).find());
  }

  private void awaitShell(String what, String command, String expected) {
    Deadline.await(HOT_DEPLOY_LIMIT, what, () -> shell(command).contains(expected));
  }

  private String shell(String command) {
    Result result = run("shell", command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  private static long bundleId(String status, String symbolicName) {
    return status.lines()
        .filter(line -> line.contains(" " + symbolicName + " "))
        .map(line -> Long.parseLong(line.strip().split("\\s+")[0]))
        .findFirst()
        .orElseThrow(() -> new AssertionError(symbolicName + " not in status:\n" + status));
  }

  private static long rssMegabytes(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
        .findFirst()
        .orElse(-1L);
  }

  /** Copies a bundle with another Bundle-Version, as a vendor's next release would be. */
  private static void writeWithVersion(Path source, Path target, String version) throws IOException {
    Path temp = target.resolveSibling(".next.tmp");
    try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
      Manifest manifest = in.getManifest();
      manifest.getMainAttributes().putValue("Bundle-Version", version);
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(temp), manifest)) {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
          out.putNextEntry(new JarEntry(entry.getName()));
          in.transferTo(out);
        }
      }
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeUnresolvableBundle(Path target) throws IOException {
    Manifest manifest = new Manifest();
    var main = manifest.getMainAttributes();
    main.putValue("Manifest-Version", "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", "com.example.unresolvable");
    main.putValue("Bundle-Version", "1.0.0");
    main.putValue("Import-Package", "com.example.missing");
    try (OutputStream out = Files.newOutputStream(target);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
  }

  private record Result(int exitCode, String output) {}

  private Result run(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/convene").toString()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().put("CONVENE_PROFILE", "demo");
      Process process = builder.start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("bin/convene " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (!path.startsWith(from.resolve("data")) && !path.startsWith(from.resolve("log"))) {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}

package io.convene.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Directory;
import io.convene.api.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The server starts while another process holds its Derby database: the log names the data
 * directory and says why, the database is left alone, and everything that does not need the
 * database (HTTP, the shell) runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LockedDatabaseIT {

  private static final String NAME = "LockedDatabaseIT";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject private BundleContext context;

  private final Path home = ConveneContainer.home(NAME);
  private final ConveneLog log = new ConveneLog(home);

  /** Runs in the test driver before the framework starts: another process takes the database first. */
  @Configuration
  public Option[] configuration() {
    Option[] options = ConveneContainer.options(NAME);
    lockDatabase(database(home));
    return options;
  }

  private static Path database(Path home) {
    return home.resolve("data/derby/convene");
  }

  @After
  public void onlyTheExpectedErrorsWereLogged() {
    // one clear error, not a cascade of components failing to get services
    assertThat(log.unexpectedWarningsAndErrors(List.of(Pattern.compile("Convene's database in .* could not be opened"))))
        .as("WARN/ERROR lines in " + log.file()).isEmpty();
    assertThat(log.text().lines().filter(line -> line.contains("could not be opened"))).hasSize(1);
  }

  @Test
  public void theLogNamesTheLockedDataDirectoryAndTheRestOfTheServerRuns() throws Exception {
    Path database = database(home);
    Deadline.await(WAIT, "the locked-database message in " + log.file(),
        () -> log.contains("The database in " + database + " is in use by another Convene or Derby process"));

    // nothing needing the database is offered, nothing was re-created over it
    assertThat(context.getServiceReference(Store.class)).isNull();
    assertThat(context.getServiceReference(Directory.class)).isNull();
    assertThat(database.resolve("service.properties")).exists();
    assertThat(log.text()).doesNotContain("Schema 'store' upgraded");

    // the storage bundle itself stays active, and so does the rest
    Bundle storage = bundle("io.convene.storage.derby");
    assertThat(storage.getState()).isEqualTo(Bundle.ACTIVE);
    assertThat(bundle("io.convene.net").getState()).isEqualTo(Bundle.ACTIVE);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Deadline.await(WAIT, "the HTTP listener", () -> log.contains("HTTP listening on "));
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HttpPorts.http(log) + "/no-such-endpoint")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  private Bundle bundle(String symbolicName) {
    for (Bundle bundle : context.getBundles()) {
      if (symbolicName.equals(bundle.getSymbolicName())) {
        return bundle;
      }
    }
    throw new AssertionError("no bundle " + symbolicName);
  }

  private static Path derbyJar() throws IOException {
    try (var jars = Files.list(ConveneContainer.distribution().resolve("bundle"))) {
      return jars.filter(jar -> jar.getFileName().toString().startsWith("convene-wrap-derby")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no Derby bundle in " + ConveneContainer.distribution()));
    }
  }

  /**
   * Starts {@link DerbyLockHolder} on {@code directory} and waits until it holds the database. It
   * lets go when this JVM exits (its standard input closes).
   */
  private static void lockDatabase(Path directory) {
    try {
      Files.createDirectories(directory.getParent());
      Process holder = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              // Derby is kept off the driver's class path; the holder takes the distribution's copy
              "-cp", System.getProperty("java.class.path") + java.io.File.pathSeparator + derbyJar(),
              "-Dderby.stream.error.file=" + directory.resolveSibling("derby-holder.log"),
              DerbyLockHolder.class.getName(), directory.toString())
          .redirectError(directory.resolveSibling("holder.err").toFile())
          .start();
      String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
      if (!"LOCKED".equals(line)) {
        throw new IllegalStateException("the lock holder did not start: " + line + ", see "
            + directory.resolveSibling("holder.err"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

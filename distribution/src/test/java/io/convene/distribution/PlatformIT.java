package io.convene.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.plugin.InfoContributor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
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
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;

/** The distribution's bundles, configuration and logging, started in Felix by Pax Exam. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

  private static final String NAME = "PlatformIT";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SAMPLE_PID = "io.convene.sample.greeting";
  private static final String SAMPLE_FILTER =
      "(&(objectClass=" + InfoContributor.class.getName() + ")(" + InfoContributor.NAME + "=sample-plugin))";

  @Inject private BundleContext context;
  @Inject private ConfigurationAdmin configurationAdmin;
  @Inject private CommandProcessor commandProcessor;

  @Configuration
  public Option[] configuration() {
    return ConveneContainer.options(NAME);
  }

  private final Path home = ConveneContainer.home(NAME);
  private final ConveneLog log = new ConveneLog(home);

  @After
  public void nothingUnexpectedWasLogged() {
    assertThat(log.unexpectedWarningsAndErrors(List.of(Pattern.compile("Configuration io\\.convene\\.net\\.http rejected"))))
        .as("WARN/ERROR lines in " + log.file())
        .isEmpty();
  }

  @Test
  public void everyDistributionBundleIsActive() throws IOException {
    List<String> distributionJars = new java.util.ArrayList<>();
    for (String dir : List.of("system", "bundle")) {
      try (var jars = Files.list(ConveneContainer.distribution().resolve(dir))) {
        jars.forEach(path -> distributionJars.add(path.toUri().toString()));
      }
    }
    List<Bundle> fromDistribution =
        Arrays.stream(context.getBundles())
            .filter(bundle -> distributionJars.contains(bundle.getLocation()))
            .toList();

    assertThat(fromDistribution).hasSameSizeAs(distributionJars);
    Deadline.await(WAIT, "all distribution bundles ACTIVE", () -> fromDistribution.stream().allMatch(this::active));
    assertThat(fromDistribution)
        .filteredOn(bundle -> bundle.getSymbolicName().startsWith("io.convene."))
        .extracting(Bundle::getSymbolicName)
        .contains("io.convene.api", "io.convene.admin", "io.convene.net");
  }

  @Test
  public void slf4jAndOsgiLogEntriesReachTheLogFile() {
    // SLF4J, from the admin bundle's control channel at start-up.
    Deadline.await(WAIT, "admin start-up line in the log", () -> log.contains("Control channel listening on 127.0.0.1:"));
    // The OSGi Log Service, as SCR, Configuration Admin and FileInstall use it.
    LoggerFactory loggers = service(LoggerFactory.class);
    Logger osgiLogger = loggers.getLogger(FrameworkUtil.getBundle(PlatformIT.class), "io.convene.it", Logger.class);
    osgiLogger.info("OSGi log entry from the integration test");
    Deadline.await(WAIT, "OSGi log entry in the log", () -> log.contains("OSGi log entry from the integration test"));
  }

  @Test
  public void samplePluginServiceComesAndGoesWithItsBundle() throws Exception {
    String location = samplePluginJar().toUri().toString();
    Bundle plugin = context.installBundle(location);
    plugin.start();
    assertThat(awaitSampleService()).isNotNull();

    plugin.uninstall();
    assertThat(context.getServiceReferences(InfoContributor.class.getName(), null)).isNull();

    Bundle again = context.installBundle(location);
    again.start();
    assertThat(awaitSampleService().info()).containsKey("greeting");
    again.uninstall();
  }

  @Test
  public void configurationChangesReachTheComponentFromConfigAdminAndFromEtc() throws Exception {
    Bundle plugin = context.installBundle(samplePluginJar().toUri().toString());
    plugin.start();
    try {
      InfoContributor sample = awaitSampleService();
      assertThat(sample.info()).containsEntry("greeting", "Hello from the Convene sample plugin");

      org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(SAMPLE_PID, "?");
      Dictionary<String, Object> properties = new Hashtable<>();
      properties.put("greeting", "Set through Configuration Admin");
      configuration.update(properties);
      Deadline.await(WAIT, "greeting from Configuration Admin", () -> greeting(awaitSampleService()).equals("Set through Configuration Admin"));
      configuration.delete();

      Path cfg = home.resolve("etc").resolve(SAMPLE_PID + ".cfg");
      Files.writeString(cfg, "greeting = Set in etc\n");
      Deadline.await(WAIT, "greeting from etc/" + cfg.getFileName(), () -> greeting(awaitSampleService()).equals("Set in etc"));
      Files.writeString(cfg, "greeting = Edited in etc\n");
      Deadline.await(WAIT, "edited greeting", () -> greeting(awaitSampleService()).equals("Edited in etc"));
      Files.delete(cfg);
      Deadline.await(WAIT, "default greeting after the file is removed",
          () -> greeting(awaitSampleService()).equals("Hello from the Convene sample plugin"));
    } finally {
      plugin.uninstall();
    }
  }

  @Test
  public void aJarDroppedIntoDeployIsStartedAndItsRemovalUninstallsIt() throws IOException {
    Path deployed = home.resolve("deploy/convene-sample-plugin.jar");
    Files.copy(samplePluginJar(), deployed, StandardCopyOption.REPLACE_EXISTING);
    Deadline.await(Duration.ofSeconds(5), "sample plugin ACTIVE from deploy/", () -> sampleBundle() != null && active(sampleBundle()));
    assertThat(awaitSampleService()).isNotNull();
    Deadline.await(WAIT, "FileInstall's install line in the log", () -> log.contains("Installing bundle io.convene.sample"));

    Files.delete(deployed);
    Deadline.await(Duration.ofSeconds(5), "sample plugin uninstalled", () -> sampleBundle() == null);
  }

  @Test
  public void aHotDeployedPluginServesItsUrlUntilItIsRemoved() throws Exception {
    Deadline.await(WAIT, "HTTP listener up", () -> log.contains("HTTP listening on "));
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.URI hello = java.net.URI.create("http://127.0.0.1:" + HttpPorts.http(log) + "/sample/hello");
    java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(hello).build();
    assertThat(client.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

    Path deployed = home.resolve("deploy/convene-sample-plugin.jar");
    Files.copy(samplePluginJar(), deployed, StandardCopyOption.REPLACE_EXISTING);
    Deadline.await(Duration.ofSeconds(5), "sample URL answers", () -> status(client, get) == 200);
    assertThat(client.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).body())
        .isEqualTo("Hello from the Convene sample plugin\n");

    Pattern accessLine = Pattern.compile("io\\.convene\\.net\\.access .*\\| 127\\.0\\.0\\.1:\\d+ GET /sample/hello 200 37 \\d+ms");
    Deadline.await(WAIT, "access log line", () -> accessLine.matcher(log.text()).find());

    Files.delete(deployed);
    Deadline.await(Duration.ofSeconds(5), "sample URL gone", () -> status(client, get) == 404);
  }

  @Test
  public void editingTheServerConfigurationRestartsTheListenersAndBadValuesAreRefused() throws Exception {
    Deadline.await(WAIT, "HTTP listener up", () -> log.contains("HTTP listening on "));
    Path cfg = home.resolve("etc/io.convene.net.http.cfg");
    String original = Files.readString(cfg);
    int before = HttpPorts.http(log);
    try {
      Files.writeString(cfg, original + "max.request.line = 3\n");
      Deadline.await(WAIT, "invalid configuration refused", () -> log.contains("Configuration io.convene.net.http rejected"));
      assertThat(HttpPorts.http(log)).isEqualTo(before);

      int starts = listenerStarts();
      Files.writeString(cfg, original + "max.header.count = 50\n");
      Deadline.await(WAIT, "listeners restarted", () -> listenerStarts() > starts);
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      java.net.URI root = java.net.URI.create("http://127.0.0.1:" + HttpPorts.http(log) + "/nothing-here");
      assertThat(status(client, java.net.http.HttpRequest.newBuilder(root).build())).isEqualTo(404);
    } finally {
      int restarts = listenerStarts();
      Files.writeString(cfg, original);
      // leave the server as the other tests expect it: listening with the original settings
      Deadline.await(WAIT, "listeners restarted with the original settings", () -> listenerStarts() > restarts);
    }
  }

  private int listenerStarts() {
    return log.text().split("HTTP listening on ", -1).length - 1;
  }

  private static int status(java.net.http.HttpClient client, java.net.http.HttpRequest request) {
    try {
      return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Test
  public void conveneInfoCommandReportsTheServer() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandSession session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
      Object result = session.execute("convene:info");
      assertThat(result).asString()
          .startsWith("Convene 0.1.0")
          .contains("Uptime:")
          .contains("Data dir: " + home.resolve("data"))
          .containsPattern("ACTIVE\\s+io\\.convene\\.admin");
    }
  }

  private Path samplePluginJar() {
    return ConveneContainer.distribution().resolve("samples/convene-sample-plugin.jar");
  }

  private Bundle sampleBundle() {
    return Arrays.stream(context.getBundles())
        .filter(bundle -> "io.convene.sample".equals(bundle.getSymbolicName()))
        .findFirst()
        .orElse(null);
  }

  private boolean active(Bundle bundle) {
    return bundle.getState() == Bundle.ACTIVE;
  }

  private static String greeting(InfoContributor contributor) {
    return contributor.info().get("greeting");
  }

  private InfoContributor awaitSampleService() {
    try {
      ServiceTracker<InfoContributor, InfoContributor> tracker =
          new ServiceTracker<>(context, context.createFilter(SAMPLE_FILTER), null);
      tracker.open();
      try {
        InfoContributor service = tracker.waitForService(WAIT.toMillis());
        assertThat(service).as("sample plugin service").isNotNull();
        return service;
      } finally {
        tracker.close();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private <T> T service(Class<T> type) {
    ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
    tracker.open();
    try {
      T service = tracker.waitForService(WAIT.toMillis());
      assertThat(service).as(type.getName()).isNotNull();
      return service;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      tracker.close();
    }
  }
}

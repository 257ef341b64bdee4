package io.convene.admin.info;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Reads the server's facts from the running framework; shared by the shell and control channel. */
public final class ServerFacts {

  /** Framework property holding the server's data directory; set by the launcher. */
  public static final String DATA_DIR_PROPERTY = "convene.data";

  private static final String CONVENE_PREFIX = "io.convene.";

  private final BundleContext context;

  public ServerFacts(BundleContext context) {
    this.context = context;
  }

  /** Convene's version is the version of this bundle: all Convene bundles are released together. */
  public String version() {
    return context.getBundle().getVersion().toString();
  }

  /** Whether the framework has finished starting: every bundle in bundle/ has been started. */
  public boolean started() {
    return context.getBundle(0).getState() == Bundle.ACTIVE;
  }

  public Duration uptime() {
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    return Duration.between(started, Instant.now());
  }

  public Path dataDir() {
    String configured = context.getProperty(DATA_DIR_PROPERTY);
    return configured != null ? Path.of(configured) : context.getDataFile("").toPath();
  }

  public List<BundleLine> allBundles() {
    return Arrays.stream(context.getBundles())
        .sorted(Comparator.comparingLong(Bundle::getBundleId))
        .map(BundleLine::of)
        .toList();
  }

  public List<BundleLine> conveneBundles() {
    return allBundles().stream().filter(line -> line.symbolicName().startsWith(CONVENE_PREFIX)).toList();
  }
}

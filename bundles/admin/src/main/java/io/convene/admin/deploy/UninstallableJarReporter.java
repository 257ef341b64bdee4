package io.convene.admin.deploy;

import java.io.File;
import java.util.Locale;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims the jars in {@code deploy/} that FileInstall would skip without a word (corrupt, or not
 * bundles) and logs why each is not installed. Valid bundles are left to FileInstall.
 */
@Component
public final class UninstallableJarReporter implements ArtifactInstaller {

  private static final Logger LOG = LoggerFactory.getLogger(UninstallableJarReporter.class);

  @Override
  public boolean canHandle(File artifact) {
    // Only files: FileInstall also offers directories (as exploded bundles), which are not ours.
    return artifact.isFile()
        && artifact.getName().toLowerCase(Locale.ROOT).endsWith(".jar")
        && BundleJarCheck.problem(artifact.toPath()).isPresent();
  }

  @Override
  public void install(File artifact) {
    report(artifact);
  }

  @Override
  public void update(File artifact) {
    report(artifact);
  }

  @Override
  public void uninstall(File artifact) {
    LOG.info("{} was removed; it had not been installed", artifact);
  }

  private static void report(File artifact) {
    if (!artifact.isFile()) {
      return;
    }
    BundleJarCheck.problem(artifact.toPath())
        .ifPresent(reason -> LOG.warn("Not installing {}: {}", artifact, reason));
  }
}

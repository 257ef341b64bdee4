package io.convene.admin.info;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The text of {@code convene:info}: server facts, Convene's bundles, then plugin sections. */
public final class InfoReport {

  private InfoReport() {}

  public static String render(
      String version,
      Duration uptime,
      Path dataDir,
      List<BundleLine> conveneBundles,
      Map<String, Map<String, String>> pluginSections) {
    StringBuilder out = new StringBuilder();
    out.append("Convene ").append(version).append('\n');
    out.append("Uptime:   ").append(formatUptime(uptime)).append('\n');
    out.append("Data dir: ").append(dataDir.toAbsolutePath()).append('\n');
    out.append("Convene bundles (").append(conveneBundles.size()).append("):\n");
    out.append(BundleTable.render(conveneBundles));
    pluginSections.forEach(
        (name, lines) -> {
          out.append('[').append(name).append("]\n");
          lines.forEach((key, value) -> out.append("  ").append(key).append(": ").append(value).append('\n'));
        });
    return out.toString();
  }

  static String formatUptime(Duration uptime) {
    long seconds = Math.max(0, uptime.getSeconds());
    long days = seconds / 86_400;
    String clock = String.format("%02d:%02d:%02d", (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60);
    return days > 0 ? days + "d " + clock : clock;
  }
}

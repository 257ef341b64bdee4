package io.convene.admin.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoReportTest {

  @Test
  void reportListsFactsBundlesAndPluginSectionsInOrder() {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> sample = new LinkedHashMap<>();
    sample.put("greeting", "Hello");
    sample.put("calls", "3");
    sections.put("sample-plugin", sample);

    String report =
        InfoReport.render(
            "0.1.0.SNAPSHOT",
            Duration.ofSeconds(3723),
            Path.of("/srv/convene/data"),
            List.of(new BundleLine(7, "ACTIVE", "io.convene.api", "0.1.0.SNAPSHOT")),
            sections);

    assertThat(report)
        .startsWith("Convene 0.1.0.SNAPSHOT\n")
        .contains("Uptime:   01:02:03\n")
        .contains("Data dir: /srv/convene/data\n")
        .contains("Convene bundles (1):\n")
        .containsPattern("\\s+7  ACTIVE\\s+io\\.convene\\.api\\s+0\\.1\\.0\\.SNAPSHOT")
        .endsWith("[sample-plugin]\n  greeting: Hello\n  calls: 3\n");
  }

  @Test
  void uptimeShowsDaysOnlyWhenThereAreAny() {
    assertThat(InfoReport.formatUptime(Duration.ofSeconds(59))).isEqualTo("00:00:59");
    assertThat(InfoReport.formatUptime(Duration.ofDays(2).plusMinutes(5))).isEqualTo("2d 00:05:00");
    assertThat(InfoReport.formatUptime(Duration.ofSeconds(-4))).isEqualTo("00:00:00");
  }
}

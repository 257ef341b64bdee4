package io.convene.admin.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleTableTest {

  @Test
  void columnsAlignToTheLongestSymbolicName() {
    String table =
        BundleTable.render(
            List.of(
                new BundleLine(0, "ACTIVE", "org.apache.felix.framework", "7.0.5"),
                new BundleLine(12, "INSTALLED", "x", "1.0.0")));

    assertThat(table.lines())
        .containsExactly(
            "  ID  State        Symbolic name               Version",
            "   0  ACTIVE       org.apache.felix.framework  7.0.5",
            "  12  INSTALLED    x                           1.0.0");
  }

  @Test
  void stateNamesFollowTheOsgiConstants() {
    assertThat(BundleLine.stateName(org.osgi.framework.Bundle.RESOLVED)).isEqualTo("RESOLVED");
    assertThat(BundleLine.stateName(99)).isEqualTo("UNKNOWN(99)");
  }
}

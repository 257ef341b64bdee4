package io.convene.convert.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.convert.timezone.WindowsZones;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Zone names resolve the same on every call; the names remembered for that stay bounded. */
class ZoneSupportTest {

  @Test
  void windowsAndIanaNamesResolveAlikeOnEveryCall() {
    ZoneSupport zones = new ZoneSupport(WindowsZones.load());
    for (int i = 0; i < 3; i++) {
      assertThat(zones.zone("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
      assertThat(zones.zone("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
      assertThat(zones.zone("AUS Eastern Standard Time")).contains(ZoneId.of("Australia/Sydney"));
      assertThat(zones.zone("UTC+01:00")).contains(ZoneId.of("UTC+01:00"));
      assertThat(zones.zone("No Such Standard Time")).isEmpty();
      assertThat(zones.zone(" ")).isEmpty();
      assertThat(zones.zone(null)).isEmpty();
    }
    assertThat(zones.zonesRemembered()).isEqualTo(5);
  }

  @Test
  void aFloodOfNamesIsNotAllRemembered() {
    ZoneSupport zones = new ZoneSupport(WindowsZones.load());
    for (int i = 0; i < 5_000; i++) {
      assertThat(zones.zone("Crafted Zone " + i)).isEmpty();
      assertThat(zones.zonesRemembered()).isLessThanOrEqualTo(512);
    }
    zones.zone("x".repeat(100_000));
    assertThat(zones.zonesRemembered()).isLessThanOrEqualTo(512);
    assertThat(zones.zone("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
  }
}

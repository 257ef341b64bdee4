package io.convene.convert.timezone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WindowsZonesTest {

  private final WindowsZones zones = WindowsZones.load();

  @Test
  void windowsNamesMapToTheirWorldZone() {
    assertThat(zones.ianaId("W. Europe Standard Time")).contains("Europe/Berlin");
    assertThat(zones.ianaId("Pacific Standard Time")).contains("America/Los_Angeles");
    assertThat(zones.ianaId("AUS Eastern Standard Time")).contains("Australia/Sydney");
    assertThat(zones.ianaId("Pacific SA Standard Time")).contains("America/Santiago");
    assertThat(zones.ianaId("W. Europe Standard Time", "CH")).contains("Europe/Zurich");
    assertThat(zones.ianaId("No Such Standard Time")).isEmpty();
  }

  @Test
  void ianaIdsMapToTheirWindowsName() {
    assertThat(zones.windowsName("Europe/Berlin")).contains("W. Europe Standard Time");
    assertThat(zones.windowsName("Europe/Zurich")).contains("W. Europe Standard Time");
    assertThat(zones.windowsName("America/Sao_Paulo")).contains("E. South America Standard Time");
    assertThat(zones.windowsName("Europe/Moscow")).contains("Russian Standard Time");
    // CLDR lists the old name Asia/Calcutta; the current one is found by its rules
    assertThat(zones.windowsName("Asia/Kolkata")).contains("India Standard Time");
    assertThat(zones.windowsName("Mars/Olympus_Mons")).isEmpty();
  }

  @Test
  void everyMappedWorldZoneIsKnownToJava() {
    assertThat(zones.windowsNames()).hasSizeGreaterThan(130);
    for (String name : zones.windowsNames()) {
      String id = zones.ianaId(name).orElseThrow();
      assertThat(ZoneId.of(id)).as(name).isNotNull();
    }
  }

  @Test
  void theWindowsNameOfEveryZoneMapsBackToAZoneWithTheSameRules() {
    // the round trip a VTIMEZONE written from a Windows definition depends on
    for (String name : zones.windowsNames()) {
      String id = zones.ianaId(name).orElseThrow();
      assertThat(zones.windowsName(id)).as(id).contains(name);
    }
    assertThat(zones.windowsName(null)).isEmpty();
    assertThat(zones.ianaId(null)).isEmpty();
  }
}

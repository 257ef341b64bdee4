package io.convene.convert.timezone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IANA zones -> TimeZoneDefinition (a TZRule per run of years) -> blob -> ZoneRules and ->
 * VTIMEZONE -> ZoneRules keep every offset of 2000-2030, including zones whose rules changed
 * (Moscow 2011 and 2014, Sao Paulo 2019, Santiago). Not Cairo: its 2010 Ramadan pause is a third
 * and fourth transition in one year, which a Windows rule cannot state (see {@link
 * WindowsZoneRules#yearRule}).
 */
class WindowsZoneRulesTest {

  private final TimeZoneBlobCodec codec = new TimeZoneBlobCodec();
  private final WindowsZones windowsZones = WindowsZones.load();

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago",
      "Europe/Moscow", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Auckland", "Asia/Tehran", "Australia/Lord_Howe",
      "America/St_Johns"})
  void definitionOfAnIanaZoneKeepsItsOffsets(String id) throws Exception {
    ZoneRules jdk = ZoneId.of(id).getRules();
    String key = windowsZones.windowsName(id).orElseThrow();

    TimeZoneDefinition d = WindowsZoneRules.toDefinition(key, jdk, 2000, 2030, 2024, true);
    TimeZoneDefinition decoded = codec.decodeDefinition(codec.encode(d));

    assertThat(decoded).isEqualTo(d);
    ZoneRulesAssert.sameOffsets(WindowsZoneRules.toZoneRules(decoded), jdk, 2000, 2030, id + " via TZRules");
    ZoneRulesAssert.sameOffsets(
        VTimeZones.toZoneRules(VTimeZones.toVTimeZone(id, WindowsZoneRules.toZoneRules(decoded), 2000, 2030)),
        jdk, 2000, 2030, id + " via VTIMEZONE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago", "Asia/Kolkata"})
  void timeZoneStructOfAYearKeepsThatYear(String id) throws Exception {
    ZoneRules jdk = ZoneId.of(id).getRules();

    TimeZoneStruct s = WindowsZoneRules.toStruct(jdk, 2024);

    assertThat(codec.decodeStruct(codec.encode(s))).isEqualTo(s);
    ZoneRulesAssert.sameOffsets(WindowsZoneRules.toZoneRules(s), jdk, 2024, 2024, id + " TZSTRUCT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Moscow", "America/Sao_Paulo"})
  void zonesThatChangedTheirRulesGetOneTzRulePerChange(String id) {
    TimeZoneDefinition d = WindowsZoneRules.toDefinition("x", ZoneId.of(id).getRules(), 2005, 2025, 2024, true);

    assertThat(d.rules().size()).isGreaterThanOrEqualTo(3);
    assertThat(d.rules()).filteredOn(TzRule::effective).singleElement()
        .satisfies(r -> assertThat(r.rule().hasDaylightTime()).isFalse());
  }
}

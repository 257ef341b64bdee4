package io.convene.convert.timezone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class VTimeZonesTest {

  private static VTimeZone read(String ics) throws Exception {
    return VTimeZoneText.parse(ics);
  }

  @Test
  void rfc5545NewYorkExampleStatesNewYorksHistory() throws Exception {
    VTimeZone vtz;
    try (InputStream in = getClass().getResourceAsStream("/spec/rfc5545/3.6.5-new-york.ics")) {
      vtz = read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    ZoneRules rules = VTimeZones.toZoneRules(vtz);

    ZoneRulesAssert.sameOffsets(rules, ZoneId.of("America/New_York").getRules(), 1968, 2100, "RFC 5545 New York");
    assertThat(rules.getOffset(Instant.parse("1974-02-01T12:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(rules.getOffset(Instant.parse("1975-03-01T12:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(rules.getOffset(Instant.parse("1967-01-01T00:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-5));
  }

  @Test
  void aWindowsDefinitionBecomesAVTimeZoneWithTheSameOffsets() throws Exception {
    ZoneRules sydney = ZoneId.of("Australia/Sydney").getRules();
    TimeZoneDefinition d = WindowsZoneRules.toDefinition("AUS Eastern Standard Time", sydney, 2000, 2030, 2024, false);

    VTimeZone vtz = VTimeZones.toVTimeZone("AUS Eastern Standard Time", WindowsZoneRules.toZoneRules(d), 2000, 2030);

    assertThat(vtz.toString()).contains("TZID:AUS Eastern Standard Time", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU");
    // written as text and read back, as a client would
    ZoneRulesAssert.sameOffsets(VTimeZones.toZoneRules(read(vtz.toString())),
        sydney, 2000, 2060, "Sydney via VTIMEZONE text");
  }

  @Test
  void aRuleFinerThanYearlyOrABrokenObservanceIsACheckedError() throws Exception {
    String secondly = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:x\r\nBEGIN:STANDARD\r\n"
        + "DTSTART:20000101T000000\r\nRRULE:FREQ=SECONDLY\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        + "END:VTIMEZONE\r\nEND:VCALENDAR\r\n";
    assertThatThrownBy(() -> VTimeZones.toZoneRules(read(secondly))).isInstanceOf(InvalidTimeZoneException.class)
        .hasMessageContaining("yearly");
    String everyDayOfTheYear = secondly.replace("FREQ=SECONDLY", "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;"
        + "BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31");
    assertThatThrownBy(() -> VTimeZones.toZoneRules(read(everyDayOfTheYear))).isInstanceOf(InvalidTimeZoneException.class);

    String noOffset = secondly.replace("TZOFFSETTO:+0100\r\n", "");
    assertThatThrownBy(() -> VTimeZones.toZoneRules(read(noOffset))).isInstanceOf(InvalidTimeZoneException.class);
  }
}

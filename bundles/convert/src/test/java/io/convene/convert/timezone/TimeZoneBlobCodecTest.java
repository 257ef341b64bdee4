package io.convene.convert.timezone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.convert.binary.BlobFormatException;
import io.convene.convert.binary.SpecFixtures;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimeZoneBlobCodecTest {

  private static final ZoneRules LOS_ANGELES = ZoneId.of("America/Los_Angeles").getRules();
  private final TimeZoneBlobCodec codec = new TimeZoneBlobCodec();

  @Test
  void timeZoneStructDecodesToItsFieldsAndBack() throws Exception {
    byte[] blob = SpecFixtures.hex("ms-oxocal/2.2.1.39-tzstruct-pacific.hex");

    TimeZoneStruct s = codec.decodeStruct(blob);

    assertThat(s.bias()).isEqualTo(480);
    assertThat(s.standardBias()).isZero();
    assertThat(s.daylightBias()).isEqualTo(-60);
    assertThat(s.standardDate()).isEqualTo(SystemTime.relative(11, 0, 1, 2, 0, 0));
    assertThat(s.daylightDate()).isEqualTo(SystemTime.relative(3, 0, 2, 2, 0, 0));
    assertThat(codec.encode(s)).isEqualTo(blob);
    ZoneRulesAssert.sameOffsets(WindowsZoneRules.toZoneRules(s), LOS_ANGELES, 2008, 2030, "TZSTRUCT");
  }

  @Test
  void timeZoneDefinitionDecodesToRulesByYear() throws Exception {
    byte[] blob = SpecFixtures.hex("ms-oxocal/2.2.1.41-tzdefinition-pacific.hex");

    TimeZoneDefinition d = codec.decodeDefinition(blob);

    assertThat(d.keyName()).isEqualTo("Pacific Standard Time");
    assertThat(d.rules()).extracting(TzRule::year).containsExactly(2006, 2007);
    assertThat(d.effectiveRule().year()).isEqualTo(2007);
    assertThat(d.effectiveRule().flags()).isEqualTo(TzRule.FLAG_EFFECTIVE_TZREG | TzRule.FLAG_RECUR_CURRENT_TZREG);
    assertThat(d.rules().get(0).rule().standardDate()).isEqualTo(SystemTime.relative(10, 0, 5, 2, 0, 0));
    assertThat(codec.encode(d)).isEqualTo(blob);

    ZoneRules rules = WindowsZoneRules.toZoneRules(d);
    // both the pre-2007 and the current US rules, as the IANA zone has them
    ZoneRulesAssert.sameOffsets(rules, LOS_ANGELES, 1990, 2035, "TimeZoneDefinition");
    assertThat(rules.getOffset(Instant.parse("2006-04-02T10:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-7));
    assertThat(rules.getOffset(Instant.parse("2006-03-20T10:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-8));
  }

  @Test
  void everyTruncationIsACheckedError() throws Exception {
    for (String fixture : new String[] {"ms-oxocal/2.2.1.39-tzstruct-pacific.hex", "ms-oxocal/2.2.1.41-tzdefinition-pacific.hex"}) {
      byte[] blob = SpecFixtures.hex(fixture);
      boolean struct = fixture.contains("tzstruct");
      for (int n = 0; n < blob.length; n++) {
        byte[] cut = Arrays.copyOf(blob, n);
        assertThatThrownBy(() -> decode(cut, struct)).as("%s cut to %d", fixture, n).isInstanceOf(BlobFormatException.class);
      }
      byte[] longer = Arrays.copyOf(blob, blob.length + 1);
      assertThatThrownBy(() -> decode(longer, struct)).isInstanceOf(BlobFormatException.class).hasMessageContaining("after the end");
    }
  }

  @Test
  void lyingHeaderFieldsAreRefused() {
    byte[] blob = SpecFixtures.hex("ms-oxocal/2.2.1.41-tzdefinition-pacific.hex");
    byte[] badHeader = blob.clone();
    badHeader[2]++; // cbHeader no longer matches cchKeyName
    byte[] noRules = Arrays.copyOf(blob, 52); // header of 8 + 42 bytes of key name, then cRules
    noRules[50] = 0;
    noRules[51] = 0;
    byte[] badReserved = blob.clone();
    badReserved[54] = 0x3F; // TZRule.Reserved must be 0x003E

    assertThatThrownBy(() -> codec.decodeDefinition(badHeader)).hasMessageContaining("cbHeader");
    assertThatThrownBy(() -> codec.decodeDefinition(noRules)).hasMessageContaining("without rules");
    assertThatThrownBy(() -> codec.decodeDefinition(badReserved)).hasMessageContaining("Reserved");
  }

  @Test
  void anImpossibleTransitionDateIsACheckedErrorWhenConverted() {
    TimeZoneStruct s = new TimeZoneStruct(480, 0, -60, 0, new SystemTime(0, 13, 0, 1, 2, 0, 0, 0), 0,
        SystemTime.relative(3, 0, 2, 2, 0, 0));

    assertThatThrownBy(() -> WindowsZoneRules.toZoneRules(s)).isInstanceOf(BlobFormatException.class);
  }

  private Object decode(byte[] b, boolean struct) throws BlobFormatException {
    return struct ? codec.decodeStruct(b) : codec.decodeDefinition(b);
  }
}

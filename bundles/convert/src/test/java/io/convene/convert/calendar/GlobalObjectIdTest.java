package io.convene.convert.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.convert.testing.Items;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PidLidGlobalObjectId layout and UID conversion against MS-OXOCAL and MS-ASEMAIL examples. */
class GlobalObjectIdTest {

  private static List<String> fixture(String path) {
    return Items.resource(GlobalObjectIdTest.class, path).lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
  }

  @Test
  void msOxocalExceptionGoidFields() {
    byte[] goid = HexFormat.of().parseHex(fixture("/spec/ms-oxocal/4.x-exception-goid.hex").get(0));
    assertThat(goid).hasSize(56);
    assertThat(GlobalObjectId.isValid(goid)).isTrue();
    // Year big-endian 0x07D8 = 2008, month 3, day 0x19 = 25: the original date of the instance.
    assertThat(goid[16]).isEqualTo((byte) 0x07);
    assertThat(goid[17]).isEqualTo((byte) 0xD8);
    assertThat(GlobalObjectId.creationTime(goid)).isBetween(
        Instant.parse("2008-02-20T17:16:00Z"), Instant.parse("2008-02-20T17:17:00Z"));
    byte[] series = GlobalObjectId.clean(goid);
    assertThat(GlobalObjectId.forInstance(series, LocalDate.of(2008, 3, 25))).isEqualTo(goid);
    // The UID of an exception names the series: instance date zeroed.
    assertThat(GlobalObjectId.toUid(goid)).isEqualTo(HexFormat.of().withUpperCase().formatHex(series));
  }

  @Test
  void msAsemailOutlookIdToUid() {
    List<String> lines = fixture("/spec/ms-asemail/4.3-goid-to-uid.txt");
    byte[] goid = Base64.getDecoder().decode(lines.get(0));
    assertThat(GlobalObjectId.toUid(goid)).isEqualTo(lines.get(1));
    // ... and back: the UID decodes to the clean GOID.
    assertThat(GlobalObjectId.fromUid(lines.get(1))).isEqualTo(GlobalObjectId.clean(goid));
  }

  @Test
  void msAsemailVcalUidToUidAndBack() {
    List<String> lines = fixture("/spec/ms-asemail/4.3-goid-to-uid.txt");
    byte[] goid = Base64.getDecoder().decode(lines.get(2));
    assertThat(GlobalObjectId.toUid(goid)).isEqualTo(lines.get(3));
    // Wrapping the third-party UID gives exactly the example's bytes (creation time zero).
    assertThat(GlobalObjectId.fromUid(lines.get(3))).isEqualTo(goid);
  }

  @Test
  void nonAsciiThirdPartyUidIsWrappedAsUtf8() {
    String uid = "événement-42@exemple.fr";
    byte[] goid = GlobalObjectId.fromUid(uid);
    assertThat(GlobalObjectId.isValid(goid)).isTrue();
    assertThat(new String(goid, 52, goid.length - 53, StandardCharsets.UTF_8)).isEqualTo(uid);
    assertThat(GlobalObjectId.toUid(goid)).isEqualTo(uid);
  }

  @Test
  void uidThatOnlyLooksLikeAGoidIsWrapped() {
    String uid = "040000008200E00074C5B7101A82E008-not-hex";
    assertThat(GlobalObjectId.toUid(GlobalObjectId.fromUid(uid))).isEqualTo(uid);
  }

  @Test
  void rejectsWhatIsNotAGoid() {
    assertThat(GlobalObjectId.isValid(new byte[40])).isFalse();
    byte[] truncated = java.util.Arrays.copyOf(GlobalObjectId.fromUid("x"), 45);
    assertThat(GlobalObjectId.isValid(truncated)).isFalse();
    assertThatThrownBy(() -> GlobalObjectId.toUid(truncated)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GlobalObjectId.fromUid("u".repeat(GlobalObjectId.MAX_UID_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.convene.mapi.rop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.BitmaskRelop;
import io.convene.api.store.query.FuzzyLevelHigh;
import io.convene.api.store.query.FuzzyLevelLow;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.testing.SpecFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestrictionCodecTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private final RestrictionCodec codec = RestrictionCodec.forRops(RestrictionLimits.DEFAULT);

  /** The tree ms-oxcdata/2.12-every-restriction-type.hex describes. */
  static final Restriction EVERY_TYPE =
      Restriction.or(
          Restriction.not(
              new Restriction.CompareProperties(
                  Relop.EQ, PropTag.of(0x0E06, PropType.PT_SYSTIME), PropTag.of(0x3007, PropType.PT_SYSTIME))),
          Restriction.and(
              Restriction.property(Relop.GT, PropValue.ofInt(PropTag.of(0x0E08, PropType.PT_LONG), 1000)),
              new Restriction.Bitmask(BitmaskRelop.NEZ, PropTag.of(0x0E07, PropType.PT_LONG), 1),
              new Restriction.Size(Relop.LT, PropTag.of(0x1000, PropType.PT_UNICODE), 0x400),
              new Restriction.SubObject(
                  Restriction.MESSAGE_RECIPIENTS, Restriction.exist(PropTag.of(0x3001, PropType.PT_UNICODE))),
              new Restriction.Comment(
                  List.of(PropValue.ofInt(PropTag.of(0x6001, PropType.PT_LONG), 7)),
                  new Restriction.Count(10, Restriction.exist(SUBJECT))),
              new Restriction.Comment(List.of(), null)));

  @Test
  void everyRestrictionTypeDecodesToItsRecordAndEncodesBackToTheSameBytes() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcdata/2.12-every-restriction-type.hex");
    Restriction decoded = codec.decodeAll(bytes);
    assertThat(decoded).isEqualTo(EVERY_TYPE);
    assertThat(codec.encode(decoded)).isEqualTo(bytes);
  }

  @Test
  void contentRestrictionOfTheRestrictFixtureCarriesItsFuzzyLevels() throws Exception {
    byte[] request = SpecFixtures.hex("ms-oxctabl/2.2.2.4-restrict-request.hex");
    byte[] data = Arrays.copyOfRange(request, 6, request.length);
    Restriction.And and = (Restriction.And) codec.decodeAll(data);
    Restriction.Content content = (Restriction.Content) and.children().get(1);
    assertThat(content.low()).isEqualTo(FuzzyLevelLow.SUBSTRING);
    assertThat(content.high()).containsExactly(FuzzyLevelHigh.IGNORECASE);
    assertThat(content.tag()).isEqualTo(SUBJECT);
    assertThat(content.value()).isEqualTo(PropValue.ofString(SUBJECT, "Hi"));
    assertThat(and.children().get(0)).isEqualTo(Restriction.exist(SUBJECT));
    assertThat(codec.encode(and)).isEqualTo(data);
  }

  @Test
  void extendedRulesCountChildrenInFourBytes() throws Exception {
    RestrictionCodec extended =
        new RestrictionCodec(RestrictionCodec.ROP_VALUES, RestrictionLimits.DEFAULT, RestrictionCodec.CountWidth.EXTENDED);
    Restriction tree = Restriction.and(Restriction.exist(SUBJECT));
    byte[] bytes = extended.encode(tree);
    assertThat(bytes).isEqualTo(SpecFixtures.parseHex("00 01 00 00 00 08 1f 00 37 00"));
    assertThat(extended.decodeAll(bytes)).isEqualTo(tree);
    assertThatThrownBy(() -> codec.decodeAll(bytes)).isInstanceOf(WireFormatException.class);
  }

  @Test
  void nestingBeyondTheDepthLimitIsRefused() {
    LittleEndianWriter out = new LittleEndianWriter();
    for (int i = 0; i < 40; i++) {
      out.u8(0x02);
    }
    out.u8(0x08).u32(SUBJECT.tag());
    RestrictionCodec shallow = RestrictionCodec.forRops(new RestrictionLimits(40, 1000));
    assertThatThrownBy(() -> shallow.decodeAll(out.toByteArray()))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("deeper");
  }

  @Test
  void moreNodesThanTheLimitAreRefused() {
    LittleEndianWriter out = new LittleEndianWriter().u8(0x00).u16(5);
    for (int i = 0; i < 5; i++) {
      out.u8(0x08).u32(SUBJECT.tag());
    }
    RestrictionCodec small = RestrictionCodec.forRops(new RestrictionLimits(8, 5));
    assertThatThrownBy(() -> small.decodeAll(out.toByteArray())).hasMessageContaining("nodes");
    assertThat(RestrictionCodec.forRops(new RestrictionLimits(8, 6)).encode(decodeOrFail(out.toByteArray())))
        .isEqualTo(out.toByteArray());
  }

  private Restriction decodeOrFail(byte[] bytes) {
    try {
      return RestrictionCodec.forRops(new RestrictionLimits(8, 6)).decodeAll(bytes);
    } catch (WireFormatException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCountLargerThanTheBytesLeftFailsBeforeAllocating() {
    byte[] lie = SpecFixtures.parseHex("01 ff ff 08 1f 00 37 00");
    assertThatThrownBy(() -> codec.decodeAll(lie)).hasMessageContaining("RestrictCount 65535");
  }

  @Test
  void badCodesAndTrailingBytesAreWireErrors() {
    for (String hex : List.of(
        "0c", // no such RestrictType
        "04 07 03 00 08 0e 03 00 08 0e 01 00 00 00", // RelOp 7
        "06 02 03 00 07 0e 01 00 00 00", // BitmapRelOp 2
        "03 03 00 00 00 1f 00 37 00 1f 00 37 00 00 00", // FuzzyLevelLow 3
        "08 1f 00 37 00 00", // a byte after the restriction
        "08 99 99 37 00", // unknown property type
        "04 04 0d 00 01 30 0d 00 01 30 00 00 00 00", // PtypObject is no restriction value
        "0a 00 02")) { // RestrictionPresent 2
      assertThatThrownBy(() -> codec.decodeAll(SpecFixtures.parseHex(hex)))
          .as(hex)
          .isInstanceOf(WireFormatException.class);
    }
  }

  @Test
  void decodeLeavesTheReaderAfterTheRestriction() throws Exception {
    byte[] bytes = SpecFixtures.parseHex("08 1f 00 37 00 aa");
    LittleEndianReader in = new LittleEndianReader(bytes);
    assertThat(codec.decode(in)).isEqualTo(Restriction.exist(SUBJECT));
    assertThat(in.u8("next")).isEqualTo(0xaa);
  }

  @Test
  void fuzzyHighFlagsAllRoundTrip() throws Exception {
    Restriction content =
        new Restriction.Content(
            FuzzyLevelLow.PREFIX,
            Set.of(FuzzyLevelHigh.IGNORECASE, FuzzyLevelHigh.IGNORENONSPACE, FuzzyLevelHigh.LOOSE),
            PropValue.ofString(SUBJECT, "x"));
    assertThat(codec.decodeAll(codec.encode(content))).isEqualTo(content);
    assertThat(Arrays.copyOfRange(codec.encode(content), 1, 5)).isEqualTo(SpecFixtures.parseHex("02 00 07 00"));
  }
}

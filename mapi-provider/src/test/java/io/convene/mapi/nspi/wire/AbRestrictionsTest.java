package io.convene.mapi.nspi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.testing.SpecFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GetMatches Filter in both the plain MS-OXCDATA form and the HasValue form Outlook sends. */
class AbRestrictionsTest {

  private static final PropTag ANR = PropTag.of(0x360C001F);

  @Test
  void readsThePlainPropertyRestriction() throws Exception {
    // MS-OXCDATA 2.12.5: RestrictType 0x04, RelOp EQ, PropTag, TaggedValue (tag, "al").
    byte[] plain = SpecFixtures.parseHex("04 04 1f 00 0c 36 1f 00 0c 36 61 00 6c 00 00 00");
    Restriction read = AbRestrictions.read(new LittleEndianReader(plain), NspiLimits.DEFAULT);
    assertThat(read).isEqualTo(new Restriction.Property(Relop.EQ, ANR, PropValue.ofString(ANR, "al")));
  }

  @Test
  void readsTheOutlookFormWithHasValueBytes() throws Exception {
    byte[] outlook = SpecFixtures.parseHex("04 04 1f 00 0c 36 ff 1f 00 0c 36 ff 61 00 6c 00 00 00");
    Restriction read = AbRestrictions.read(new LittleEndianReader(outlook), NspiLimits.DEFAULT);
    assertThat(read).isEqualTo(new Restriction.Property(Relop.EQ, ANR, PropValue.ofString(ANR, "al")));
  }

  @Test
  void andOrCountsAreFourBytesAndRoundTrip() throws Exception {
    Restriction tree =
        new Restriction.And(
            List.of(
                new Restriction.Exist(PropTag.of(0x39FE001F)),
                new Restriction.Or(List.of(new Restriction.Property(Relop.EQ, ANR, PropValue.ofString(ANR, "x"))))));
    LittleEndianWriter out = new LittleEndianWriter();
    AbRestrictions.write(out, tree);
    byte[] bytes = out.toByteArray();
    // RestrictType And, then a four-byte RestrictCount of 2.
    assertThat(bytes).startsWith(0x00, 0x02, 0x00, 0x00, 0x00);
    assertThat(AbRestrictions.read(new LittleEndianReader(bytes), NspiLimits.DEFAULT)).isEqualTo(tree);
  }

  @Test
  void absentValueAndTruncationAreWireErrors() {
    assertThatThrownBy(() -> AbRestrictions.read(new LittleEndianReader(SpecFixtures.parseHex("04 04 1f 00 0c 36 00")), NspiLimits.DEFAULT))
        .isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> AbRestrictions.read(new LittleEndianReader(SpecFixtures.parseHex("00 ff ff ff 7f")), NspiLimits.DEFAULT))
        .isInstanceOf(WireFormatException.class);
  }
}

package io.convene.mapi.rop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.testing.SpecFixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortOrderSetCodecTest {

  private final SortOrderSetCodec codec = new SortOrderSetCodec(64);

  @Test
  void theSortTableFixtureDecodesToItsKeysAndEncodesBack() throws Exception {
    byte[] request = SpecFixtures.hex("ms-oxctabl/2.2.2.3-sorttable-request.hex");
    byte[] set = Arrays.copyOfRange(request, 4, request.length);
    SortOrderSet decoded = codec.decode(new LittleEndianReader(set));
    assertThat(decoded)
        .isEqualTo(
            SortOrderSet.of(
                SortOrder.descending(PropTag.of(0x0E06, PropType.PT_SYSTIME)),
                SortOrder.ascending(PropTag.of(0x8001, PropType.PT_MV_UNICODE))));
    LittleEndianWriter out = new LittleEndianWriter();
    codec.encode(decoded, out);
    assertThat(out.toByteArray()).isEqualTo(set);
  }

  @Test
  void categorizedSetsKeepTheirCounts() throws Exception {
    SortOrderSet set =
        new SortOrderSet(
            List.of(
                SortOrder.ascending(PropTag.of(0x0C1A, PropType.PT_UNICODE)),
                new SortOrder(PropTag.of(0x0E06, PropType.PT_SYSTIME), SortOrder.Direction.MAXIMUM_CATEGORY)),
            1,
            1);
    LittleEndianWriter out = new LittleEndianWriter();
    codec.encode(set, out);
    assertThat(out.toByteArray())
        .isEqualTo(SpecFixtures.parseHex("02 00 01 00 01 00 1f 00 1a 0c 00 40 00 06 0e 04"));
    assertThat(codec.decode(new LittleEndianReader(out.toByteArray()))).isEqualTo(set);
  }

  @Test
  void malformedSetsAreWireErrors() {
    for (String hex : List.of(
        "01 00 00 00 00 00 1f 10 00 80 00", // multi-valued without MultivalueInstance
        "01 00 00 00 00 00 1f 20 00 80 00", // MultivalueInstance on a single-valued type
        "01 00 00 00 00 00 1f 00 37 00 02", // Order 2
        "01 00 02 00 00 00 1f 00 37 00 00", // CategorizedCount > SortOrderCount
        "01 00 00 00 00 00 99 99 37 00 00", // unknown type
        "02 00 00 00 00 00 1f 30 01 80 00 1f 30 02 80 00", // two multi-value instance keys
        "41 00 00 00 00 00", // over the limit
        "01 00 00 00 00 00 1f 00")) { // truncated
      assertThatThrownBy(() -> codec.decode(new LittleEndianReader(SpecFixtures.parseHex(hex))))
          .as(hex)
          .isInstanceOf(WireFormatException.class);
    }
  }
}

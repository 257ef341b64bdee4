package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PropTagTest {

  @Test
  void packsIdAndTypeAsInMsOxprops() {
    // MS-OXPROPS 2.676 PidTagDisplayName: id 0x3001, PtypString; 2.1032 PidTagSubject: 0x0037.
    assertThat(PropTag.of(0x3001, PropType.PT_UNICODE).tag()).isEqualTo(0x3001001F);
    assertThat(PropTag.of(0x0037, PropType.PT_UNICODE).tag()).isEqualTo(0x0037001F);
    // MS-OXPROPS 2.702 PidTagFolderId: 0x6748, PtypInteger64.
    assertThat(PropTag.of(0x6748, PropType.PT_I8).tag()).isEqualTo(0x67480014);
  }

  @Test
  void unpacksTag() {
    PropTag tag = PropTag.of(0x3001001F);
    assertThat(tag.id()).isEqualTo(0x3001);
    assertThat(tag.type()).isEqualTo(PropType.PT_UNICODE);
    assertThat(PropTag.of(0x8005101F)).isEqualTo(PropTag.of(0x8005, PropType.PT_MV_UNICODE));
    assertThat(PropTag.of(0xFFFF0102).id()).isEqualTo(0xFFFF);
  }

  @Test
  void printsAsEightHexDigits() {
    assertThat(PropTag.of(0x0037, PropType.PT_UNICODE)).hasToString("0x0037001F");
    assertThat(PropTag.of(0x8001, PropType.PT_BOOLEAN)).hasToString("0x8001000B");
  }

  @Test
  void namedRangeIs8000ToFFFE() {
    assertThat(PropTag.of(0x7FFF, PropType.PT_LONG).isNamed()).isFalse();
    assertThat(PropTag.of(0x8000, PropType.PT_LONG).isNamed()).isTrue();
    assertThat(PropTag.of(0xFFFE, PropType.PT_LONG).isNamed()).isTrue();
    assertThat(PropTag.of(0xFFFF, PropType.PT_LONG).isNamed()).isFalse();
  }

  @Test
  void rejectsUnknownTypeAndWideIds() {
    assertThatThrownBy(() -> PropTag.of(0x00370099))
        .isInstanceOf(StoreValueFormatException.class)
        .hasMessageContaining("0x0099");
    assertThatThrownBy(() -> PropTag.of(0x10000, PropType.PT_LONG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropTag.of(-1, PropType.PT_LONG))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordersAsUnsignedTags() {
    assertThat(PropTag.of(0x8000, PropType.PT_LONG))
        .isGreaterThan(PropTag.of(0x7FFF, PropType.PT_BINARY));
    assertThat(PropTag.of(0x0037, PropType.PT_STRING8))
        .isLessThan(PropTag.of(0x0037, PropType.PT_UNICODE));
  }

  @Test
  void equalTagsHashAlikeAndTagsOfOneTypeSpreadOverSmallTables() {
    assertThat(PropTag.of(0x0037, PropType.PT_UNICODE)).isEqualTo(PropTag.of(0x0037001F))
        .hasSameHashCodeAs(PropTag.of(0x0037001F))
        .isNotEqualTo(PropTag.of(0x0037, PropType.PT_STRING8))
        .isNotEqualTo(PropTag.of(0x0038, PropType.PT_UNICODE));
    // 64 string tags over a 64-slot table (what Map.of and a HashMap of that size use): no slot
    // may take more than a few, as the packed tag's low bits (all 0x001F) would put them in one
    java.util.Map<Integer, Integer> slots = new java.util.HashMap<>();
    for (int id = 0x3000; id < 0x3040; id++) {
      int hash = PropTag.of(id, PropType.PT_UNICODE).hashCode();
      slots.merge(Math.floorMod(hash ^ (hash >>> 16), 64), 1, Integer::sum);
    }
    assertThat(slots.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(4));
  }
}

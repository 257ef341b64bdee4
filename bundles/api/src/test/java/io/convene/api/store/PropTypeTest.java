package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PropTypeTest {

  @Test
  void codesMatchMsOxcdata2111() {
    assertThat(PropType.PT_I2.code()).isEqualTo(0x0002);
    assertThat(PropType.PT_LONG.code()).isEqualTo(0x0003);
    assertThat(PropType.PT_ERROR.code()).isEqualTo(0x000A);
    assertThat(PropType.PT_BOOLEAN.code()).isEqualTo(0x000B);
    assertThat(PropType.PT_OBJECT.code()).isEqualTo(0x000D);
    assertThat(PropType.PT_I8.code()).isEqualTo(0x0014);
    assertThat(PropType.PT_STRING8.code()).isEqualTo(0x001E);
    assertThat(PropType.PT_UNICODE.code()).isEqualTo(0x001F);
    assertThat(PropType.PT_SYSTIME.code()).isEqualTo(0x0040);
    assertThat(PropType.PT_CLSID.code()).isEqualTo(0x0048);
    assertThat(PropType.PT_SERVERID.code()).isEqualTo(0x00FB);
    assertThat(PropType.PT_SRESTRICT.code()).isEqualTo(0x00FD);
    assertThat(PropType.PT_ACTIONS.code()).isEqualTo(0x00FE);
    assertThat(PropType.PT_BINARY.code()).isEqualTo(0x0102);
    assertThat(PropType.PT_MV_UNICODE.code()).isEqualTo(0x101F);
    assertThat(PropType.PT_MV_BINARY.code()).isEqualTo(0x1102);
  }

  @Test
  void everyCodeRoundTrips() {
    for (PropType type : PropType.values()) {
      assertThat(PropType.fromCode(type.code())).isSameAs(type);
    }
  }

  @Test
  void multiValuedTypesPointAtTheirElementType() {
    for (PropType type : PropType.values()) {
      if (type.isMultiValued()) {
        assertThat(type.elementType().code()).isEqualTo(type.code() & ~PropType.MV_FLAG);
        assertThat(type.elementType().isMultiValued()).isFalse();
      } else {
        assertThat(type.elementType()).isSameAs(type);
      }
    }
  }

  @Test
  void unknownCodesThrowTheTypedException() {
    for (int code : new int[] {0x0008, 0x000C, 0x1001, 0x101D, 0x10FB, 0xFFFF, -1, 0x10000}) {
      assertThatThrownBy(() -> PropType.fromCode(code))
          .isInstanceOf(StoreValueFormatException.class);
    }
  }

  @Test
  void onlyRequestTypesAreNotStorable() {
    assertThat(PropType.PT_NULL.isStorable()).isFalse();
    assertThat(PropType.PT_UNSPECIFIED.isStorable()).isFalse();
    assertThat(PropType.PT_OBJECT.isStorable()).isFalse();
    assertThat(PropType.PT_SRESTRICT.isStorable()).isTrue();
  }
}

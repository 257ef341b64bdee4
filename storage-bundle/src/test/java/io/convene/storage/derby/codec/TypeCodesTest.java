package io.convene.storage.derby.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.PropType;
import io.convene.api.store.StoreValueFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeCodesTest {

  @Test
  void findsEveryTypeByItsCode() {
    for (PropType type : PropType.values()) {
      assertThat(TypeCodes.of(type.code())).as("code 0x%04X", type.code()).isSameAs(type);
    }
  }

  /** The same answer as the API's lookup for every 16-bit code (and none outside them). */
  @Test
  void agreesWithPropTypeFromCodeOnEveryCode() {
    List<String> disagreements = new ArrayList<>();
    for (int code = 0; code <= 0xFFFF; code++) {
      PropType expected;
      try {
        expected = PropType.fromCode(code);
      } catch (StoreValueFormatException e) {
        expected = null;
      }
      if (TypeCodes.of(code) != expected) {
        disagreements.add(Integer.toHexString(code));
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(TypeCodes.of(-1)).isNull();
    assertThat(TypeCodes.of(0x10000 | PropType.PT_LONG.code())).isNull();
  }
}

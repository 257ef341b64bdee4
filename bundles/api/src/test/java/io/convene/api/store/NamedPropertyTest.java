package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NamedPropertyTest {

  @Test
  void wellKnownSetsAsInMsOxprops132() {
    assertThat(NamedProperty.PSETID_APPOINTMENT)
        .hasToString("00062002-0000-0000-c000-000000000046");
    assertThat(NamedProperty.PSETID_TASK).hasToString("00062003-0000-0000-c000-000000000046");
    assertThat(NamedProperty.PSETID_ADDRESS).hasToString("00062004-0000-0000-c000-000000000046");
    assertThat(NamedProperty.PSETID_COMMON).hasToString("00062008-0000-0000-c000-000000000046");
    assertThat(NamedProperty.PS_MAPI).hasToString("00020328-0000-0000-c000-000000000046");
    assertThat(NamedProperty.PS_PUBLIC_STRINGS)
        .hasToString("00020329-0000-0000-c000-000000000046");
    assertThat(NamedProperty.PS_INTERNET_HEADERS)
        .hasToString("00020386-0000-0000-c000-000000000046");
    assertThat(NamedProperty.PSETID_MEETING).hasToString("6ed8da90-450b-101b-98da-00aa003f1305");
  }

  @Test
  void holdsExactlyOneOfLidAndName() {
    NamedProperty start = NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D);
    assertThat(start.isLid()).isTrue();
    assertThat(start.name()).isNull();
    assertThat(start).isEqualTo(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D));
    NamedProperty keywords = NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "Keywords");
    assertThat(keywords.isLid()).isFalse();
    assertThat(keywords).isNotEqualTo(NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "keywords"));

    UUID set = NamedProperty.PS_PUBLIC_STRINGS;
    assertThatThrownBy(() -> new NamedProperty(set, 1L, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NamedProperty(set, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NamedProperty.ofName(set, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NamedProperty.ofLid(set, 0x1_0000_0000L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NamedProperty.ofLid(set, 0xFFFF_FFFFL).lid()).isEqualTo(0xFFFF_FFFFL);
  }
}

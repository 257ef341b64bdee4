package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PropValueTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag BLOB = PropTag.of(0x0FFF, PropType.PT_BINARY);

  @Test
  void typedFactoriesAndAccessors() {
    assertThat(PropValue.ofShort(PropTag.of(1, PropType.PT_I2), (short) -2).asShort())
        .isEqualTo((short) -2);
    assertThat(PropValue.ofInt(PropTag.of(1, PropType.PT_ERROR), 0x8004010F).asInt())
        .isEqualTo(0x8004010F);
    assertThat(PropValue.ofLong(PropTag.of(1, PropType.PT_CURRENCY), 12_3400L).asLong())
        .isEqualTo(12_3400L);
    assertThat(PropValue.ofDouble(PropTag.of(1, PropType.PT_APPTIME), 45_000.5).asDouble())
        .isEqualTo(45_000.5);
    assertThat(PropValue.ofString(SUBJECT, "Hi").asString()).isEqualTo("Hi");
    assertThat(PropValue.ofBoolean(PropTag.of(1, PropType.PT_BOOLEAN), true).asBoolean()).isTrue();
    UUID guid = UUID.randomUUID();
    assertThat(PropValue.ofGuid(PropTag.of(1, PropType.PT_CLSID), guid).asGuid()).isEqualTo(guid);
  }

  @Test
  void rejectsValuesThatDoNotMatchTheType() {
    assertThatThrownBy(() -> PropValue.of(SUBJECT, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropValue.ofInt(PropTag.of(1, PropType.PT_I2), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropValue.of(PropTag.of(1, PropType.PT_MV_LONG), List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropValue.of(PropTag.of(1, PropType.PT_MV_LONG), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropValue.of(PropTag.of(1, PropType.PT_NULL), 0))
        .isInstanceOf(IllegalArgumentException.class);
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> PropValue.ofList(PropTag.of(1, PropType.PT_MV_UNICODE), withNull))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropValue.ofShort(PropTag.of(1, PropType.PT_I2), (short) 1).asInt())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void copiesByteArraysInAndOut() {
    byte[] bytes = {1, 2, 3};
    PropValue value = PropValue.ofBytes(BLOB, bytes);
    bytes[0] = 9;
    assertThat(value.asBytes()).containsExactly(1, 2, 3);
    value.asBytes()[1] = 9;
    ((byte[]) value.value())[2] = 9;
    assertThat(value.asBytes()).containsExactly(1, 2, 3);

    List<byte[]> list = new ArrayList<>(List.of(new byte[] {4}));
    PropValue mv = PropValue.ofList(PropTag.of(1, PropType.PT_MV_BINARY), list);
    list.get(0)[0] = 7;
    ((byte[]) mv.asList().get(0))[0] = 7;
    assertThat((byte[]) mv.asList().get(0)).containsExactly(4);
    assertThatThrownBy(() -> mv.asList().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalsByContent() {
    assertThat(PropValue.ofBytes(BLOB, new byte[] {1, 2}))
        .isEqualTo(PropValue.ofBytes(BLOB, new byte[] {1, 2}))
        .hasSameHashCodeAs(PropValue.ofBytes(BLOB, new byte[] {1, 2}))
        .isNotEqualTo(PropValue.ofBytes(BLOB, new byte[] {1, 3}));
    PropTag mvBin = PropTag.of(1, PropType.PT_MV_BINARY);
    assertThat(PropValue.ofList(mvBin, List.of(new byte[] {5})))
        .isEqualTo(PropValue.ofList(mvBin, List.of(new byte[] {5})))
        .hasSameHashCodeAs(PropValue.ofList(mvBin, List.of(new byte[] {5})));
    PropTag dbl = PropTag.of(1, PropType.PT_DOUBLE);
    assertThat(PropValue.ofDouble(dbl, Double.NaN)).isEqualTo(PropValue.ofDouble(dbl, Double.NaN));
    assertThat(PropValue.ofDouble(dbl, 0.0)).isNotEqualTo(PropValue.ofDouble(dbl, -0.0));
    assertThat(PropValue.ofString(SUBJECT, "a"))
        .isNotEqualTo(PropValue.ofString(SUBJECT.withType(PropType.PT_STRING8), "a"));
  }

  @Test
  void timesAreTruncatedToFiletimePrecisionAndRangeChecked() {
    PropTag t = PropTag.of(0x0E06, PropType.PT_SYSTIME);
    assertThat(PropValue.ofTime(t, Instant.parse("2020-01-01T00:00:00.000000199Z")).asTime())
        .isEqualTo(Instant.parse("2020-01-01T00:00:00.000000100Z"));
    assertThatThrownBy(() -> PropValue.ofTime(t, Instant.parse("1500-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsTagAndValue() {
    assertThat(PropValue.ofString(SUBJECT, "Hi")).hasToString("0x0037001F=\"Hi\"");
    byte[] big = new byte[40];
    Arrays.fill(big, (byte) 0xAB);
    assertThat(PropValue.ofBytes(BLOB, big).toString()).endsWith("...(40 bytes)");
  }
}

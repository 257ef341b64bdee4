package io.convene.convert.props;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** X-CONVENE-PROP carries a value of every storable type, tagged or named, exactly. */
class PreservedPropertyTest {

  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();

  private static final List<PropValue> VALUES = List.of(
      PropValue.ofShort(PropTag.of(0x6601, PropType.PT_I2), (short) -2),
      PropValue.ofInt(PropTag.of(0x6602, PropType.PT_LONG), -7),
      PropValue.ofFloat(PropTag.of(0x6603, PropType.PT_FLOAT), 1.5f),
      PropValue.ofDouble(PropTag.of(0x6604, PropType.PT_DOUBLE), Double.NaN),
      PropValue.ofLong(PropTag.of(0x6605, PropType.PT_CURRENCY), 123_4567L),
      PropValue.ofDouble(PropTag.of(0x6606, PropType.PT_APPTIME), 45000.25),
      PropValue.ofInt(PropTag.of(0x6607, PropType.PT_ERROR), 0x8004010F),
      PropValue.ofBoolean(PropTag.of(0x6608, PropType.PT_BOOLEAN), true),
      PropValue.ofLong(PropTag.of(0x6609, PropType.PT_I8), Long.MIN_VALUE),
      PropValue.ofString(PropTag.of(0x660A, PropType.PT_STRING8), "ascii"),
      PropValue.ofString(PropTag.of(0x660B, PropType.PT_UNICODE), "ünï\r\ncødé 😀"),
      PropValue.ofTime(PropTag.of(0x660C, PropType.PT_SYSTIME), Instant.parse("2026-01-01T00:00:00.1234567Z")),
      PropValue.ofGuid(PropTag.of(0x660D, PropType.PT_CLSID), UUID.randomUUID()),
      PropValue.ofBytes(PropTag.of(0x660E, PropType.PT_BINARY), new byte[] {0, 1, 2, (byte) 0xFF}),
      PropValue.ofBytes(PropTag.of(0x660F, PropType.PT_SERVERID), new byte[] {1}),
      PropValue.ofList(PropTag.of(0x6610, PropType.PT_MV_UNICODE), List.of("a", "", "c;d")),
      PropValue.ofList(PropTag.of(0x6611, PropType.PT_MV_BINARY), List.of(new byte[0], new byte[] {9})),
      PropValue.ofList(PropTag.of(0x6612, PropType.PT_MV_LONG), List.of()),
      PropValue.ofList(PropTag.of(0x6613, PropType.PT_MV_SYSTIME), List.of(Instant.EPOCH)));

  @Test
  void everyTypeRoundTrips() throws Exception {
    for (PropValue value : VALUES) {
      Bag source = Bag.empty(ids);
      Map<String, String> params = PreservedProperty.parameters(value, source);
      Bag target = Bag.empty(ids);
      PreservedProperty.restore(params::get, PreservedProperty.value(value), target);
      assertThat(target.toMap()).containsExactly(Map.entry(value.tag(), value));
    }
  }

  @Test
  void namedPropertyTravelsByNameNotById() throws Exception {
    NamedProperty name = NamedProperty.ofName(UUID.fromString("11111111-2222-3333-4444-555555555555"), "Custom");
    int id = ids.id(name, true);
    PropValue value = PropValue.ofString(PropTag.of(id, PropType.PT_UNICODE), "v");
    Map<String, String> params = PreservedProperty.parameters(value, Bag.empty(ids));
    assertThat(params).containsEntry("NAME", "Custom").doesNotContainKey("TAG");
    InMemoryNamedPropertyIds otherMailbox = new InMemoryNamedPropertyIds();
    otherMailbox.id(NamedProperty.ofLid(NamedProperty.PSETID_TASK, 0x8101), true); // shifts the ids
    Bag target = Bag.empty(otherMailbox);
    PreservedProperty.restore(params::get, PreservedProperty.value(value), target);
    int otherId = otherMailbox.id(name, false);
    assertThat(otherId).isNotEqualTo(id);
    assertThat(target.toMap().get(PropTag.of(otherId, PropType.PT_UNICODE)).asString()).isEqualTo("v");
  }

  @Test
  void parametersAreZeroPaddedUpperCaseHex() throws Exception {
    assertThat(PreservedProperty.parameters(PropValue.ofString(PropTag.of(0x0037, PropType.PT_UNICODE), "s"), Bag.empty(ids)))
        .containsExactly(Map.entry("TAG", "0037001F"));
    int lid = ids.id(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x1), true);
    int wide = ids.id(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0xABCDE), true);
    assertThat(PreservedProperty.parameters(PropValue.ofInt(PropTag.of(lid, PropType.PT_LONG), 1), Bag.empty(ids)))
        .containsEntry("LID", "0001").containsEntry("TYPE", "0003")
        .containsEntry("PSET", "00062002-0000-0000-C000-000000000046");
    assertThat(PreservedProperty.parameters(PropValue.ofBoolean(PropTag.of(wide, PropType.PT_BOOLEAN), true), Bag.empty(ids)))
        .containsEntry("LID", "ABCDE").containsEntry("TYPE", "000B");
    assertThat(PreservedProperty.hex(0xFFFF_FFFFL, 8)).isEqualTo(String.format("%08X", -1));
    long seed = new java.util.Random().nextLong();
    java.util.Random random = new java.util.Random(seed);
    for (int n = 0; n < 2000; n++) {
      long value = random.nextLong() >>> random.nextInt(64);
      int digits = 1 + random.nextInt(16);
      assertThat(PreservedProperty.hex(value, digits)).as("seed %d", seed)
          .isEqualTo(String.format("%0" + digits + "X", value));
    }
    assertThat(PreservedProperty.hex(0, 4)).isEqualTo("0000");
  }

  @Test
  void propertySetsAreWrittenUpperCaseAndReadInAnyCase() {
    for (UUID set : List.of(NamedProperty.PSETID_APPOINTMENT, NamedProps.PSETID_CONVENE_INTERNET,
        UUID.fromString("11111111-2222-3333-4444-55555555aaaa"))) {
      String name = PreservedProperty.setName(set);
      assertThat(name).isEqualTo(set.toString().toUpperCase(java.util.Locale.ROOT));
      assertThat(PreservedProperty.set(name)).isEqualTo(set);
      assertThat(PreservedProperty.set(name.toLowerCase(java.util.Locale.ROOT))).isEqualTo(set);
    }
    assertThatThrownBy(() -> PreservedProperty.set("not-a-guid")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedOrStoreMaintainedIsRejected() {
    Bag bag = Bag.empty(ids);
    assertThatThrownBy(() -> PreservedProperty.restore(Map.of("TAG", "0037001F")::get, "!!", bag))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PreservedProperty.restore(Map.of("TAG", "00370003")::get, "AAA=", bag))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PreservedProperty.restore(Map.of("TAG", "674A0014")::get, "AAAAAAAAAAA=", bag))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PreservedProperty.restore(Map.of("TAG", "80000003")::get, "AAAAAA==", bag))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PreservedProperty.restore(Map.<String, String>of()::get, "AAAAAA==", bag))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bag.toMap()).isEmpty();
  }
}

package io.convene.convert.props;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bag remembers which definitions it found unmapped, and forgets as soon as it maps a name; it
 * hands out what no field carried in tag order, whatever order its source map iterates in.
 */
class BagTest {

  private static final UUID SET = UUID.fromString("6F1C5E2A-9D3B-4C7E-8A51-C0A7E3B2D914");

  @Test
  void aDefinitionFoundUnmappedIsReadAfterTheBagMapsItsName() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    PropDef def = PropDef.named("X-Test-Unmapped", SET, "bag-test-a", PropType.PT_UNICODE);
    Bag bag = Bag.of(Map.of(), ids);
    assertThat(bag.string(def)).isNull();
    assertThat(bag.tag(def, false)).isNull();

    // mapped by name (as Preservation does for kept properties), not through the definition
    int id = bag.idOf(def.named(), true);
    assertThat(bag.tag(def, false)).isNotNull();
    assertThat(bag.tag(def, false).id()).isEqualTo(id);
    bag.put(def, "kept");
    assertThat(bag.string(def)).isEqualTo("kept");
  }

  @Test
  void aDefinitionFoundUnmappedIsWrittenAndReadBack() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    PropDef def = PropDef.named("X-Test-Unmapped", SET, "bag-test-b", PropType.PT_LONG);
    Bag bag = Bag.empty(ids);
    assertThat(bag.integer(def)).isNull();
    bag.put(def, 7);
    assertThat(bag.integer(def)).isEqualTo(7);
    assertThat(Bag.of(bag.view(), ids).integer(def)).isEqualTo(7);
  }

  @Test
  void aNameMappedElsewhereIsSeenByANewBag() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    PropDef def = PropDef.named("X-Test-Unmapped", SET, "bag-test-c", PropType.PT_LONG);
    assertThat(Bag.empty(ids).integer(def)).isNull();
    Bag writer = Bag.empty(ids);
    writer.put(def, 3);
    assertThat(Bag.of(writer.view(), ids).integer(def)).isEqualTo(3);
  }

  @Test
  void theUnconsumedPropertiesComeInTagOrderWhateverTheSourceOrder() {
    // an imported item's map is an immutable copy, whose order changes from one JVM to the next:
    // export text (X-CONVENE-PROP lines) follows this order, so it must not depend on the source's
    List<PropValue> values = List.of(
        PropValue.ofBoolean(PropTag.of(0x822B, PropType.PT_BOOLEAN), true),
        PropValue.ofBoolean(PropTag.of(0x8206, PropType.PT_BOOLEAN), true),
        PropValue.ofString(PropTag.of(0x3FFA, PropType.PT_UNICODE), "last modifier"),
        PropValue.ofInt(PropTag.of(0x3FFA, PropType.PT_LONG), 1));
    List<PropTag> tagOrder = List.of(PropTag.of(0x3FFA, PropType.PT_LONG), PropTag.of(0x3FFA, PropType.PT_UNICODE),
        PropTag.of(0x8206, PropType.PT_BOOLEAN), PropTag.of(0x822B, PropType.PT_BOOLEAN));
    List<PropValue> reversed = new java.util.ArrayList<>(values);
    java.util.Collections.reverse(reversed);
    for (List<PropValue> order : List.of(values, reversed)) {
      Map<PropTag, PropValue> source = new LinkedHashMap<>();
      order.forEach(value -> source.put(value.tag(), value));
      assertThat(Bag.of(source, new InMemoryNamedPropertyIds()).unconsumed().keySet()).containsExactlyElementsOf(tagOrder);
    }
  }
}

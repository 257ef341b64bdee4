package io.convene.convert.props;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.PropType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A bag remembers which definitions it found unmapped, and forgets as soon as it maps a name. */
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
}

package io.convene.mapi.rop.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlaidPropertiesTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  private static final PropTag ENTRY_ID = PropTag.of(0x0FFF, PropType.PT_BINARY);

  private final Map<PropTag, PropValue> item = Map.of(
      SUBJECT, PropValue.ofString(SUBJECT, "Budget"),
      IMPORTANCE, PropValue.ofInt(IMPORTANCE, 2),
      ENTRY_ID, PropValue.ofBytes(ENTRY_ID, new byte[] {1}));
  private final Map<PropTag, PropValue> columns = Map.of(ENTRY_ID, PropValue.ofBytes(ENTRY_ID, new byte[] {9, 9}));

  @Test
  void readsLikeTheMergedMapWithTheOverlayWinning() {
    Map<PropTag, PropValue> merged = new HashMap<>(item);
    merged.putAll(columns);

    OverlaidProperties overlaid = new OverlaidProperties(item, columns);

    assertThat(overlaid).isEqualTo(merged).hasSize(3);
    assertThat(overlaid.get(ENTRY_ID).value()).isEqualTo(new byte[] {9, 9});
    assertThat(overlaid.get(SUBJECT).value()).isEqualTo("Budget");
    assertThat(overlaid.containsKey(IMPORTANCE)).isTrue();
    assertThat(overlaid.get(PropTag.of(0x1000, PropType.PT_UNICODE))).isNull();
    assertThat(overlaid.entrySet()).extracting(Map.Entry::getKey).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void aTableRowKeepsTheOverlayWithoutCopyingIt() {
    OverlaidProperties overlaid = new OverlaidProperties(item, columns);

    assertThat(new TableRow(1, overlaid).values()).isSameAs(overlaid);
    assertThat(new TableRow(1, new HashMap<>(item)).values()).isNotInstanceOf(HashMap.class);
  }
}

package io.convene.api.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.query.SortOrder.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortOrderSetTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037001F);
  private static final PropTag RECEIVED = PropTag.of(0x0E060040);
  private static final PropTag TOPIC = PropTag.of(0x0070001F);

  @Test
  void directionCodesAreThoseOfTheSpec() {
    // MS-OXCDATA 2.13.1: TABLE_SORT_ASCEND 0x00, DESCEND 0x01, MAXIMUM_CATEGORY 0x04,
    // MINIMUM_CATEGORY 0x08.
    assertThat(Arrays.stream(Direction.values()).map(Direction::code)).containsExactly(0, 1, 4, 8);
    assertThat(Direction.fromCode(4)).isEqualTo(Direction.MAXIMUM_CATEGORY);
    assertThatThrownBy(() -> Direction.fromCode(2)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Direction.MINIMUM_CATEGORY.isCategoryAggregate()).isTrue();
    assertThat(Direction.DESCENDING.isCategoryAggregate()).isFalse();
  }

  @Test
  void plainSort() {
    SortOrderSet set =
        SortOrderSet.of(SortOrder.descending(RECEIVED), SortOrder.ascending(SUBJECT));
    assertThat(set.isCategorized()).isFalse();
    assertThat(set.sorts()).extracting(SortOrder::tag).containsExactly(RECEIVED, SUBJECT);
    assertThat(SortOrderSet.NONE.sorts()).isEmpty();
  }

  @Test
  void countsAreChecked() {
    List<SortOrder> two = List.of(SortOrder.ascending(TOPIC), SortOrder.descending(RECEIVED));
    assertThat(new SortOrderSet(two, 1, 1).isCategorized()).isTrue();
    assertThat(new SortOrderSet(two, 2, 0).expandedCount()).isZero();
    assertThatThrownBy(() -> new SortOrderSet(two, 3, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SortOrderSet(two, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SortOrderSet(two, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SortOrderSet(two, 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void categoryAggregatesFollowTheCategories() {
    SortOrder max = new SortOrder(RECEIVED, Direction.MAXIMUM_CATEGORY);
    SortOrderSet set = new SortOrderSet(List.of(SortOrder.ascending(TOPIC), max), 1, 1);
    assertThat(set.sorts().get(1).direction()).isEqualTo(Direction.MAXIMUM_CATEGORY);
    assertThatThrownBy(() -> new SortOrderSet(List.of(max), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SortOrderSet(List.of(max, SortOrder.ascending(TOPIC)), 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listIsCopiedAndBounded() {
    List<SortOrder> sorts = new ArrayList<>(List.of(SortOrder.ascending(SUBJECT)));
    SortOrderSet set = new SortOrderSet(sorts, 0, 0);
    sorts.clear();
    assertThat(set.sorts()).hasSize(1);
    List<SortOrder> tooMany = new ArrayList<>();
    for (int i = 0; i <= SortOrderSet.MAX_SORTS; i++) {
      tooMany.add(SortOrder.ascending(SUBJECT));
    }
    assertThatThrownBy(() -> new SortOrderSet(tooMany, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SortOrder(null, Direction.ASCENDING))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SortOrder(SUBJECT, null)).isInstanceOf(NullPointerException.class);
  }
}

package io.convene.storage.derby.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.query.QueryException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BagComparatorTest {

  private static final PropTag ID = PropTag.of(0x67480014);
  private static final PropTag SUBJECT = PropTag.of(0x0037001F);
  private static final PropTag IMPORTANCE = PropTag.of(0x00170003);
  private static final PropTag RECEIVED = PropTag.of(0x0E060040);
  private static final PropTag KEYWORDS = PropTag.of(0x8001101F);
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private static Map<PropTag, PropValue> item(long id, Object... pairs) {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>();
    bag.put(ID, PropValue.ofLong(ID, id));
    for (int i = 0; i < pairs.length; i += 2) {
      PropTag tag = (PropTag) pairs[i];
      bag.put(tag, PropValue.of(tag, pairs[i + 1]));
    }
    return bag;
  }

  private static List<Long> sortedIds(
      Comparator<Map<PropTag, PropValue>> order, List<Map<PropTag, PropValue>> items) {
    List<Map<PropTag, PropValue>> copy = new ArrayList<>(items);
    Collections.shuffle(copy, new Random(7));
    copy.sort(order);
    return copy.stream().map(b -> b.get(ID).asLong()).toList();
  }

  private static final List<Map<PropTag, PropValue>> ITEMS =
      List.of(
          item(1, IMPORTANCE, 1, RECEIVED, T0, SUBJECT, "beta"),
          item(2, IMPORTANCE, 2, RECEIVED, T0.plusSeconds(10), SUBJECT, "Alpha"),
          item(3, IMPORTANCE, 1, RECEIVED, T0.plusSeconds(20), SUBJECT, "alpha"),
          item(4, RECEIVED, T0.plusSeconds(5)),
          item(5, IMPORTANCE, 2, SUBJECT, "Gamma"),
          item(6, IMPORTANCE, 1, RECEIVED, T0.plusSeconds(20), SUBJECT, "Beta"));

  @Test
  void multiColumnMixedDirections() {
    BagComparator order =
        BagComparator.withFinalKey(
            SortOrderSet.of(SortOrder.descending(IMPORTANCE), SortOrder.ascending(RECEIVED)),
            StringOrder.IGNORE_CASE,
            ID);
    // Importance 2 first (5 has no RECEIVED: missing sorts first ascending), then 1 by time,
    // 3 and 6 tie on time and go by id; 4 has no importance: last when descending.
    assertThat(sortedIds(order, ITEMS)).containsExactly(5L, 2L, 1L, 3L, 6L, 4L);
  }

  @Test
  void missingValuesSortFirstAscendingLastDescending() {
    BagComparator ascending =
        BagComparator.withFinalKey(
            SortOrderSet.of(SortOrder.ascending(SUBJECT)), StringOrder.IGNORE_CASE, ID);
    BagComparator descending =
        BagComparator.withFinalKey(
            SortOrderSet.of(SortOrder.descending(SUBJECT)), StringOrder.IGNORE_CASE, ID);
    // Case-insensitive: alpha/Alpha tie (2, 3 by id), beta/Beta tie (1, 6 by id).
    assertThat(sortedIds(ascending, ITEMS)).containsExactly(4L, 2L, 3L, 1L, 6L, 5L);
    // Descending reverses the keys but not the final key.
    assertThat(sortedIds(descending, ITEMS)).containsExactly(5L, 1L, 6L, 2L, 3L, 4L);
  }

  @Test
  void ordinalStringsPutUpperCaseFirst() {
    BagComparator ordinal =
        BagComparator.withFinalKey(
            SortOrderSet.of(SortOrder.ascending(SUBJECT)), StringOrder.ORDINAL, ID);
    assertThat(sortedIds(ordinal, ITEMS)).containsExactly(4L, 2L, 6L, 5L, 3L, 1L);
  }

  @Test
  void finalKeyBreaksTiesWhateverTheInputOrder() {
    Comparator<Map<PropTag, PropValue>> byIdDescending =
        Comparator.comparingLong((Map<PropTag, PropValue> b) -> b.get(ID).asLong()).reversed();
    BagComparator order =
        new BagComparator(
            SortOrderSet.of(SortOrder.ascending(IMPORTANCE)), StringOrder.ORDINAL, byIdDescending);
    assertThat(sortedIds(order, ITEMS)).containsExactly(4L, 6L, 3L, 1L, 5L, 2L);
    assertThat(sortedIds(order, ITEMS)).isEqualTo(sortedIds(order, new ArrayList<>(ITEMS)));
  }

  @Test
  void noKeysIsTheFinalKeyAlone() {
    BagComparator order = BagComparator.withFinalKey(SortOrderSet.NONE, StringOrder.ORDINAL, ID);
    assertThat(sortedIds(order, ITEMS)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void multiValuedKeysCompareElementByElement() {
    List<Map<PropTag, PropValue>> items =
        List.of(
            item(1, KEYWORDS, List.of("b")),
            item(2, KEYWORDS, List.of("a", "z")),
            item(3, KEYWORDS, List.of("a")),
            item(4, KEYWORDS, List.of()),
            item(5));
    BagComparator order =
        BagComparator.withFinalKey(
            SortOrderSet.of(SortOrder.ascending(KEYWORDS)), StringOrder.ORDINAL, ID);
    assertThat(sortedIds(order, items)).containsExactly(5L, 4L, 3L, 2L, 1L);
  }

  @Test
  void string8KeyFindsUnicodeValues() {
    BagComparator order =
        BagComparator.withFinalKey(
            SortOrderSet.of(SortOrder.ascending(SUBJECT.withType(PropType.PT_STRING8))),
            StringOrder.IGNORE_CASE,
            ID);
    assertThat(sortedIds(order, ITEMS).get(0)).isEqualTo(4L);
    assertThat(sortedIds(order, ITEMS).get(5)).isEqualTo(5L);
  }

  @Test
  void categorizedSortsAreUnsupported() {
    SortOrderSet categorized =
        new SortOrderSet(
            List.of(SortOrder.ascending(SUBJECT), SortOrder.ascending(RECEIVED)), 1, 1);
    assertThatThrownBy(() -> BagComparator.withFinalKey(categorized, StringOrder.ORDINAL, ID))
        .isInstanceOfSatisfying(
            QueryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
    SortOrderSet unspecified =
        SortOrderSet.of(SortOrder.ascending(SUBJECT.withType(PropType.PT_UNSPECIFIED)));
    assertThatThrownBy(() -> BagComparator.withFinalKey(unspecified, StringOrder.ORDINAL, ID))
        .isInstanceOfSatisfying(
            QueryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
  }
}

package io.convene.storage.derby.query;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.query.QueryException.Reason;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orders property bags (the rows of a contents table) by a plain, multi-column {@link SortOrderSet}
 * (MS-OXCDATA 2.13), then by a caller's final key so the order is total and stable across calls (a
 * table's item id, for example).
 *
 * <p>Semantics:
 *
 * <ul>
 *   <li>Keys are looked up and values compared as {@link RestrictionEvaluator} does (exact tag, the
 *       other string type as an alias; numeric, ordinal-string under the {@link StringOrder},
 *       unsigned binary, instant, GUID bytes, {@code false < true}).
 *   <li>A missing property (or one stored with another type) sorts before every value in an
 *       ascending key and after every value in a descending key, as Exchange orders empty columns;
 *       two missing values tie on that key.
 *   <li>A multi-valued key compares the value lists element by element, a shorter list that is a
 *       prefix first. (Exchange expands multi-valued instance columns into one row per value; that
 *       is the table's job, not the comparator's.)
 * </ul>
 *
 * <p>Categorized sorts ({@code categorizedCount > 0}, {@code TABLE_SORT_MAXIMUM_CATEGORY}, {@code
 * TABLE_SORT_MINIMUM_CATEGORY}) are refused with {@link Reason#UNSUPPORTED}, a key of {@code
 * PT_UNSPECIFIED}, {@code PT_NULL} or {@code PT_OBJECT} with {@link Reason#INVALID}.
 *
 * <p>Immutable and thread-safe if the final key's comparator is.
 */
public final class BagComparator implements Comparator<Map<PropTag, PropValue>> {

  private final List<SortOrder> keys;
  private final StringOrder strings;
  private final Comparator<? super Map<PropTag, PropValue>> finalKey;

  /**
   * A comparator.
   *
   * @param sortOrders the keys, not categorized
   * @param strings how strings order
   * @param finalKey breaks ties between bags equal on every key; should be total
   * @throws QueryException if the sort is categorized or a key's type cannot be sorted on
   */
  public BagComparator(
      SortOrderSet sortOrders,
      StringOrder strings,
      Comparator<? super Map<PropTag, PropValue>> finalKey) {
    Objects.requireNonNull(sortOrders, "sortOrders");
    this.strings = Objects.requireNonNull(strings, "strings");
    this.finalKey = Objects.requireNonNull(finalKey, "finalKey");
    if (sortOrders.isCategorized()) {
      throw new QueryException(Reason.UNSUPPORTED, "categorized sort " + sortOrders);
    }
    for (SortOrder key : sortOrders.sorts()) {
      if (!key.tag().type().isStorable()) {
        throw new QueryException(Reason.INVALID, "cannot sort on " + key.tag());
      }
      // SortOrderSet allows aggregates only after categories, so none reach here; kept as a guard.
      if (key.direction().isCategoryAggregate()) {
        throw new QueryException(Reason.UNSUPPORTED, "sort direction " + key.direction());
      }
    }
    this.keys = sortOrders.sorts();
  }

  /**
   * A comparator whose final key is a property every bag has, such as the item id; a bag without it
   * sorts first.
   */
  public static BagComparator withFinalKey(
      SortOrderSet sortOrders, StringOrder strings, PropTag finalKey) {
    if (!finalKey.type().isStorable()) {
      throw new QueryException(Reason.INVALID, "cannot sort on " + finalKey);
    }
    Comparator<Map<PropTag, PropValue>> byKey =
        (a, b) -> compareKey(finalKey, a, b, StringOrder.ORDINAL);
    return new BagComparator(sortOrders, strings, byKey);
  }

  @Override
  public int compare(Map<PropTag, PropValue> a, Map<PropTag, PropValue> b) {
    for (SortOrder key : keys) {
      int c = compareKey(key.tag(), a, b, strings);
      if (c != 0) {
        return key.direction() == SortOrder.Direction.DESCENDING ? -c : c;
      }
    }
    return finalKey.compare(a, b);
  }

  private static int compareKey(
      PropTag tag, Map<PropTag, PropValue> a, Map<PropTag, PropValue> b, StringOrder strings) {
    PropValue x = Values.lookup(a, tag);
    PropValue y = Values.lookup(b, tag);
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    PropType element = tag.type().elementType();
    if (!tag.type().isMultiValued()) {
      return Values.compare(element, x.value(), y.value(), strings);
    }
    List<?> xs = x.asList();
    List<?> ys = y.asList();
    for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
      int c = Values.compare(element, xs.get(i), ys.get(i), strings);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(xs.size(), ys.size());
  }
}

package io.convene.api.store.query;

import java.util.List;

/**
 * The sort keys of a table view, MS-OXCDATA 2.13.2 ({@code SortOrderSet}): the keys in order of
 * precedence, how many of the first keys are category columns, and how many of those categories
 * start expanded.
 *
 * <p>A set with no categories is a plain multi-column sort. {@link
 * SortOrder.Direction#MAXIMUM_CATEGORY} and {@link SortOrder.Direction#MINIMUM_CATEGORY} keys order
 * categories, so they must follow the category columns of a categorized sort.
 *
 * @param sorts the keys, first one most significant; copied, at most 65,535 ({@code SortOrderCount}
 *     is two bytes)
 * @param categorizedCount how many of the first keys are categories, {@code 0..sorts.size()}
 * @param expandedCount how many categories start expanded, {@code 0..categorizedCount}
 */
public record SortOrderSet(List<SortOrder> sorts, int categorizedCount, int expandedCount) {

  /** The empty set: no sort. */
  public static final SortOrderSet NONE = new SortOrderSet(List.of(), 0, 0);

  /** Most keys: {@code SortOrderCount} is an unsigned 16-bit field. */
  public static final int MAX_SORTS = 0xFFFF;

  public SortOrderSet {
    sorts = List.copyOf(sorts);
    if (sorts.size() > MAX_SORTS) {
      throw new IllegalArgumentException("more than " + MAX_SORTS + " sort keys: " + sorts.size());
    }
    if (categorizedCount < 0 || categorizedCount > sorts.size()) {
      throw new IllegalArgumentException(
          "categorized count " + categorizedCount + " not in 0.." + sorts.size());
    }
    if (expandedCount < 0 || expandedCount > categorizedCount) {
      throw new IllegalArgumentException(
          "expanded count " + expandedCount + " not in 0.." + categorizedCount);
    }
    for (int i = 0; i < sorts.size(); i++) {
      // A category column is itself ordered ascending or descending; the aggregates order the
      // categories by a later column, so they need a category before them.
      if (sorts.get(i).direction().isCategoryAggregate()
          && (i < categorizedCount || categorizedCount == 0)) {
        throw new IllegalArgumentException(
            "sort key " + i + " (" + sorts.get(i) + ") needs a category column before it");
      }
    }
  }

  /** A plain (not categorized) sort on the given keys. */
  public static SortOrderSet of(SortOrder... sorts) {
    return new SortOrderSet(List.of(sorts), 0, 0);
  }

  /** Whether this is a categorized sort ({@code categorizedCount > 0}). */
  public boolean isCategorized() {
    return categorizedCount > 0;
  }
}

package io.convene.api.store.query;

import io.convene.api.store.PropTag;
import java.util.Objects;

/**
 * One sort key of a table view: a column and an order, MS-OXCDATA 2.13.1 ({@code SortOrder}). If
 * the tag is multi-valued, the sort is on the individual values of the column (MS-OXCDATA 2.13.1,
 * {@code MultivalueFlag}); a store may refuse that.
 *
 * @param tag the column, not {@code null}
 * @param direction the order, not {@code null}
 */
public record SortOrder(PropTag tag, Direction direction) {

  public SortOrder {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(direction, "direction");
  }

  /** An ascending key. */
  public static SortOrder ascending(PropTag tag) {
    return new SortOrder(tag, Direction.ASCENDING);
  }

  /** A descending key. */
  public static SortOrder descending(PropTag tag) {
    return new SortOrder(tag, Direction.DESCENDING);
  }

  /** The {@code Order} byte of MS-OXCDATA 2.13.1. */
  public enum Direction {
    /** {@code TABLE_SORT_ASCEND}: ascending. */
    ASCENDING(0x00),
    /** {@code TABLE_SORT_DESCEND}: descending. */
    DESCENDING(0x01),
    /**
     * {@code TABLE_SORT_MAXIMUM_CATEGORY}: order categories by the largest value of this column
     * among their rows; only in a categorized sort.
     */
    MAXIMUM_CATEGORY(0x04),
    /**
     * {@code TABLE_SORT_MINIMUM_CATEGORY}: order categories by the smallest value of this column
     * among their rows; only in a categorized sort.
     */
    MINIMUM_CATEGORY(0x08);

    private final int code;

    Direction(int code) {
      this.code = code;
    }

    /** The {@code Order} byte. */
    public int code() {
      return code;
    }

    /** Whether this is {@link #MAXIMUM_CATEGORY} or {@link #MINIMUM_CATEGORY}. */
    public boolean isCategoryAggregate() {
      return this == MAXIMUM_CATEGORY || this == MINIMUM_CATEGORY;
    }

    /**
     * The direction with the given {@code Order} byte.
     *
     * @throws IllegalArgumentException if no direction has this code
     */
    public static Direction fromCode(int code) {
      for (Direction direction : values()) {
        if (direction.code == code) {
          return direction;
        }
      }
      throw new IllegalArgumentException(
          String.format("unknown sort order 0x%02X (MS-OXCDATA 2.13.1)", code));
    }
  }
}

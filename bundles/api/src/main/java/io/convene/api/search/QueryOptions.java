package io.convene.api.search;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which page of results to return and which kinds of entries to consider.
 *
 * @param offset how many of the best results to skip, {@code 0..}{@link #MAX_OFFSET}
 * @param limit how many results to return at most, {@code 1..}{@link #MAX_LIMIT}
 * @param kinds the entry kinds to consider, not empty; e.g. only {@link EntryKind#GAL_ROOM} for a
 *     room finder
 */
public record QueryOptions(int offset, int limit, Set<EntryKind> kinds) {

  /** Deepest page start: paging deeper than this is a scan, not a search. */
  public static final int MAX_OFFSET = 10_000;

  /** Largest page. */
  public static final int MAX_LIMIT = 1_000;

  /** The first 50 results of every kind. */
  public static final QueryOptions DEFAULT = new QueryOptions(0, 50, EnumSet.allOf(EntryKind.class));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if offset or limit is out of range or {@code kinds} is empty
   */
  public QueryOptions {
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("offset must be 0 to " + MAX_OFFSET + ": " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
    }
    Objects.requireNonNull(kinds, "kinds");
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("kinds must not be empty");
    }
    kinds = Set.copyOf(kinds);
  }

  /** {@link #DEFAULT} with another page. */
  public static QueryOptions page(int offset, int limit) {
    return DEFAULT.withPage(offset, limit);
  }

  public QueryOptions withPage(int newOffset, int newLimit) {
    return new QueryOptions(newOffset, newLimit, kinds);
  }

  public QueryOptions withKinds(Set<EntryKind> newKinds) {
    return new QueryOptions(offset, limit, newKinds);
  }
}

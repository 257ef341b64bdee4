package io.convene.api.search;

import java.util.List;

/**
 * One page of results, best first.
 *
 * @param hits the results of the page, at most the requested limit
 * @param more whether results follow after this page
 */
public record HitPage(List<ContactHit> hits, boolean more) {

  public HitPage {
    hits = List.copyOf(hits);
  }

  /** No results. */
  public static HitPage empty() {
    return new HitPage(List.of(), false);
  }
}

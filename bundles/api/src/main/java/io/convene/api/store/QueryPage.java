package io.convene.api.store;

import java.util.List;

/**
 * One page of a {@link Mailbox#query}.
 *
 * @param rows the items of the page, in sort order
 * @param totalMatches how many items match in all (PidTagContentCount of the restricted view)
 */
public record QueryPage(List<StoredItem> rows, int totalMatches) {

  public QueryPage {
    rows = List.copyOf(rows);
  }
}

package io.convene.api.store;

import java.util.List;

/**
 * One page of a {@link Mailbox#hierarchy} query.
 *
 * @param rows the folders of the page, in table order
 * @param totalMatches how many folders match in all
 * @since 1.2
 */
public record HierarchyPage(List<HierarchyRow> rows, int totalMatches) {

  public HierarchyPage {
    rows = List.copyOf(rows);
  }
}

package io.convene.api.store;

import io.convene.api.store.query.Restriction;
import java.util.List;
import java.util.Objects;

/**
 * The criteria of a search folder (MS-OXCFOLD 2.2.1.4, 3.2.5.4): which items of which folders it
 * shows. A search folder's contents are not copies: {@link Mailbox#query} evaluates the criteria
 * over the scope at each call, so they reflect the store as it is then.
 *
 * @param restriction the items to show (MS-OXCDATA 2.12)
 * @param scope the folders searched, at least one; never the search folder itself
 * @param flags the SearchFlags last set (MS-OXCFOLD 2.2.1.4.1): {@link #RECURSIVE_SEARCH}...
 * @since 1.2
 */
public record SearchCriteria(Restriction restriction, List<FolderId> scope, int flags) {

  /** SetSearchCriteria: stop the search. */
  public static final int STOP_SEARCH = 0x0000_0001;
  /** SetSearchCriteria: (re)start the search. */
  public static final int RESTART_SEARCH = 0x0000_0002;
  /** SetSearchCriteria: search the scope folders and all their subfolders. */
  public static final int RECURSIVE_SEARCH = 0x0000_0004;
  /** SetSearchCriteria: search the scope folders only (the default). */
  public static final int SHALLOW_SEARCH = 0x0000_0008;
  /** SetSearchCriteria: use the content index if there is one. */
  public static final int CONTENT_INDEXED_SEARCH = 0x0001_0000;
  /** SetSearchCriteria: do not use the content index. */
  public static final int NON_CONTENT_INDEXED_SEARCH = 0x0002_0000;
  /** SetSearchCriteria: a static search, not updated as the store changes. */
  public static final int STATIC_SEARCH = 0x0004_0000;
  /** Every SetSearchCriteria bit MS-OXCFOLD defines. */
  public static final int ALL_FLAGS = STOP_SEARCH | RESTART_SEARCH | RECURSIVE_SEARCH | SHALLOW_SEARCH
      | CONTENT_INDEXED_SEARCH | NON_CONTENT_INDEXED_SEARCH | STATIC_SEARCH;

  /** GetSearchCriteria state: the search is active. */
  public static final int SEARCH_RUNNING = 0x0000_0001;
  /** GetSearchCriteria state: the search is in its CPU-intensive initial population. */
  public static final int SEARCH_REBUILD = 0x0000_0002;
  /** GetSearchCriteria state: the search covers subfolders of the scope. */
  public static final int SEARCH_RECURSIVE = 0x0000_0004;
  /** GetSearchCriteria state: the results are complete. */
  public static final int SEARCH_COMPLETE = 0x0000_1000;
  /** GetSearchCriteria state: a static search. */
  public static final int SEARCH_STATIC = 0x0001_0000;

  public SearchCriteria {
    Objects.requireNonNull(restriction, "restriction");
    scope = List.copyOf(scope);
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("a search needs at least one folder");
    }
  }

  /** Whether the search is running: restarted and not stopped since. */
  public boolean running() {
    return (flags & STOP_SEARCH) == 0;
  }

  /** Whether subfolders of the scope are searched too. */
  public boolean recursive() {
    return (flags & RECURSIVE_SEARCH) != 0;
  }

  /**
   * The state GetSearchCriteria reports (MS-OXCFOLD 2.2.1.5.2). The store evaluates a search when
   * its contents are read, so there is never a population in progress: a running search is
   * complete at once, and a stopped one too.
   */
  public int state() {
    int state = SEARCH_COMPLETE;
    if (running()) {
      state |= SEARCH_RUNNING;
    }
    if (recursive()) {
      state |= SEARCH_RECURSIVE;
    }
    if ((flags & STATIC_SEARCH) != 0) {
      state |= SEARCH_STATIC;
    }
    return state;
  }
}

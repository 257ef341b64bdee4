package io.convene.benchmarks;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One side of the store benchmark: the Convene store ({@link StoreTarget}) or plain JDBC on the
 * same Derby database ({@link PlainJdbcTarget}). Both take the same items and answer the same
 * questions; ids are whatever orders the side's pages ({@code MessageId.toLong()} for the store).
 */
interface ItemTarget {

  /** The folders the benchmark writes to. */
  enum Folder {
    /** Warm-up saves, never measured. */
    WARMUP,
    /** Single saves (the store's Inbox). */
    INBOX,
    /** Bulk import. */
    IMPORT,
    /** The appointments range queries and pages run on (the store's Calendar). */
    CALENDAR
  }

  String name();

  /** Saves one item durably in its own transaction; returns its id. */
  long create(Folder folder, List<PropValue> item) throws Exception;

  /** Saves the items durably in one transaction; returns their ids in order. */
  long[] createAll(Folder folder, List<List<PropValue>> items) throws Exception;

  /**
   * Ids of the appointments overlapping {@code [start, end)}, each item's properties decoded: only
   * the values with the ids of {@code columns} (a calendar view's columns), or all if it is null.
   */
  List<Long> range(Folder folder, Instant start, Instant end, Set<PropTag> columns) throws Exception;

  /** Ids of at most {@code limit} items after {@code afterId} in id order, properties decoded. */
  List<Long> page(Folder folder, long afterId, int limit) throws Exception;

  /** Items in the folder. */
  int count(Folder folder) throws Exception;

  /** One item's properties, by tag. */
  Map<PropTag, PropValue> read(Folder folder, long id) throws Exception;
}

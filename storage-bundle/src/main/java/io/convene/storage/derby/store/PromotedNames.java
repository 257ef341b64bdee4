package io.convene.storage.derby.store;

import io.convene.api.store.NamedProperty;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per mailbox, the ids of the named properties promoted to columns (appointment times,
 * recurrence), including which of them are not mapped yet, so a save looks them up once, not per
 * item. A mapping only appears through {@link #mapped} (after {@code namedPropertyId(..., true)}
 * commits), which drops the cached answer; a lookup that raced with it is not cached, so a
 * miss is never kept past the mapping. One per database.
 */
final class PromotedNames {

  private final ConcurrentMap<Long, Map<NamedProperty, Integer>> known = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /** The mapped ids of {@code properties} in {@code accountId}'s mailbox; unmapped ones are absent. */
  Map<NamedProperty, Integer> ids(Connection connection, long accountId, List<NamedProperty> properties) throws SQLException {
    Map<NamedProperty, Integer> ids = known.get(accountId);
    if (ids != null) {
      return ids;
    }
    long seen = generation.get();
    ids = Map.copyOf(NamedProperties.ids(connection, accountId, properties));
    known.put(accountId, ids);
    if (generation.get() != seen) {
      known.remove(accountId, ids); // a mapping may have committed after the query: not kept
    }
    return ids;
  }

  /** A named property may have been mapped in {@code accountId}'s mailbox: call after the commit. */
  void mapped(long accountId) {
    generation.incrementAndGet();
    known.remove(accountId);
  }

  void forget(long accountId) {
    mapped(accountId);
  }
}

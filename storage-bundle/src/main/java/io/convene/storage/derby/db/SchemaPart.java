package io.convene.storage.derby.db;

import java.util.List;

/**
 * One area's tables (directory, store, ...) as an ordered list of migrations. Migration {@code i}
 * takes the part from version {@code i} to {@code i + 1}; released migrations are never edited,
 * only appended to, so every database upgrades itself on start.
 */
public interface SchemaPart {

  /** Stable name of the part, the key of its row in {@code CONVENE_SCHEMA}. */
  String name();

  /** The migrations in order; each is a list of SQL statements run in one transaction. */
  List<List<String>> migrations();

  default int version() {
    return migrations().size();
  }
}

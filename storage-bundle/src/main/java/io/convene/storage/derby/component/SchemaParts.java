package io.convene.storage.derby.component;

import io.convene.storage.derby.db.SchemaPart;
import io.convene.storage.derby.directory.DirectorySchema;
import io.convene.storage.derby.store.StoreSchema;
import java.util.List;

/**
 * Every part of Convene's Derby schema, in the order they are migrated. A new area adds its part
 * here (one line); a part may reference the tables of the parts before it.
 */
final class SchemaParts {

  private SchemaParts() {}

  static List<SchemaPart> all() {
    return List.of(
        new DirectorySchema(),
        new StoreSchema());
  }
}

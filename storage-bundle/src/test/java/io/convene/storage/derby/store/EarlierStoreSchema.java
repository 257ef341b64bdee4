package io.convene.storage.derby.store;

import io.convene.storage.derby.db.SchemaPart;
import java.util.List;

/** The store part exactly as an earlier release had it: its first migrations, the same name. */
final class EarlierStoreSchema {

  private EarlierStoreSchema() {}

  static SchemaPart atVersion(int version) {
    StoreSchema current = new StoreSchema();
    return new SchemaPart() {
      @Override
      public String name() {
        return current.name();
      }

      @Override
      public List<List<String>> migrations() {
        return current.migrations().subList(0, version);
      }
    };
  }
}

package io.convene.mapi.rop.objects;

import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.CodecLimits;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.store.DerbyStore;
import io.convene.storage.derby.store.StoreSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The real Derby store on a temporary directory, with mailboxes provisioned for handler tests. */
public final class TestStore implements AutoCloseable {

  private final Database database;
  private final DerbyStore store;

  public TestStore(Path directory, long... accounts) throws StoreException {
    database = Database.open(directory.resolve("store"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(new CodecLimits(1000, 1 << 20, 1000)), Clock.systemUTC());
    for (long account : accounts) {
      store.provision(account);
    }
  }

  public DerbyStore store() {
    return store;
  }

  @Override
  public void close() {
    database.close();
  }
}

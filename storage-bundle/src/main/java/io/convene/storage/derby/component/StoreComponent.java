package io.convene.storage.derby.component;

import io.convene.api.store.Caller;
import io.convene.api.store.Mailbox;
import io.convene.api.store.Store;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.store.DerbyStore;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Store} service on the bundle's Derby database. */
@Component(service = Store.class)
public final class StoreComponent implements Store {

  private final DerbyStore store;

  @Activate
  public StoreComponent(@Reference DatabaseComponent database) {
    this.store = new DerbyStore(database.database(), new PropertyBagCodec(), Clock.systemUTC());
  }

  @Override
  public void provision(long accountId) throws StoreException {
    store.provision(accountId);
  }

  @Override
  public boolean exists(long accountId) throws StoreException {
    return store.exists(accountId);
  }

  @Override
  public Mailbox mailbox(long ownerAccountId, Caller caller) throws StoreException {
    return store.mailbox(ownerAccountId, caller);
  }

  @Override
  public void remove(long accountId) throws StoreException {
    store.remove(accountId);
  }
}

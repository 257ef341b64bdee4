package io.convene.storage.derby.component;

import io.convene.api.store.Caller;
import io.convene.api.store.Mailbox;
import io.convene.api.store.Store;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoreListener;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.store.ChangePublisher;
import io.convene.storage.derby.store.DerbyStore;
import io.convene.storage.derby.store.StoreLimits;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link Store} service on the bundle's Derby database; publishes committed changes to the
 * {@link StoreListener} services (whiteboard).
 */
@Component(service = Store.class)
public final class StoreComponent implements Store {

  /** Changes waiting for slow listeners before new ones are dropped (listeners then catch up). */
  private static final int EVENT_QUEUE = 10_000;

  private final ChangePublisher events = new ChangePublisher(EVENT_QUEUE);
  private final DerbyStore store;

  @Activate
  public StoreComponent(@Reference DatabaseComponent database) {
    this.store = new DerbyStore(database.database(), new PropertyBagCodec(), Clock.systemUTC(), events, StoreLimits.DEFAULT);
  }

  @Deactivate
  void deactivate() {
    events.close();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addListener(StoreListener listener) {
    events.add(listener);
  }

  void removeListener(StoreListener listener) {
    events.remove(listener);
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

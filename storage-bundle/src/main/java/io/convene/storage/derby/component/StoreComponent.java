package io.convene.storage.derby.component;

import io.convene.api.store.Caller;
import io.convene.api.store.Mailbox;
import io.convene.api.store.Store;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoreListener;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.store.ChangePublisher;
import io.convene.storage.derby.store.DerbyStore;
import io.convene.storage.derby.store.StoreLimits;
import java.time.Clock;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} service on the bundle's Derby database; publishes committed changes to the
 * {@link StoreListener} services (whiteboard). Its limits come from {@value StoreConfig#PID}
 * (optional) and change without a restart; an invalid configuration is logged and the previous
 * limits (at first the defaults) kept. On start it upgrades mailboxes provisioned by an older
 * Convene ({@link DerbyStore#upgradeMailboxes}).
 */
@Component(service = Store.class, configurationPid = StoreConfig.PID)
@Designate(ocd = StoreConfig.class)
public final class StoreComponent implements Store {

  private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

  /** Changes waiting for slow listeners before new ones are dropped (listeners then catch up). */
  private static final int EVENT_QUEUE = 10_000;

  private final ChangePublisher events = new ChangePublisher(EVENT_QUEUE);
  private final DerbyStore store;
  private final WhiteboardServices<StoreListener> listeners;

  @Activate
  public StoreComponent(BundleContext context, @Reference DatabaseComponent database, StoreConfig config) {
    this(context, database.database(), config);
  }

  StoreComponent(BundleContext context, Database database, StoreConfig config) {
    this.listeners = new WhiteboardServices<>(context, StoreListener.class);
    events.listenFrom(listeners);
    this.store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC(), events, StoreLimits.DEFAULT);
    modified(config);
    try {
      store.upgradeMailboxes();
    } catch (StoreException e) {
      // the mailboxes work without it; Outlook then searches its special folders by name
      LOG.error("Could not add the special-folder entry ids to existing mailboxes: {}", e.getMessage(), e);
    }
  }

  @Modified
  void modified(StoreConfig config) {
    try {
      store.limits(limits(config));
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration {} rejected, keeping the previous limits: {}", StoreConfig.PID, e.getMessage());
    }
  }

  /** The limits a configuration describes; errors name the PID and the property. */
  static StoreLimits limits(StoreConfig config) {
    try {
      return new StoreLimits(config.max_attachment_bytes(), config.max_stream_bytes(), config.max_value_bytes(),
          config.max_properties_per_item(), config.max_recipients_per_item(), config.max_attachments_per_item(),
          config.max_restriction_depth(), config.max_restriction_nodes(), config.max_embedding_depth());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(StoreConfig.PID + ": " + e.getMessage(), e);
    }
  }

  /** The limits in force. */
  StoreLimits limits() {
    return store.limits();
  }

  @Deactivate
  void deactivate() {
    listeners.close();
    events.close();
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

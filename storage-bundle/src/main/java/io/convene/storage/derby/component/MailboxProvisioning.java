package io.convene.storage.derby.component;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import io.convene.api.directory.Directory;
import io.convene.api.store.Store;
import io.convene.api.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every account a mailbox: on creation (as an {@link AccountListener}), and at start for
 * accounts created while this component was not running. Removing an account removes its mailbox.
 */
@Component(immediate = true)
public final class MailboxProvisioning implements AccountListener {

  private static final Logger LOG = LoggerFactory.getLogger(MailboxProvisioning.class);

  private final Store store;

  @Activate
  public MailboxProvisioning(@Reference Store store, @Reference Directory directory) {
    this.store = store;
    for (Account account : directory.list()) {
      provision(account);
    }
  }

  @Override
  public void accountCreated(Account account) {
    provision(account);
  }

  @Override
  public void accountChanged(Account account) {
    // nothing in the mailbox depends on account attributes yet
  }

  @Override
  public void accountRemoved(Account account) {
    try {
      store.remove(account.id());
    } catch (StoreException e) {
      LOG.error("Could not remove the mailbox of account {} ({})", account.id(), account.smtpAddress(), e);
    }
  }

  private void provision(Account account) {
    try {
      store.provision(account.id());
    } catch (StoreException e) {
      LOG.error("Could not provision the mailbox of account {} ({})", account.id(), account.smtpAddress(), e);
    }
  }
}

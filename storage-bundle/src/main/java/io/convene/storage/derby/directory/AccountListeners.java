package io.convene.storage.derby.directory;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link AccountListener}s (a copy-on-write snapshot, so listeners may come and go
 * while events are delivered). A listener that throws is logged and the others still hear the
 * event.
 */
public final class AccountListeners {

  private static final Logger LOG = LoggerFactory.getLogger(AccountListeners.class);

  private final CopyOnWriteArrayList<AccountListener> listeners = new CopyOnWriteArrayList<>();

  public void add(AccountListener listener) {
    listeners.addIfAbsent(listener);
  }

  public void remove(AccountListener listener) {
    listeners.remove(listener);
  }

  void created(Account account) {
    fire("accountCreated", account, AccountListener::accountCreated);
  }

  void changed(Account account) {
    fire("accountChanged", account, AccountListener::accountChanged);
  }

  void removed(Account account) {
    fire("accountRemoved", account, AccountListener::accountRemoved);
  }

  private void fire(String event, Account account, BiConsumer<AccountListener, Account> call) {
    for (AccountListener listener : listeners) {
      try {
        call.accept(listener, account);
      } catch (RuntimeException e) {
        // The change is committed; one broken listener must not hide it from the others.
        LOG.error("Account listener {} failed on {} of account {}", listener.getClass().getName(), event, account.id(), e);
      }
    }
  }
}

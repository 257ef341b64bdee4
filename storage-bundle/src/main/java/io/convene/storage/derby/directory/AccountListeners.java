package io.convene.storage.derby.directory;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
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
  private final Supplier<? extends Collection<AccountListener>> more;

  /** Listeners added with {@link #add} only. */
  public AccountListeners() {
    this(List::of);
  }

  /**
   * Listeners added with {@link #add} plus those {@code more} supplies at each event (e.g. the
   * services of a tracker opened only once the directory itself is active).
   */
  public AccountListeners(Supplier<? extends Collection<AccountListener>> more) {
    this.more = more;
  }

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
    List<AccountListener> all = new ArrayList<>(listeners);
    all.addAll(more.get());
    for (AccountListener listener : all) {
      try {
        call.accept(listener, account);
      } catch (RuntimeException e) {
        // The change is committed; one broken listener must not hide it from the others.
        LOG.error("Account listener {} failed on {} of account {}", listener.getClass().getName(), event, account.id(), e);
      }
    }
  }
}

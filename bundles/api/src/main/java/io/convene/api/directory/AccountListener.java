package io.convene.api.directory;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about changes to the directory (whiteboard: register as a service). The directory calls
 * the listeners after the change is committed, on the thread that made the change, one after
 * the other; a listener that throws is logged and does not undo the change or stop the others.
 * Listeners should return quickly and hand long work (creating a mailbox, re-indexing) to their
 * own executor. Changes made while a listener was not registered are not replayed: a listener
 * that must not miss any reconciles with {@link Directory#list()} when it starts.
 */
@ConsumerType
public interface AccountListener {

  /** {@code account} was created. */
  void accountCreated(Account account);

  /**
   * An attribute of {@code account} changed (including its password); {@code account} is the new
   * state.
   */
  void accountChanged(Account account);

  /** {@code account} (its last state) was removed. */
  void accountRemoved(Account account);
}

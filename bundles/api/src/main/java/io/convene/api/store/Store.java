package io.convene.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The mailbox stores of all accounts. One implementation is registered as an OSGi service (the
 * Derby one by default); every protocol reads and writes through it.
 *
 * <p>Thread-safe. Each mutating call is one transaction: it returns only after the change is
 * committed durably, and on an exception nothing of it was written.
 */
@ProviderType
public interface Store {

  /**
   * Creates the mailbox of an account with the standard folder tree ({@link SpecialFolder}). Does
   * nothing if it exists already.
   */
  void provision(long accountId) throws StoreException;

  /** Whether the account has a mailbox. */
  boolean exists(long accountId) throws StoreException;

  /**
   * Opens the mailbox of {@code ownerAccountId} for {@code caller}; every call through it is
   * checked against folder permissions for that caller.
   *
   * @throws StoreException {@link StoreError#NO_MAILBOX} if it was never provisioned
   */
  Mailbox mailbox(long ownerAccountId, Caller caller) throws StoreException;

  /** Removes an account's mailbox and everything in it. */
  void remove(long accountId) throws StoreException;
}

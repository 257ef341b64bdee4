package io.convene.mapi.rop.objects;

import io.convene.api.store.Caller;
import io.convene.api.store.Mailbox;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a RopLogon leaves in {@link io.convene.mapi.rop.Logon#state()}: the opened mailbox and on
 * whose behalf it is used. Every store call made through {@link #mailbox()} is checked against the
 * folder permissions of {@link #caller()}, so handlers never check rights themselves.
 *
 * @param mailbox the opened mailbox
 * @param caller the authenticated account the session belongs to
 * @param ownerAccountId the account whose mailbox this is
 * @param ownMailbox whether the caller logged on to its own mailbox (not a delegate logon)
 * @param replicaId the REPLID of the mailbox's folder and message ids (1 for a private mailbox)
 * @param replicaGuid the REPLGUID: namespace of the mailbox's long-term ids and source keys
 * @param owner the mailbox owner's address book name, when the directory knows it
 * @param user the logged-on account's address book name, when the directory knows it
 */
public record MailboxLogon(
    Mailbox mailbox,
    Caller caller,
    long ownerAccountId,
    boolean ownMailbox,
    int replicaId,
    UUID replicaGuid,
    Optional<AccountName> owner,
    Optional<AccountName> user) {

  /** The REPLID of a private mailbox (MS-OXCSTOR 2.2.1.1.3: the response's ReplId). */
  public static final int PRIVATE_REPLICA_ID = 1;

  public MailboxLogon {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(replicaGuid, "replicaGuid");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(user, "user");
    if (replicaId < 0 || replicaId > 0xFFFF) {
      throw new IllegalArgumentException("replica id out of 16 bits: " + replicaId);
    }
  }

  /** A logon to {@code mailbox} by {@code caller}, with the mailbox's own replica GUID. */
  public static MailboxLogon of(Mailbox mailbox, Caller caller) {
    return new MailboxLogon(
        mailbox,
        caller,
        mailbox.ownerAccountId(),
        !caller.system() && caller.accountId() == mailbox.ownerAccountId(),
        PRIVATE_REPLICA_ID,
        mailbox.replicaGuid(),
        Optional.empty(),
        Optional.empty());
  }

  /** This logon with the owner's and the user's address book names. */
  public MailboxLogon withNames(Optional<AccountName> owner, Optional<AccountName> user) {
    return new MailboxLogon(mailbox, caller, ownerAccountId, ownMailbox, replicaId, replicaGuid, owner, user);
  }
}

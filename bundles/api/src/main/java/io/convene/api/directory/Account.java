package io.convene.api.directory;

import java.util.Objects;

/**
 * An account as the directory stores it. Never carries the password or its hash.
 *
 * @param id the stable id the directory assigned, {@code > 0}; other bundles key mailboxes by it.
 *     {@link io.convene.api.net.AuthenticatedUser#accountId()} is its decimal string
 * @param kind user, room or equipment
 * @param displayName the name shown in the GAL and in invitations (PidTagDisplayName), never blank
 * @param smtpAddress the primary SMTP address, lower-case, unique in the directory
 * @param alias the short login name (PidTagAccount / Exchange's alias), lower-case, unique
 * @param enabled whether the account may log in; a disabled resource also stops processing
 *     requests
 * @param quotaBytes mailbox size limit in bytes; {@code 0} means unlimited
 * @param capacity seats of a room; {@code 0} for users, equipment or unknown
 * @param location where a resource is or a user's office (PidTagOfficeLocation), empty when not
 *     set; never {@code null}
 * @param bookingPolicy how a resource answers invitations; {@link BookingPolicy#DEFAULT} for
 *     users; never {@code null}
 */
public record Account(
    long id,
    AccountKind kind,
    String displayName,
    String smtpAddress,
    String alias,
    boolean enabled,
    long quotaBytes,
    int capacity,
    String location,
    BookingPolicy bookingPolicy) {

  public Account {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(smtpAddress, "smtpAddress");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(bookingPolicy, "bookingPolicy");
  }
}

/**
 * The directory of accounts: users, rooms and equipment (MS-OXPROPS PidTagDisplayType
 * DT_MAILUSER, and resource mailboxes as Exchange models them), their login names and
 * passwords, the booking settings of resources and, since 1.1, the profiles the address book shows
 * ({@link io.convene.api.directory.AccountProfile}: title, department, company, telephone numbers)
 * and, since 1.2, the certificates users publish ({@link io.convene.api.directory.AccountCertificates}).
 *
 * <p>One {@link io.convene.api.directory.Directory} service is registered by the storage bundle.
 * Every account has a stable numeric id, a unique lower-case SMTP address and a unique
 * lower-case alias; either logs in. Passwords are only ever passed in as {@code char[]} and are
 * stored as salted hashes; nothing in this package returns them.
 *
 * <p>{@link io.convene.api.directory.AccountListener} services (whiteboard) hear about accounts
 * created, changed and removed, after the change is committed; mailbox provisioning and the GAL
 * index hook in there.
 *
 * <p>Thread-safety: the directory is called concurrently and is thread-safe; every mutating
 * call is one transaction. Values ({@link io.convene.api.directory.Account},
 * {@link io.convene.api.directory.NewAccount}, {@link io.convene.api.directory.AccountUpdate},
 * {@link io.convene.api.directory.BookingPolicy}, {@link io.convene.api.directory.AccountProfile},
 * {@link io.convene.api.directory.AccountCertificates}) are immutable records.
 *
 * <p>Lifecycle: the directory service goes away while the storage bundle is stopped; callers
 * must tolerate its absence ({@code DirectoryException.Reason.UNAVAILABLE} for a call in
 * flight).
 */
@Export
@Version("1.2.0")
package io.convene.api.directory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

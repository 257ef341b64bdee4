package io.convene.api.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The accounts of this server: users, rooms and equipment.
 *
 * <p>SMTP addresses and aliases are compared case-insensitively and stored lower-case; both are
 * unique across all accounts (an alias never contains {@code @}). Every mutating
 * call is one transaction; {@link AccountListener}s are told after it commits. Failures throw
 * {@link DirectoryException} with a reason. Thread-safe. Implementations never log passwords and
 * never keep the {@code char[]} they are given; the caller clears it after the call.
 */
@ProviderType
public interface Directory {

  /**
   * Creates an account.
   *
   * @param account what to create
   * @param password the initial password, or {@code null} for an account that cannot log in
   *     (typical for resources)
   * @return the created account with its id
   * @throws DirectoryException {@code DUPLICATE_ADDRESS}, {@code DUPLICATE_ALIAS} or {@code
   *     INVALID}
   */
  Account create(NewAccount account, char[] password);

  /** The account with this id, if any. */
  Optional<Account> find(long id);

  /** The account with this SMTP address (case-insensitive), if any. */
  Optional<Account> findBySmtp(String smtpAddress);

  /** The account with this alias (case-insensitive), if any. */
  Optional<Account> findByAlias(String alias);

  /**
   * The account a login name means: an SMTP address if it contains {@code @}, else an alias;
   * case-insensitive, surrounding blanks ignored.
   */
  Optional<Account> resolve(String loginName);

  /** All accounts, ordered by SMTP address. */
  List<Account> list();

  /** The accounts of one kind, ordered by SMTP address. */
  List<Account> list(AccountKind kind);

  /**
   * Applies {@code update} to the account.
   *
   * @return the account as it is now
   * @throws DirectoryException {@code NOT_FOUND} or {@code INVALID}
   */
  Account update(long id, AccountUpdate update);

  /**
   * Replaces the password of an account.
   *
   * @param password the new password, or {@code null} so the account can no longer log in
   * @throws DirectoryException {@code NOT_FOUND} or {@code INVALID} (empty password)
   */
  void setPassword(long id, char[] password);

  /**
   * Removes an account. Its mailbox is the store's business, told through {@link
   * AccountListener#accountRemoved}.
   *
   * @throws DirectoryException {@code NOT_FOUND}
   */
  void remove(long id);

  /**
   * The profile of an account (title, department, phones: what the address book shows).
   *
   * <p>The default is a directory that keeps no profiles: every account's is empty.
   *
   * @return the profile, {@link AccountProfile#EMPTY} if none was set
   * @throws DirectoryException {@code NOT_FOUND}
   * @since 1.1
   */
  default AccountProfile profile(long id) {
    find(id).orElseThrow(() -> new DirectoryException(DirectoryException.Reason.NOT_FOUND, "No account with id " + id));
    return AccountProfile.EMPTY;
  }

  /**
   * The profiles of all accounts that have one, in one call, for readers that show the whole
   * directory (the GAL). Accounts missing from the map have {@link AccountProfile#EMPTY}.
   *
   * @return an immutable map from account id to its non-empty profile
   * @since 1.1
   */
  default Map<Long, AccountProfile> profiles() {
    return Map.of();
  }

  /**
   * Replaces the profile of an account; {@link AccountProfile#EMPTY} clears it. Listeners hear
   * {@link AccountListener#accountChanged} when the stored profile changed.
   *
   * <p>The default refuses: a directory that keeps no profiles.
   *
   * @return the profile as stored (values stripped of surrounding blanks)
   * @throws DirectoryException {@code NOT_FOUND}, or {@code INVALID} for a control character or a
   *     value over 256 characters (64 for a telephone number)
   * @since 1.1
   */
  default AccountProfile setProfile(long id, AccountProfile profile) {
    throw new DirectoryException(DirectoryException.Reason.INVALID, "This directory keeps no account profiles");
  }

  /**
   * The certificates an account published in the address book.
   *
   * <p>The default is a directory that keeps none: every account's are empty.
   *
   * @return the certificates, {@link AccountCertificates#EMPTY} if none were published
   * @throws DirectoryException {@code NOT_FOUND}
   * @since 1.2
   */
  default AccountCertificates certificates(long id) {
    find(id).orElseThrow(() -> new DirectoryException(DirectoryException.Reason.NOT_FOUND, "No account with id " + id));
    return AccountCertificates.EMPTY;
  }

  /**
   * The certificates of all accounts that published some, in one call, for readers that show the
   * whole directory (the GAL). Accounts missing from the map have {@link AccountCertificates#EMPTY}.
   *
   * @return an immutable map from account id to its non-empty certificates
   * @since 1.2
   */
  default Map<Long, AccountCertificates> allCertificates() {
    return Map.of();
  }

  /**
   * Replaces the certificates an account publishes; {@link AccountCertificates#EMPTY} withdraws
   * them. Listeners hear {@link AccountListener#accountChanged} when they changed.
   *
   * <p>The default refuses: a directory that keeps no certificates.
   *
   * @throws DirectoryException {@code NOT_FOUND}, or {@code INVALID} for more than 16 values of a
   *     kind, an empty value or one over 32,000 bytes
   * @since 1.2
   */
  default void setCertificates(long id, AccountCertificates certificates) {
    throw new DirectoryException(DirectoryException.Reason.INVALID, "This directory keeps no certificates");
  }

  /**
   * Checks a login (the HTTP Basic credentials, say).
   *
   * @param loginName an SMTP address or alias, case-insensitive
   * @param password the password presented
   * @return the account if it exists, is enabled, has a password and the password matches;
   *     otherwise empty, without saying which check failed
   */
  Optional<Account> checkPassword(String loginName, char[] password);
}

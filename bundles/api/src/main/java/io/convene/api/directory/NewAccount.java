package io.convene.api.directory;

import java.util.Objects;

/**
 * What {@link Directory#create} needs to create an account. Start from {@link #user}, {@link
 * #room} or {@link #equipment} and adjust with the {@code with...} methods. The directory
 * validates the values; this record only rejects {@code null}s.
 *
 * @param kind user, room or equipment
 * @param smtpAddress the primary SMTP address; the directory lower-cases it
 * @param alias the login alias; empty lets the directory derive it from the local part of the
 *     address
 * @param displayName the display name; empty lets the directory use the address
 * @param enabled whether the account may log in right away
 * @param quotaBytes mailbox limit in bytes, {@code 0} for unlimited
 * @param capacity seats of a room, {@code 0} if not applicable
 * @param location where a resource is; empty if not set
 * @param bookingPolicy how a resource answers invitations
 */
public record NewAccount(
    AccountKind kind,
    String smtpAddress,
    String alias,
    String displayName,
    boolean enabled,
    long quotaBytes,
    int capacity,
    String location,
    BookingPolicy bookingPolicy) {

  public NewAccount {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(smtpAddress, "smtpAddress");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(bookingPolicy, "bookingPolicy");
  }

  /** An enabled user without quota, alias derived from the address. */
  public static NewAccount user(String smtpAddress, String displayName) {
    return of(AccountKind.USER, smtpAddress, displayName);
  }

  /** An enabled room with {@link BookingPolicy#DEFAULT}. */
  public static NewAccount room(String smtpAddress, String displayName) {
    return of(AccountKind.ROOM, smtpAddress, displayName);
  }

  /** Enabled equipment with {@link BookingPolicy#DEFAULT}. */
  public static NewAccount equipment(String smtpAddress, String displayName) {
    return of(AccountKind.EQUIPMENT, smtpAddress, displayName);
  }

  /** An enabled account of {@code kind} with defaults for everything else. */
  public static NewAccount of(AccountKind kind, String smtpAddress, String displayName) {
    return new NewAccount(kind, smtpAddress, "", displayName, true, 0, 0, "", BookingPolicy.DEFAULT);
  }

  public NewAccount withAlias(String value) {
    return new NewAccount(kind, smtpAddress, value, displayName, enabled, quotaBytes, capacity, location, bookingPolicy);
  }

  public NewAccount withEnabled(boolean value) {
    return new NewAccount(kind, smtpAddress, alias, displayName, value, quotaBytes, capacity, location, bookingPolicy);
  }

  public NewAccount withQuotaBytes(long value) {
    return new NewAccount(kind, smtpAddress, alias, displayName, enabled, value, capacity, location, bookingPolicy);
  }

  public NewAccount withCapacity(int value) {
    return new NewAccount(kind, smtpAddress, alias, displayName, enabled, quotaBytes, value, location, bookingPolicy);
  }

  public NewAccount withLocation(String value) {
    return new NewAccount(kind, smtpAddress, alias, displayName, enabled, quotaBytes, capacity, value, bookingPolicy);
  }

  public NewAccount withBookingPolicy(BookingPolicy value) {
    return new NewAccount(kind, smtpAddress, alias, displayName, enabled, quotaBytes, capacity, location, value);
  }
}

package io.convene.api.directory;

import java.util.Optional;

/**
 * The changes {@link Directory#update} applies to an account; a {@code null} component leaves
 * that attribute as it is. The address, alias and kind of an account do not change. Start from
 * {@link #NONE} and add changes with the {@code with...} methods.
 *
 * @param displayName new display name, or {@code null}
 * @param enabled new enabled flag, or {@code null}
 * @param quotaBytes new quota in bytes ({@code 0} unlimited), or {@code null}
 * @param capacity new room capacity, or {@code null}
 * @param location new location ({@code ""} clears it), or {@code null}
 * @param bookingPolicy new booking policy, or {@code null}
 */
public record AccountUpdate(
    String displayName,
    Boolean enabled,
    Long quotaBytes,
    Integer capacity,
    String location,
    BookingPolicy bookingPolicy) {

  /** Changes nothing. */
  public static final AccountUpdate NONE = new AccountUpdate(null, null, null, null, null, null);

  /** Whether this update changes nothing. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** {@code account} with this update applied, without validation. */
  public Account applyTo(Account account) {
    return new Account(
        account.id(),
        account.kind(),
        Optional.ofNullable(displayName).orElse(account.displayName()),
        account.smtpAddress(),
        account.alias(),
        Optional.ofNullable(enabled).orElse(account.enabled()),
        Optional.ofNullable(quotaBytes).orElse(account.quotaBytes()),
        Optional.ofNullable(capacity).orElse(account.capacity()),
        Optional.ofNullable(location).orElse(account.location()),
        Optional.ofNullable(bookingPolicy).orElse(account.bookingPolicy()));
  }

  public AccountUpdate withDisplayName(String value) {
    return new AccountUpdate(value, enabled, quotaBytes, capacity, location, bookingPolicy);
  }

  public AccountUpdate withEnabled(boolean value) {
    return new AccountUpdate(displayName, value, quotaBytes, capacity, location, bookingPolicy);
  }

  public AccountUpdate withQuotaBytes(long value) {
    return new AccountUpdate(displayName, enabled, value, capacity, location, bookingPolicy);
  }

  public AccountUpdate withCapacity(int value) {
    return new AccountUpdate(displayName, enabled, quotaBytes, value, location, bookingPolicy);
  }

  public AccountUpdate withLocation(String value) {
    return new AccountUpdate(displayName, enabled, quotaBytes, capacity, value, bookingPolicy);
  }

  public AccountUpdate withBookingPolicy(BookingPolicy value) {
    return new AccountUpdate(displayName, enabled, quotaBytes, capacity, location, value);
  }
}

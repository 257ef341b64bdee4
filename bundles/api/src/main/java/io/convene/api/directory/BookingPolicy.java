package io.convene.api.directory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a resource (room, equipment) answers meeting requests: the settings the resource booking
 * attendant of the scheduling bundle applies, modelled on Exchange's calendar processing
 * settings (AutomateProcessing, AllowConflicts, BookingWindowInDays, MaximumDurationInMinutes,
 * AllowRecurringMeetings, BookInPolicy). Users carry {@link #DEFAULT}, which nothing reads.
 *
 * @param autoAccept accept requests that fit the policy and decline the others automatically;
 *     {@code false} leaves requests to a delegate
 * @param allowConflicts accept a request that overlaps an accepted meeting
 * @param bookingWindowDays how many days ahead a meeting may start; {@code 0} means no limit
 * @param maxDurationMinutes the longest meeting accepted; {@code 0} means no limit
 * @param allowRecurring accept recurring meetings
 * @param allowedBookers lower-case SMTP addresses that may book; empty means everyone. Never
 *     {@code null}; copied and lower-cased on construction
 */
public record BookingPolicy(
    boolean autoAccept,
    boolean allowConflicts,
    int bookingWindowDays,
    int maxDurationMinutes,
    boolean allowRecurring,
    List<String> allowedBookers) {

  /**
   * Exchange's defaults for a new resource mailbox: auto-accept, no conflicts, 180 days ahead, 24
   * hours at most, recurring meetings allowed, everyone may book.
   */
  public static final BookingPolicy DEFAULT = new BookingPolicy(true, false, 180, 1440, true, List.of());

  /**
   * Validates and normalizes.
   *
   * @throws IllegalArgumentException if a number is negative or a booker is blank
   */
  public BookingPolicy {
    if (bookingWindowDays < 0) {
      throw new IllegalArgumentException("bookingWindowDays must be >= 0: " + bookingWindowDays);
    }
    if (maxDurationMinutes < 0) {
      throw new IllegalArgumentException("maxDurationMinutes must be >= 0: " + maxDurationMinutes);
    }
    Objects.requireNonNull(allowedBookers, "allowedBookers");
    allowedBookers = allowedBookers.stream()
        .map(address -> {
          if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("allowedBookers holds a blank address");
          }
          return address.trim().toLowerCase(Locale.ROOT);
        })
        .distinct()
        .toList();
  }

  /** Whether {@code smtpAddress} may book this resource (case-insensitive). */
  public boolean mayBook(String smtpAddress) {
    return allowedBookers.isEmpty() || allowedBookers.contains(smtpAddress.trim().toLowerCase(Locale.ROOT));
  }

  public BookingPolicy withAutoAccept(boolean value) {
    return new BookingPolicy(value, allowConflicts, bookingWindowDays, maxDurationMinutes, allowRecurring, allowedBookers);
  }

  public BookingPolicy withAllowConflicts(boolean value) {
    return new BookingPolicy(autoAccept, value, bookingWindowDays, maxDurationMinutes, allowRecurring, allowedBookers);
  }

  public BookingPolicy withBookingWindowDays(int value) {
    return new BookingPolicy(autoAccept, allowConflicts, value, maxDurationMinutes, allowRecurring, allowedBookers);
  }

  public BookingPolicy withMaxDurationMinutes(int value) {
    return new BookingPolicy(autoAccept, allowConflicts, bookingWindowDays, value, allowRecurring, allowedBookers);
  }

  public BookingPolicy withAllowRecurring(boolean value) {
    return new BookingPolicy(autoAccept, allowConflicts, bookingWindowDays, maxDurationMinutes, value, allowedBookers);
  }

  public BookingPolicy withAllowedBookers(List<String> value) {
    return new BookingPolicy(autoAccept, allowConflicts, bookingWindowDays, maxDurationMinutes, allowRecurring, value);
  }
}

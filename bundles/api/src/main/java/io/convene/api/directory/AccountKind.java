package io.convene.api.directory;

/**
 * What an account is. Rooms and equipment are resource mailboxes that answer meeting requests
 * on their own according to their {@link BookingPolicy}, as Exchange resource mailboxes do.
 */
public enum AccountKind {
  /** A person who logs in and owns a mailbox. */
  USER,
  /** A meeting room; has a capacity and a location. */
  ROOM,
  /** Bookable equipment: a car, a projector. */
  EQUIPMENT;

  /** Whether this kind is a resource (room or equipment) that processes invitations itself. */
  public boolean isResource() {
    return this != USER;
  }
}

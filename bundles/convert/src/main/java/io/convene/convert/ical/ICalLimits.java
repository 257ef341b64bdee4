package io.convene.convert.ical;

/**
 * Bounds on iCalendar input, checked while parsing so that oversized input costs no more than
 * reading up to the limit.
 *
 * @param maxChars characters of the whole object
 * @param maxComponents components, VCALENDAR included
 * @param maxProperties properties in all components together
 * @param maxDepth nesting of components (VCALENDAR > VEVENT > VALARM is 3)
 * @param maxAttendees ATTENDEE properties of one component
 */
public record ICalLimits(int maxChars, int maxComponents, int maxProperties, int maxDepth, int maxAttendees) {

  /** 4 MiB, 2000 components, 50 000 properties, depth 4, 1000 attendees. */
  public static final ICalLimits DEFAULT = new ICalLimits(4 << 20, 2000, 50_000, 4, 1000);

  public ICalLimits {
    if (maxChars < 1 || maxComponents < 1 || maxProperties < 1 || maxDepth < 1 || maxAttendees < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}

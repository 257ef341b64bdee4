package io.convene.convert.recurrence;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One ExceptionInfo structure (MS-OXOCAL 2.2.1.44.2): a modified instance of a series and the
 * fields it overrides. A field is present (non-null) exactly when its bit is set in {@link
 * #overrideFlags()}. {@code subject} and {@code location} are the 8-bit strings as stored (each
 * byte one char); the text in the writer's code page, the Unicode forms are in the matching
 * {@link ExtendedException}.
 *
 * @param startDateTime the instance's start, local time
 * @param endDateTime the instance's end, local time
 * @param originalStartDate the start the instance had in the pattern, local time
 * @param overrideFlags the ARO_* bits
 */
public record ExceptionInfo(
    LocalDateTime startDateTime,
    LocalDateTime endDateTime,
    LocalDateTime originalStartDate,
    int overrideFlags,
    String subject,
    Integer meetingType,
    Integer reminderDelta,
    Integer reminderSet,
    String location,
    Integer busyStatus,
    Integer attachment,
    Integer subType,
    Integer appointmentColor) {

  public static final int ARO_SUBJECT = 0x0001;
  public static final int ARO_MEETINGTYPE = 0x0002;
  public static final int ARO_REMINDERDELTA = 0x0004;
  public static final int ARO_REMINDER = 0x0008;
  public static final int ARO_LOCATION = 0x0010;
  public static final int ARO_BUSYSTATUS = 0x0020;
  public static final int ARO_ATTACHMENT = 0x0040;
  public static final int ARO_SUBTYPE = 0x0080;
  public static final int ARO_APPTCOLOR = 0x0100;
  /** The exception's body differs; no field in ExceptionInfo, the body is in the exception message. */
  public static final int ARO_EXCEPTIONAL_BODY = 0x0200;

  static final int KNOWN_FLAGS = 0x03FF;

  public ExceptionInfo {
    Objects.requireNonNull(startDateTime, "startDateTime");
    Objects.requireNonNull(endDateTime, "endDateTime");
    Objects.requireNonNull(originalStartDate, "originalStartDate");
    if ((overrideFlags & ~KNOWN_FLAGS) != 0) {
      throw new IllegalArgumentException("unknown OverrideFlags 0x" + Integer.toHexString(overrideFlags));
    }
    present(overrideFlags, ARO_SUBJECT, subject, "subject");
    present(overrideFlags, ARO_MEETINGTYPE, meetingType, "meetingType");
    present(overrideFlags, ARO_REMINDERDELTA, reminderDelta, "reminderDelta");
    present(overrideFlags, ARO_REMINDER, reminderSet, "reminderSet");
    present(overrideFlags, ARO_LOCATION, location, "location");
    present(overrideFlags, ARO_BUSYSTATUS, busyStatus, "busyStatus");
    present(overrideFlags, ARO_ATTACHMENT, attachment, "attachment");
    present(overrideFlags, ARO_SUBTYPE, subType, "subType");
    present(overrideFlags, ARO_APPTCOLOR, appointmentColor, "appointmentColor");
    for (String s : new String[] {subject, location}) {
      if (s != null && (s.length() >= 0xFFFF || !s.chars().allMatch(c -> c <= 0xFF))) {
        throw new IllegalArgumentException("not an 8-bit string of at most 65534 chars: " + s);
      }
    }
    MapiMinutes.fromLocalDateTime(startDateTime);
    MapiMinutes.fromLocalDateTime(endDateTime);
    MapiMinutes.fromLocalDateTime(originalStartDate);
  }

  /** An exception that only moves the instance: no field overridden. */
  public static ExceptionInfo moved(LocalDateTime start, LocalDateTime end, LocalDateTime originalStart) {
    return new ExceptionInfo(start, end, originalStart, 0, null, null, null, null, null, null, null, null, null);
  }

  public boolean has(int flag) {
    return (overrideFlags & flag) != 0;
  }

  private static void present(int flags, int flag, Object value, String name) {
    if (((flags & flag) != 0) != (value != null)) {
      throw new IllegalArgumentException(
          name + ((flags & flag) != 0 ? " is flagged but missing" : " is set but not flagged"));
    }
  }
}

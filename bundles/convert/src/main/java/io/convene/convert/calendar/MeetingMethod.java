package io.convene.convert.calendar;

import java.util.Locale;

/**
 * The iTIP method of a meeting message (RFC 5546 1.4) and the message classes it corresponds to
 * (MS-OXOCAL 2.2.6.1 ff., MS-OXCICAL 2.1.3.1.1.1).
 */
public enum MeetingMethod {
  /** An appointment in a calendar: no METHOD (CalDAV, PUBLISH). */
  NONE(null),
  REQUEST("REQUEST"),
  REPLY("REPLY"),
  COUNTER("COUNTER"),
  CANCEL("CANCEL");

  public static final String APPOINTMENT = "IPM.Appointment";
  public static final String REQUEST_CLASS = "IPM.Schedule.Meeting.Request";
  public static final String RESP_POS = "IPM.Schedule.Meeting.Resp.Pos";
  public static final String RESP_NEG = "IPM.Schedule.Meeting.Resp.Neg";
  public static final String RESP_TENT = "IPM.Schedule.Meeting.Resp.Tent";
  public static final String CANCELED = "IPM.Schedule.Meeting.Canceled";

  private final String icalName;

  MeetingMethod(String icalName) {
    this.icalName = icalName;
  }

  /** The METHOD value, {@code null} for {@link #NONE}. */
  public String icalName() {
    return icalName;
  }

  // as toUpperCase(ROOT).startsWith(prefix.toUpperCase(ROOT)) for these ASCII prefixes, without copies
  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** The method of a message class; a counter proposal is a tentative response that proposes a time. */
  public static MeetingMethod ofMessageClass(String messageClass, boolean counterProposal) {
    String c = messageClass == null ? "" : messageClass;
    if (startsWithIgnoreCase(c, REQUEST_CLASS)) {
      return REQUEST;
    }
    if (startsWithIgnoreCase(c, CANCELED)) {
      return CANCEL;
    }
    if (startsWithIgnoreCase(c, "IPM.SCHEDULE.MEETING.RESP.")) {
      return counterProposal && startsWithIgnoreCase(c, RESP_TENT) ? COUNTER : REPLY;
    }
    return NONE;
  }

  /**
   * The method of a METHOD value; PUBLISH and absence are {@link #NONE}.
   *
   * @throws IllegalArgumentException for methods Convene does not turn into items (ADD, REFRESH,
   *     DECLINECOUNTER, unknown)
   */
  public static MeetingMethod ofICal(String method) {
    if (method == null || method.equalsIgnoreCase("PUBLISH")) {
      return NONE;
    }
    for (MeetingMethod m : values()) {
      if (m.icalName != null && m.icalName.equalsIgnoreCase(method.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unsupported iTIP method " + method);
  }

  /** The message class of a response with this participation status (RFC 5546 3.2.3). */
  static String responseClass(String partstat) {
    if (partstat == null) {
      return RESP_TENT;
    }
    return switch (partstat.toUpperCase(Locale.ROOT)) {
      case "ACCEPTED" -> RESP_POS;
      case "DECLINED" -> RESP_NEG;
      default -> RESP_TENT;
    };
  }

  /** The participation status a response message class states. */
  static String responsePartstat(String messageClass) {
    String c = messageClass == null ? "" : messageClass.toUpperCase(Locale.ROOT);
    if (c.startsWith(RESP_POS.toUpperCase(Locale.ROOT))) {
      return "ACCEPTED";
    }
    if (c.startsWith(RESP_NEG.toUpperCase(Locale.ROOT))) {
      return "DECLINED";
    }
    return "TENTATIVE";
  }
}

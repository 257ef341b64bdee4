package io.convene.convert.bridge;

import static io.convene.convert.props.NamedProps.APPOINTMENT_END_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_START_WHOLE;
import static io.convene.convert.props.NamedProps.APPOINTMENT_SUB_TYPE;
import static io.convene.convert.props.NamedProps.BUSY_STATUS;
import static io.convene.convert.props.NamedProps.CLEAN_GLOBAL_OBJECT_ID;
import static io.convene.convert.props.NamedProps.GLOBAL_OBJECT_ID;
import static io.convene.convert.props.NamedProps.LOCATION;
import static io.convene.convert.props.NamedProps.RECURRING;
import static io.convene.convert.props.NamedProps.REMINDER_DELTA;
import static io.convene.convert.props.NamedProps.REMINDER_SET;
import static io.convene.convert.props.NamedProps.TIME_ZONE_DESCRIPTION;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;
import static io.convene.convert.props.TaggedProps.SUBJECT;

import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.convert.calendar.CalendarLimits;
import io.convene.convert.calendar.GlobalObjectId;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.props.Bag;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.Occurrence;
import io.convene.convert.recurrence.OccurrenceExpander;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import io.convene.convert.recurrence.RecurrenceLimits;
import io.convene.convert.timezone.WindowsZones;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/** Recurring appointments as Outlook stores them, and the converter with recurrence and zones wired. */
public final class Appointments {

  public static final ZoneSupport ZONES = new ZoneSupport(WindowsZones.load());

  private Appointments() {}

  public static VEventConverter converter() {
    return new VEventConverter(CalendarLimits.DEFAULT, new SeriesSupport(ZONES, RecurrenceLimits.DEFAULT), ZONES,
        Clock.systemUTC());
  }

  /** The first instance's start: the pattern's start date at StartTimeOffset, in {@code zone}. */
  public static ZonedDateTime firstStart(AppointmentRecurrencePattern a, ZoneId zone) {
    LocalDateTime t = a.pattern().startDate().toLocalDate().atStartOfDay().plusMinutes(a.startTimeOffset());
    return ZonedDateTime.of(t, zone);
  }

  /** The first instance's end: EndTimeOffset after the start date's midnight (a start in a DST gap moves, the end not). */
  public static ZonedDateTime firstEnd(AppointmentRecurrencePattern a, ZoneId zone) {
    return ZonedDateTime.of(a.pattern().startDate().toLocalDate().atStartOfDay().plusMinutes(a.endTimeOffset()), zone);
  }

  /**
   * Whether a local time of the series (an instance's start or end, a deleted instance, an
   * exception's times) falls in a DST gap: such a time has no TZID-local form that reads back as
   * itself, so the blob of such a series travels as X-CONVENE-PROP beside its RRULE.
   */
  public static boolean touchesDstGap(AppointmentRecurrencePattern a, ZoneId zone) throws Exception {
    ZoneRules rules = zone.getRules();
    List<LocalDateTime> times = new ArrayList<>();
    LocalDateTime first = a.pattern().startDate().toLocalDate().atStartOfDay();
    for (Occurrence o : new OccurrenceExpander().expand(a, zone, ZonedDateTime.of(first.minusDays(1), zone).toInstant(),
        ZonedDateTime.of(first.plusYears(12), zone).toInstant()).occurrences()) {
      times.add(o.originalStart());
      times.add(o.originalStart().plusMinutes(a.endTimeOffset() - a.startTimeOffset()));
    }
    for (LocalDateTime d : a.pattern().deletedInstanceDates()) {
      times.add(d.plusMinutes(a.startTimeOffset()));
    }
    for (ExceptionInfo e : a.exceptions()) {
      times.add(e.startDateTime());
      times.add(e.endDateTime());
      times.add(e.originalStartDate());
    }
    return times.stream().anyMatch(t -> rules.getValidOffsets(t).isEmpty());
  }

  /** A series appointment: StartWhole/EndWhole are its first instance (MS-OXOCAL 2.2.1.5). */
  public static ItemContent series(NamedPropertyIds ids, AppointmentRecurrencePattern a, String zoneName, ZoneId zone,
      OutlookSeries.Master master, String uid) throws Exception {
    Bag bag = Bag.empty(ids);
    bag.put(MESSAGE_CLASS, "IPM.Appointment");
    bag.put(SUBJECT, master.subject());
    bag.put(LOCATION, master.location());
    ZonedDateTime start = firstStart(a, zone);
    bag.put(APPOINTMENT_START_WHOLE, start.toInstant());
    bag.put(APPOINTMENT_END_WHOLE, firstEnd(a, zone).toInstant());
    bag.put(APPOINTMENT_SUB_TYPE, false);
    bag.put(BUSY_STATUS, master.busyStatus());
    bag.put(REMINDER_SET, master.reminderDelta() != null);
    if (master.reminderDelta() != null) {
      bag.put(REMINDER_DELTA, master.reminderDelta());
    }
    bag.put(TIME_ZONE_DESCRIPTION, zoneName);
    byte[] goid = GlobalObjectId.fromUid(uid);
    bag.put(GLOBAL_OBJECT_ID, goid);
    bag.put(CLEAN_GLOBAL_OBJECT_ID, GlobalObjectId.clean(goid));
    bag.put(SeriesProps.APPOINTMENT_RECUR, new RecurrenceBlobCodec().encode(a));
    bag.put(RECURRING, true);
    return new ItemContent(bag.toMap(), List.of(), List.of());
  }
}

package io.convene.convert.bridge;

import io.convene.convert.ical.CommonFields;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.ical.ICalTimes;
import io.convene.convert.recurrence.ExceptionInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a modified instance (ExceptionInfo, MS-OXOCAL 2.2.1.44.2) on an overriding VEVENT
 * (MS-OXCICAL 2.1.3.1.1.20.x). An override states the whole instance (RFC 5545 3.8.4.4), so fields
 * the exception does not change are copied from the master; on import a field counts as
 * overridden only when it differs from the master's, so Google's and Apple's complete copies do
 * not flag every field.
 */
final class ExceptionEvents {

  static final String[] BUSY = {"FREE", "TENTATIVE", "BUSY", "OOF", "WORKINGELSEWHERE"};

  /** The exception fields an override carries; null where it takes the master's. */
  record Fields(String subject, String location, Integer busyStatus, Integer subType, Integer reminderSet,
      Integer reminderDelta) {}

  private ExceptionEvents() {}

  /** Writes the fields onto {@code override}: the exception's where it has them, else the master's. */
  static void write(ICalComponent master, ICalComponent override, ExceptionInfo e, String subject, String location) {
    copyOr(master, override, "SUMMARY", e.has(ExceptionInfo.ARO_SUBJECT) ? ICalProperty.text("SUMMARY", subject) : null);
    copyOr(master, override, "LOCATION",
        e.has(ExceptionInfo.ARO_LOCATION) ? ICalProperty.text("LOCATION", location) : null);
    Integer busy = e.busyStatus();
    if (busy != null && busy >= 0 && busy < BUSY.length) {
      override.add(new ICalProperty("TRANSP", busy == 0 ? "TRANSPARENT" : "OPAQUE"));
      override.add(new ICalProperty("X-MICROSOFT-CDO-BUSYSTATUS", BUSY[busy]));
    } else {
      copy(master, override, "TRANSP");
      copy(master, override, "X-MICROSOFT-CDO-BUSYSTATUS");
    }
    Integer subType = e.subType();
    copyOr(master, override, "X-MICROSOFT-CDO-ALLDAYEVENT", subType != null && (subType == 0 || subType == 1)
        ? new ICalProperty("X-MICROSOFT-CDO-ALLDAYEVENT", subType == 1 ? "TRUE" : "FALSE") : null);
    Integer masterDelta = reminderMinutes(master);
    boolean on = e.reminderSet() != null ? e.reminderSet() == 1 : masterDelta != null;
    Integer delta = e.reminderDelta() != null ? e.reminderDelta() : masterDelta;
    if (on) {
      ICalComponent alarm = new ICalComponent("VALARM");
      alarm.add(new ICalProperty("ACTION", "DISPLAY"));
      alarm.add(ICalProperty.text("DESCRIPTION", "Reminder"));
      int minutes = delta == null ? 15 : delta;
      alarm.add(new ICalProperty("TRIGGER", Map.of("RELATED", "START"), (minutes > 0 ? "-" : "") + "PT" + Math.abs((long) minutes) + "M"));
      override.add(alarm);
    }
  }

  /** The fields in which {@code override} differs from {@code master}. */
  static Fields read(ICalComponent master, ICalComponent override) {
    String subject = differing(master, override, "SUMMARY");
    String location = differing(master, override, "LOCATION");
    Integer busy = index(override.property("X-MICROSOFT-CDO-BUSYSTATUS"));
    if (busy == null && override.property("TRANSP") != null) {
      busy = "TRANSPARENT".equalsIgnoreCase(override.property("TRANSP").value().trim()) ? 0 : 2;
    }
    Integer masterBusy = index(master.property("X-MICROSOFT-CDO-BUSYSTATUS"));
    if (masterBusy == null && master.property("TRANSP") != null) {
      masterBusy = "TRANSPARENT".equalsIgnoreCase(master.property("TRANSP").value().trim()) ? 0 : 2;
    }
    if (busy == null || busy.equals(masterBusy)) {
      busy = null;
    }
    Integer subType = flag(override.property("X-MICROSOFT-CDO-ALLDAYEVENT"));
    if (subType == null || subType.equals(flag(master.property("X-MICROSOFT-CDO-ALLDAYEVENT")))) {
      subType = null;
    }
    Integer masterDelta = reminderMinutes(master);
    Integer delta = reminderMinutes(override);
    Integer reminderSet = (delta != null) == (masterDelta != null) ? null : delta != null ? 1 : 0;
    Integer reminderDelta = delta != null && !delta.equals(masterDelta) ? delta : null;
    return new Fields(subject, location, busy, subType, reminderSet, reminderDelta);
  }

  /** {@code base} (times, subject, location) with the other fields of {@code f}. */
  static ExceptionInfo apply(ExceptionInfo base, Fields f) {
    int flags = base.overrideFlags()
        | (f.busyStatus() != null ? ExceptionInfo.ARO_BUSYSTATUS : 0)
        | (f.subType() != null ? ExceptionInfo.ARO_SUBTYPE : 0)
        | (f.reminderSet() != null ? ExceptionInfo.ARO_REMINDER : 0)
        | (f.reminderDelta() != null ? ExceptionInfo.ARO_REMINDERDELTA : 0);
    return new ExceptionInfo(base.startDateTime(), base.endDateTime(), base.originalStartDate(), flags,
        base.subject(), null, f.reminderDelta(), f.reminderSet(), base.location(), f.busyStatus(), null,
        f.subType(), null);
  }

  /** The reminder of a VEVENT: minutes before its start of the first VALARM with a relative trigger. */
  static Integer reminderMinutes(ICalComponent event) {
    for (ICalComponent alarm : event.components("VALARM")) {
      ICalProperty trigger = alarm.property("TRIGGER");
      if (trigger == null || "END".equalsIgnoreCase(trigger.param("RELATED"))
          || "DATE-TIME".equalsIgnoreCase(trigger.param("VALUE"))) {
        continue;
      }
      try {
        long minutes = -CommonFields.parseDuration(trigger.value()).toMinutes();
        if (minutes >= Integer.MIN_VALUE && minutes <= Integer.MAX_VALUE) {
          return (int) minutes;
        }
      } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException notADuration) {
        // an absolute or malformed trigger: no relative reminder
      }
    }
    return null;
  }

  private static String differing(ICalComponent master, ICalComponent override, String name) {
    ICalProperty p = override.property(name);
    if (p == null) {
      return null;
    }
    ICalProperty m = master.property(name);
    return m != null && Objects.equals(m.text(), p.text()) ? null : p.text();
  }

  private static Integer index(ICalProperty p) {
    if (p == null) {
      return null;
    }
    for (int i = 0; i < BUSY.length; i++) {
      if (BUSY[i].equalsIgnoreCase(p.value().trim())) {
        return i;
      }
    }
    return null;
  }

  private static Integer flag(ICalProperty p) {
    return p == null ? null : "TRUE".equalsIgnoreCase(p.value().trim()) ? 1 : 0;
  }

  private static void copyOr(ICalComponent master, ICalComponent override, String name, ICalProperty own) {
    if (own != null) {
      override.add(own);
    } else {
      copy(master, override, name);
    }
  }

  private static void copy(ICalComponent master, ICalComponent override, String name) {
    for (ICalProperty p : master.all(name)) {
      override.add(p);
    }
  }

  /** A local time for a TZID-qualified value, or UTC with {@code Z}. */
  static ICalProperty time(String name, Instant t, String tzid, java.time.ZoneId zone) {
    return tzid == null
        ? new ICalProperty(name, ICalTimes.utc(t))
        : new ICalProperty(name, Map.of("TZID", tzid), ICalTimes.local(t, zone));
  }
}

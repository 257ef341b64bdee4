package io.convene.convert.task;

import static io.convene.convert.props.NamedProps.INTERNET_UID;
import static io.convene.convert.props.NamedProps.PERCENT_COMPLETE;
import static io.convene.convert.props.NamedProps.REMINDER_SET;
import static io.convene.convert.props.NamedProps.REMINDER_SIGNAL_TIME;
import static io.convene.convert.props.NamedProps.REMINDER_TIME;
import static io.convene.convert.props.NamedProps.TASK_COMPLETE;
import static io.convene.convert.props.NamedProps.TASK_DATE_COMPLETED;
import static io.convene.convert.props.NamedProps.TASK_DUE_DATE;
import static io.convene.convert.props.NamedProps.TASK_START_DATE;
import static io.convene.convert.props.NamedProps.TASK_STATUS;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;

import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.convert.TaskConverter;
import io.convene.convert.ical.CommonFields;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalLimits;
import io.convene.convert.ical.ICalParser;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.ical.ICalTimes;
import io.convene.convert.ical.ICalWriter;
import io.convene.convert.ical.Preservation;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tasks to and from VTODO (MS-OXOTASK 2.2.2.2, MS-OXCICAL, RFC 5545 3.6.2): STATUS ↔
 * PidLidTaskStatus, PERCENT-COMPLETE ↔ PidLidPercentComplete, DTSTART/DUE ↔
 * PidLidTaskStartDate/DueDate (a date at midnight UTC, as Outlook keeps them, is written as a
 * DATE), COMPLETED ↔ PidLidTaskDateCompleted, the reminder as a VALARM at an absolute time
 * (PidLidReminderTime), plus the fields every item shares.
 */
public final class VTodoConverter implements TaskConverter {

  public static final String TASK_CLASS = "IPM.Task";

  private static final String[] STATUS = {"NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "NEEDS-ACTION", "CANCELLED"};
  private static final Set<String> MAPPED = Set.of(
      "UID", "DTSTAMP", "STATUS", "PERCENT-COMPLETE", "DTSTART", "DUE", "COMPLETED");
  private static final Set<String> MAPPED_ALL = union(MAPPED, CommonFields.MAPPED);

  private final ICalParser parser;

  public VTodoConverter(ICalLimits limits) {
    this.parser = new ICalParser(limits);
  }

  @Override
  public ConversionResult<String> toICalendar(ItemContent task, NamedPropertyIds ids) throws ConversionException {
    List<String> warnings = new ArrayList<>();
    Bag bag = Bag.of(task.properties(), ids);
    ICalComponent calendar = new ICalComponent("VCALENDAR");
    calendar.add(new ICalProperty("PRODID", "-//Convene//Convene Tasks//EN"));
    calendar.add(new ICalProperty("VERSION", "2.0"));
    ICalComponent todo = new ICalComponent("VTODO");
    bag.consumeIfEquals(MESSAGE_CLASS, TASK_CLASS);
    String uid = bag.string(INTERNET_UID);
    if (uid == null || uid.isEmpty()) {
      uid = UUID.randomUUID().toString();
      warnings.add("task has no UID; wrote a new one " + uid);
    } else {
      bag.consume(INTERNET_UID);
    }
    todo.add(ICalProperty.text("UID", uid));
    Instant modified = bag.time(io.convene.convert.props.TaggedProps.LAST_MODIFICATION_TIME);
    todo.add(new ICalProperty("DTSTAMP", ICalTimes.utc((modified != null && inRange(modified) ? modified : Instant.now())
        .truncatedTo(ChronoUnit.SECONDS))));
    Integer status = bag.integer(TASK_STATUS);
    if (status != null && status >= 0 && status < STATUS.length) {
      todo.add(new ICalProperty("STATUS", STATUS[status]));
      if (status != 3) {
        bag.consume(TASK_STATUS);
      }
      bag.consumeIfEquals(TASK_COMPLETE, status == 2);
    }
    Double percent = bag.real(PERCENT_COMPLETE);
    if (percent != null && percent >= 0 && percent <= 1) {
      long whole = Math.round(percent * 100);
      todo.add(new ICalProperty("PERCENT-COMPLETE", Long.toString(whole)));
      bag.consumeIfEquals(PERCENT_COMPLETE, whole / 100.0);
    }
    exportDate(bag, TASK_START_DATE, "DTSTART", todo);
    exportDate(bag, TASK_DUE_DATE, "DUE", todo);
    CommonFields.exportTime(bag, TASK_DATE_COMPLETED, "COMPLETED", todo);
    CommonFields.exportCommon(bag, todo);
    exportReminder(bag, todo);
    Preservation.export(bag, todo, calendar, warnings);
    calendar.add(todo);
    return new ConversionResult<>(ICalWriter.write(calendar), warnings);
  }

  private static boolean inRange(Instant t) {
    return t.getEpochSecond() >= -62135596800L && t.getEpochSecond() <= 253402300799L;
  }

  private static void exportDate(Bag bag, PropDef def, String name, ICalComponent todo) throws ConversionException {
    Instant t = bag.time(def);
    if (t == null || !inRange(t)) {
      return;
    }
    if (t.equals(t.truncatedTo(ChronoUnit.DAYS))) {
      todo.add(new ICalProperty(name, Map.of("VALUE", "DATE"), ICalTimes.date(t, ZoneOffset.UTC)));
    } else {
      todo.add(new ICalProperty(name, ICalTimes.utc(t)));
    }
    if (t.getNano() == 0) {
      bag.consume(def);
    }
  }

  // Outlook keeps a task's reminder as an absolute time, not relative to a start.
  private static void exportReminder(Bag bag, ICalComponent todo) throws ConversionException {
    Boolean set = bag.bool(REMINDER_SET);
    Instant at = bag.time(REMINDER_TIME);
    if (set == null) {
      return;
    }
    if (!set) {
      bag.consume(REMINDER_SET);
      return;
    }
    if (at == null || !inRange(at)) {
      return;
    }
    ICalComponent alarm = new ICalComponent("VALARM");
    alarm.add(new ICalProperty("ACTION", "DISPLAY"));
    alarm.add(ICalProperty.text("DESCRIPTION", "Reminder"));
    alarm.add(new ICalProperty("TRIGGER", Map.of("VALUE", "DATE-TIME"), ICalTimes.utc(at)));
    todo.add(alarm);
    bag.consume(REMINDER_SET);
    if (at.getNano() == 0) {
      bag.consume(REMINDER_TIME);
      bag.consumeIfEquals(REMINDER_SIGNAL_TIME, at);
    }
  }

  @Override
  public ConversionResult<List<ItemContent>> fromICalendar(String icalendar, NamedPropertyIds ids)
      throws ConversionException {
    List<String> warnings = new ArrayList<>();
    ICalComponent calendar = parser.parse(icalendar);
    List<ItemContent> tasks = new ArrayList<>();
    for (ICalComponent todo : calendar.components("VTODO")) {
      tasks.add(importTodo(todo, ids, warnings));
    }
    return new ConversionResult<>(tasks, warnings);
  }

  private ItemContent importTodo(ICalComponent todo, NamedPropertyIds ids, List<String> warnings)
      throws ConversionException {
    Bag bag = Bag.empty(ids);
    bag.put(MESSAGE_CLASS, TASK_CLASS);
    ICalProperty uid = todo.property("UID");
    if (uid != null) {
      bag.put(INTERNET_UID, uid.text());
    } else {
      warnings.add("VTODO without UID");
    }
    ICalProperty status = todo.property("STATUS");
    int taskStatus = 0;
    if (status != null) {
      taskStatus = switch (status.value().trim().toUpperCase(java.util.Locale.ROOT)) {
        case "IN-PROCESS" -> 1;
        case "COMPLETED" -> 2;
        case "CANCELLED" -> 4;
        default -> 0;
      };
      bag.put(TASK_STATUS, taskStatus);
    } else if (todo.property("COMPLETED") != null) {
      taskStatus = 2;
      bag.put(TASK_STATUS, taskStatus);
    }
    bag.put(TASK_COMPLETE, taskStatus == 2);
    ICalProperty percent = todo.property("PERCENT-COMPLETE");
    if (percent != null) {
      try {
        int p = Integer.parseInt(percent.value().trim());
        if (p < 0 || p > 100) {
          throw new NumberFormatException("out of 0-100");
        }
        bag.put(PERCENT_COMPLETE, p / 100.0);
      } catch (NumberFormatException e) {
        warnings.add("ignored PERCENT-COMPLETE " + percent.value());
      }
    } else if (taskStatus == 2) {
      bag.put(PERCENT_COMPLETE, 1.0);
    }
    importDate(todo, "DTSTART", bag, TASK_START_DATE, warnings);
    importDate(todo, "DUE", bag, TASK_DUE_DATE, warnings);
    CommonFields.importTime(todo, "COMPLETED", bag, TASK_DATE_COMPLETED, warnings);
    CommonFields.importCommon(todo, bag, warnings);
    ICalComponent alarm = importReminder(todo, bag, warnings);
    Set<ICalComponent> mappedComponents = new HashSet<>();
    if (alarm != null) {
      mappedComponents.add(alarm);
    }
    Preservation.importUnmapped(todo, MAPPED_ALL, mappedComponents, bag, warnings);
    Preservation.restoreConveneProps(todo, bag, warnings);
    return ItemContent.of(bag.view());
  }

  private static void importDate(ICalComponent todo, String name, Bag bag, PropDef def, List<String> warnings)
      throws ConversionException {
    ICalProperty p = todo.property(name);
    if (p == null) {
      return;
    }
    try {
      // A local DATE-TIME has no zone here; it is read as UTC like Outlook's date-only task fields.
      bag.put(def, ICalTimes.instant(p.value(), ZoneOffset.UTC));
    } catch (IllegalArgumentException e) {
      warnings.add("ignored " + name + ": " + e.getMessage());
    }
  }

  private static ICalComponent importReminder(ICalComponent todo, Bag bag, List<String> warnings)
      throws ConversionException {
    Instant due = bag.time(TASK_DUE_DATE);
    Instant start = bag.time(TASK_START_DATE);
    for (ICalComponent alarm : todo.components("VALARM")) {
      ICalProperty trigger = alarm.property("TRIGGER");
      if (trigger == null) {
        continue;
      }
      try {
        Instant at;
        if (CommonFields.isAbsolute(trigger)) {
          at = ICalTimes.instant(trigger.value(), ZoneOffset.UTC);
        } else {
          Instant anchor = "START".equalsIgnoreCase(trigger.param("RELATED")) || due == null ? start : due;
          if (anchor == null) {
            continue;
          }
          at = anchor.plus(CommonFields.parseDuration(trigger.value()));
        }
        if (!io.convene.api.store.FileTimes.inRange(at)) {
          throw new IllegalArgumentException("reminder time out of range");
        }
        bag.put(REMINDER_SET, true);
        bag.put(REMINDER_TIME, at);
        bag.put(REMINDER_SIGNAL_TIME, at);
        return alarm;
      } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
        warnings.add("ignored VALARM trigger " + trigger.value() + ": " + e.getMessage());
      }
    }
    bag.put(REMINDER_SET, false);
    return null;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}

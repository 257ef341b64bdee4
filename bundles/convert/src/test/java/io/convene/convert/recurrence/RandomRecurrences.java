package io.convene.convert.recurrence;

import io.convene.convert.binary.OpaqueBytes;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seeded generator of recurring series: every pattern kind and end, deleted instances, and
 * modified instances with random overrides. Same seed, same series.
 */
public final class RandomRecurrences {

  private final Random random;

  public RandomRecurrences(long seed) {
    random = new Random(seed);
  }

  /** A series Outlook could have written (Gregorian, consistent FirstDateTime and EndDate). */
  public AppointmentRecurrencePattern series(LocalDate earliest, int spanYears) throws UnsupportedRecurrenceException {
    LocalDate start = earliest.plusDays(random.nextInt(365 * Math.max(1, spanYears / 3)));
    RecurrencePatternBuilder b = new RecurrencePatternBuilder();
    switch (random.nextInt(7)) {
      case 0 -> b.daily(1 + random.nextInt(random.nextBoolean() ? 3 : 30));
      case 1 -> b.everyWeekday();
      case 2 -> b.weekly(1 + random.nextInt(random.nextBoolean() ? 2 : 8), days());
      case 3 -> b.monthly(1 + random.nextInt(random.nextBoolean() ? 2 : 12), 1 + random.nextInt(31));
      case 4 -> b.monthlyNth(1 + random.nextInt(6), random.nextInt(4) == 0 ? weekdays() : Set.of(day()), 1 + random.nextInt(5));
      case 5 -> b.yearly(1 + random.nextInt(3), 1 + random.nextInt(31));
      default -> b.yearlyNth(1 + random.nextInt(2), Set.of(day()), 1 + random.nextInt(5));
    }
    b.firstDayOfWeek(random.nextInt(3) == 0 ? DayOfWeek.MONDAY : random.nextInt(8) == 0 ? day() : DayOfWeek.SUNDAY);
    b.start(start);
    switch (random.nextInt(3)) {
      case 0 -> b.endAfter(1 + random.nextInt(random.nextBoolean() ? 20 : 400));
      case 1 -> b.endBy(start.plusDays(random.nextInt(365 * spanYears)));
      default -> b.noEnd();
    }
    RecurrencePattern draft;
    try {
      draft = b.build();
    } catch (UnsupportedRecurrenceException noInstance) {
      b.noEnd();
      draft = b.build();
    }
    int startOffset = random.nextInt(24 * 4) * 15;
    int duration = random.nextInt(8) == 0 ? 1440 * (1 + random.nextInt(2)) : 15 * (1 + random.nextInt(12));

    // pick some instances to delete and to modify (each on its own day, no overlap: move by minutes)
    List<LocalDate> instances = new ArrayList<>();
    new PatternDates(draft).visit(start, start.plusYears(spanYears), 5_000, d -> instances.add(d) && instances.size() < 2_000);
    TreeMap<LocalDate, ExceptionInfo> modified = new TreeMap<>();
    List<ExtendedException> extended = new ArrayList<>();
    int changes = instances.isEmpty() ? 0 : random.nextInt(Math.min(12, instances.size()) + 1);
    for (int i = 0; i < changes; i++) {
      LocalDate original = instances.get(random.nextInt(instances.size()));
      if (modified.containsKey(original) || draft.deletedInstanceDates().contains(original.atStartOfDay())) {
        continue;
      }
      if (random.nextBoolean()) {
        b.deleted(original);
        modified.put(original, null);
        continue;
      }
      LocalDateTime originalStart = original.atStartOfDay().plusMinutes(startOffset);
      LocalDateTime newStart = originalStart.plusMinutes((random.nextInt(9) - 4) * 15L);
      LocalDateTime newEnd = newStart.plusMinutes(random.nextInt(16) * 15L);
      b.modified(original, newStart.toLocalDate());
      modified.put(original, exception(newStart, newEnd, originalStart));
    }
    RecurrencePattern pattern = b.build();
    List<ExceptionInfo> infos = new ArrayList<>();
    int writer = random.nextInt(4) == 0 ? 0x3008 : 0x3009;
    for (ExceptionInfo e : modified.values()) {
      if (e == null) {
        continue;
      }
      infos.add(e);
    }
    infos.sort((x, y) -> x.startDateTime().compareTo(y.startDateTime()));
    for (ExceptionInfo e : infos) {
      extended.add(extendedFor(e, writer));
    }
    // ModifiedInstanceDates are the exceptions' start dates, in the exceptions' order
    return new AppointmentRecurrencePattern(pattern, 0x3006, writer, startOffset, startOffset + duration,
        infos, reserved(), extended, reserved());
  }

  private ExceptionInfo exception(LocalDateTime start, LocalDateTime end, LocalDateTime original) {
    int flags = random.nextInt(0x400);
    return new ExceptionInfo(start, end, original, flags,
        (flags & ExceptionInfo.ARO_SUBJECT) != 0 ? latin1(40) : null,
        (flags & ExceptionInfo.ARO_MEETINGTYPE) != 0 ? random.nextInt() : null,
        (flags & ExceptionInfo.ARO_REMINDERDELTA) != 0 ? random.nextInt(10_000) : null,
        (flags & ExceptionInfo.ARO_REMINDER) != 0 ? random.nextInt(2) : null,
        (flags & ExceptionInfo.ARO_LOCATION) != 0 ? latin1(20) : null,
        (flags & ExceptionInfo.ARO_BUSYSTATUS) != 0 ? random.nextInt(5) : null,
        (flags & ExceptionInfo.ARO_ATTACHMENT) != 0 ? random.nextInt(2) : null,
        (flags & ExceptionInfo.ARO_SUBTYPE) != 0 ? random.nextInt(2) : null,
        (flags & ExceptionInfo.ARO_APPTCOLOR) != 0 ? random.nextInt(10) : null);
  }

  private ExtendedException extendedFor(ExceptionInfo e, int writer) {
    boolean block = e.has(ExceptionInfo.ARO_SUBJECT) || e.has(ExceptionInfo.ARO_LOCATION);
    return new ExtendedException(
        writer > 0x3008 ? new ExtendedException.ChangeHighlight(random.nextInt(), random.nextInt(4) == 0 ? bytes(8) : OpaqueBytes.EMPTY) : null,
        random.nextInt(6) == 0 ? bytes(6) : OpaqueBytes.EMPTY,
        block ? e.startDateTime() : null,
        block ? e.endDateTime() : null,
        block ? e.originalStartDate() : null,
        e.has(ExceptionInfo.ARO_SUBJECT) ? unicode(40) : null,
        e.has(ExceptionInfo.ARO_LOCATION) ? unicode(20) : null,
        block && random.nextInt(6) == 0 ? bytes(5) : OpaqueBytes.EMPTY);
  }

  private OpaqueBytes reserved() {
    return random.nextInt(5) == 0 ? bytes(1 + random.nextInt(12)) : OpaqueBytes.EMPTY;
  }

  private OpaqueBytes bytes(int max) {
    byte[] b = new byte[random.nextInt(max + 1)];
    random.nextBytes(b);
    return OpaqueBytes.of(b);
  }

  private String latin1(int max) {
    char[] c = new char[random.nextInt(max + 1)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) random.nextInt(0x100);
    }
    return new String(c);
  }

  private String unicode(int max) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      s.append(switch (random.nextInt(4)) {
        case 0 -> (char) ('a' + random.nextInt(26));
        case 1 -> (char) (0x400 + random.nextInt(0x100)); // Cyrillic
        case 2 -> "\uD83D\uDCC5"; // a calendar emoji: a surrogate pair
        default -> (char) (0x4E00 + random.nextInt(0x500)); // CJK
      });
    }
    return s.toString();
  }

  private DayOfWeek day() {
    return DayOfWeek.of(1 + random.nextInt(7));
  }

  private Set<DayOfWeek> days() {
    EnumSet<DayOfWeek> s = EnumSet.noneOf(DayOfWeek.class);
    do {
      s.add(day());
    } while (random.nextInt(3) != 0);
    return s;
  }

  private static Set<DayOfWeek> weekdays() {
    return PatternDates.weekdaysMonToFri();
  }
}

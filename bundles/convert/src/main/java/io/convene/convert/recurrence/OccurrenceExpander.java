package io.convene.convert.recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands an {@link AppointmentRecurrencePattern} into the instances that overlap [from, to):
 * pattern dates at StartTimeOffset local time, minus deleted dates, plus modified instances at
 * their own start and end. Local times become instants through the series' {@link ZoneRules},
 * resolved as {@link java.time.ZonedDateTime#of} does (a time in a DST gap moves forward by the
 * gap, a time in an overlap takes the earlier offset), so every instance keeps its wall-clock time
 * across DST changes.
 *
 * <p>Bounded by {@link ExpansionLimits}: a series that would yield millions of instances yields
 * at most {@code maxInstances} of them, the earliest, with {@link Expansion#complete()} false.
 * Stateless and thread-safe.
 */
public final class OccurrenceExpander {

  /** The largest UTC offset in use is +14:00, the smallest -12:00. */
  private static final long MAX_OFFSET_DAYS = 1;

  private final ExpansionLimits limits;

  public OccurrenceExpander(ExpansionLimits limits) {
    this.limits = limits;
  }

  public OccurrenceExpander() {
    this(ExpansionLimits.DEFAULT);
  }

  public Expansion expand(AppointmentRecurrencePattern a, ZoneId zone, Instant from, Instant to)
      throws UnsupportedRecurrenceException {
    return expand(a, zone.getRules(), from, to);
  }

  public Expansion expand(AppointmentRecurrencePattern a, ZoneRules rules, Instant from, Instant to)
      throws UnsupportedRecurrenceException {
    if (!from.isBefore(to)) {
      return new Expansion(List.of(), true);
    }
    RecurrencePattern p = a.pattern();
    PatternDates dates = new PatternDates(p);
    long duration = Math.max(0, (long) a.endTimeOffset() - a.startTimeOffset());
    long spanDays = Math.floorDiv(a.startTimeOffset() + duration, 1440) + 1;
    LocalDate fromDate = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(MAX_OFFSET_DAYS + spanDays);
    LocalDate untilDate = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(MAX_OFFSET_DAYS + 1);

    Set<LocalDate> deleted = new HashSet<>(p.deletedInstanceDates().size() * 2);
    for (LocalDateTime d : p.deletedInstanceDates()) {
      deleted.add(d.toLocalDate());
    }
    long fromSecond = from.getEpochSecond();
    long toSecond = to.getEpochSecond();
    List<Occurrence> out = new ArrayList<>();
    int max = limits.maxInstances();
    boolean[] full = {false};
    boolean walked =
        dates.visit(
            fromDate,
            untilDate,
            limits.maxPeriods(),
            date -> {
              if (deleted.contains(date)) {
                return true;
              }
              LocalDateTime localStart = date.atStartOfDay().plusMinutes(a.startTimeOffset());
              long start = epochSecond(localStart, rules);
              long end = epochSecond(localStart.plusMinutes(duration), rules);
              if (overlaps(start, end, fromSecond, toSecond)) {
                if (out.size() == max) {
                  full[0] = true;
                  return false;
                }
                out.add(new Occurrence(localStart, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), null));
              }
              return true;
            });
    // when the walk stopped at the limit, instances after its last one are unknown: leave out
    // modified instances there too, so that the result is the earliest instances
    long cut = !full[0] ? Long.MAX_VALUE : out.isEmpty() ? Long.MIN_VALUE : out.get(out.size() - 1).start().getEpochSecond();
    for (ExceptionInfo e : a.exceptions()) {
      long start = epochSecond(e.startDateTime(), rules);
      long end = Math.max(start, epochSecond(e.endDateTime(), rules));
      if (start <= cut && overlaps(start, end, fromSecond, toSecond)) {
        out.add(new Occurrence(e.originalStartDate(), Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), e));
      }
    }
    out.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::originalStart));
    boolean complete = walked && !full[0] && out.size() <= max;
    return new Expansion(out.size() > max ? out.subList(0, max) : out, complete);
  }

  private static boolean overlaps(long start, long end, long from, long to) {
    return end > start ? start < to && end > from : start >= from && start < to;
  }

  private static long epochSecond(LocalDateTime local, ZoneRules rules) {
    // the offset before a gap or overlap gives the same instant as ZonedDateTime.of
    return local.toEpochSecond(rules.getOffset(local));
  }
}

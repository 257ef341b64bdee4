package io.convene.convert.bench;

import io.convene.api.convert.ItemContent;
import io.convene.convert.calendar.CalendarLimits;
import io.convene.convert.calendar.RecurrenceSupport;
import io.convene.convert.calendar.TimeZoneSupport;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.calendar.BenchAppointments;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import java.time.Clock;
import java.util.List;

/**
 * Converts appointments to iCalendar and back and prints items per second (target: 50,000/s).
 * Not a test; run with {@code bundles/convert/run-convert-bench [items] [rounds]}. Each round
 * checks its results: every item must come back with the same mapped fields.
 */
public final class ConvertBenchmark {

  private ConvertBenchmark() {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    VEventConverter converter = new VEventConverter(
        CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, Clock.systemUTC());
    List<ItemContent> appointments = BenchAppointments.generate(items, 42, ids);
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double best = 0;
    double bestCpu = 0;
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      int checked = 0;
      for (ItemContent appointment : appointments) {
        String ics = converter.toICalendar(appointment, ids).value();
        List<ItemContent> back = converter.fromICalendar(ics, ids).value();
        if (back.size() != 1 || !BenchAppointments.sameMappedFields(appointment, back.get(0), ids)) {
          throw new AssertionError("round trip changed item " + checked + ":\n" + ics);
        }
        checked++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      double rate = items / seconds;
      double cpuRate = items / cpuSeconds;
      best = Math.max(best, rate);
      bestCpu = Math.max(bestCpu, cpuRate);
      System.out.printf("round %d: %,d appointments -> iCalendar -> appointment in %.3f s wall (%,.0f items/s),"
          + " %.3f s CPU of this thread (%,.0f items/s per core)%n", round, items, seconds, rate, cpuSeconds, cpuRate);
    }
    // On a shared machine the wall-clock figure depends on the load; the per-core CPU figure does not.
    System.out.printf("best: %,.0f items/s wall, %,.0f items/s per core of CPU (target 50,000/s)%n", best, bestCpu);
  }
}

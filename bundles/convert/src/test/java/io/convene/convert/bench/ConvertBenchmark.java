package io.convene.convert.bench;

import io.convene.api.convert.ItemContent;
import io.convene.convert.calendar.BenchAppointments;
import io.convene.convert.calendar.CalendarLimits;
import io.convene.convert.calendar.RecurrenceSupport;
import io.convene.convert.calendar.TimeZoneSupport;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.ical.ContentLineReader;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.UnfoldingReader;

/**
 * Converts appointments to iCalendar and back and prints items per second for each direction and
 * the round trip (target: 50,000/s), wall-clock and per core of this thread's CPU time (the figure
 * to compare on a shared, loaded machine). As the floor, ical4j's lexer alone reads the same texts
 * into a handler that does nothing: no conversion can import faster than that. Each round checks
 * every round trip (outside the timed phases). The round trip also runs on {@code threads} threads
 * (default: one per core), each converting its share of the items: wall-clock items/s of the whole
 * machine, CPU time summed over the threads; and the same loop on one thread in the same rounds,
 * the figure to compare it with (the one-thread phases batch exports and imports, which costs less
 * per item). Not a test; run {@code
 * bundles/convert/run-convert-bench [items] [rounds] [threads]}.
 */
public final class ConvertBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  // HotSpot's extension: bytes this thread allocated, for the allocation rate per item
  private static final com.sun.management.ThreadMXBean ALLOCATION =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ConvertBenchmark() {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15; // the JIT still warms up after 5
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    VEventConverter converter = new VEventConverter(
        CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, Clock.systemUTC());
    List<ItemContent> appointments = BenchAppointments.generate(items, 42, ids);
    CalendarParserImpl lexer = new CalendarParserImpl();
    ContentHandler nothing = new NoOpHandler();

    Phase export = new Phase("to iCalendar");
    Phase imports = new Phase("from iCalendar");
    Phase roundTrip = new Phase("round trip");
    Phase floor = new Phase("ical4j lexer only (unfolded text, no-op handler)");
    Phase floorUnfolding = new Phase("ical4j lexer + UnfoldingReader (no-op handler)");
    Phase ownLexer = new Phase("ContentLineReader alone (unfolds, params, value)");
    Phase parallel = new Phase("round trip on " + threads + " threads (CPU summed)");
    // The same interleaved loop on one thread, run next to the one above in every round (order
    // alternating) so both see the same load: the like-for-like figure to compare threads with.
    // The phases above run all exports, then all imports, which costs less CPU per item.
    Phase single = new Phase("round trip on 1 thread, same loop as on " + threads);
    long chars = 0;
    String loadBefore = loadAverage();
    long gcBefore = gcMillis();
    double bestAllocated = Double.MAX_VALUE;
    for (int round = 1; round <= rounds; round++) {
      List<String> texts = new ArrayList<>(items);
      long allocated = ALLOCATION.getCurrentThreadAllocatedBytes();
      Sample toICal = Sample.start();
      for (ItemContent appointment : appointments) {
        texts.add(converter.toICalendar(appointment, ids).value());
      }
      toICal.stop(items);

      List<ItemContent> back = new ArrayList<>(items);
      Sample fromICal = Sample.start();
      for (String text : texts) {
        back.add(converter.fromICalendar(text, ids).value().get(0));
      }
      fromICal.stop(items);
      // the texts and results are kept, a few KB per item: allocation of the round trip as a whole
      bestAllocated = Math.min(bestAllocated, (ALLOCATION.getCurrentThreadAllocatedBytes() - allocated) / (double) items);

      // What ICalParser hands the lexer: the text unfolded (it already has CRLF line ends).
      List<String> unfolded = new ArrayList<>(items);
      chars = 0;
      for (String text : texts) {
        unfolded.add(text.replace("\r\n ", "").replace("\r\n\t", ""));
        chars += text.length();
      }
      Sample lex = Sample.start();
      for (String text : unfolded) {
        lexer.parse(new StringReader(text), nothing);
      }
      lex.stop(items);
      Sample lexUnfolding = Sample.start();
      for (String text : texts) {
        lexer.parse(new UnfoldingReader(new StringReader(text)), nothing);
      }
      lexUnfolding.stop(items);
      Sample own = Sample.start();
      int lines = 0;
      for (String text : texts) {
        ContentLineReader reader = new ContentLineReader(text);
        for (ICalProperty p = reader.next(); p != null; p = reader.next()) {
          lines++;
        }
      }
      own.stop(items);
      if (lines == 0) {
        throw new AssertionError("no content lines read");
      }
      for (int i = 0; i < items; i++) {
        if (!BenchAppointments.sameMappedFields(appointments.get(i), back.get(i), ids)) {
          throw new AssertionError("round trip changed item " + i + ":\n" + texts.get(i));
        }
      }
      // The threaded loops keep nothing; without these lists alive (~300 MB allocated per round
      // for them) their young collections copy far less, as a server converting items would.
      texts = null;
      back = null;
      unfolded = null;
      Sample together;
      Sample alone;
      if (round % 2 == 1) {
        together = roundTripOnThreads(pool, threads, converter, appointments, ids);
        alone = roundTripOnThreads(pool, 1, converter, appointments, ids);
      } else {
        alone = roundTripOnThreads(pool, 1, converter, appointments, ids);
        together = roundTripOnThreads(pool, threads, converter, appointments, ids);
      }

      System.out.printf("round %d: %s | %s | %s | %s | %s | %s%n", round, toICal.brief(), fromICal.brief(),
          toICal.plus(fromICal).brief(), own.brief(), alone.brief(), together.brief());
      export.add(toICal);
      imports.add(fromICal);
      roundTrip.add(toICal.plus(fromICal));
      floor.add(lex);
      floorUnfolding.add(lexUnfolding);
      ownLexer.add(own);
      parallel.add(together);
      single.add(alone);
    }
    pool.shutdown();
    System.out.printf("%,d appointments, %,d rounds, %,.0f chars of iCalendar per item; best round of each:%n",
        items, rounds, (double) chars / items);
    for (Phase phase : List.of(export, imports, roundTrip, single, parallel, floor, floorUnfolding, ownLexer)) {
      System.out.println(phase.report());
    }
    System.out.printf("the bare lexer is %.0f%% of import CPU time; round trip target 50,000 items/s%n",
        100.0 * imports.bestCpuRate() / floor.bestCpuRate());
    System.out.printf("round trip: %,.0f/s per core (%.1f us CPU/item), %,.0f/s wall on %d threads"
            + " (%.1f us CPU/item summed); %,.0f bytes allocated per round trip; GC %,d ms in all%n",
        roundTrip.bestCpuRate(), 1e6 / roundTrip.bestCpuRate(), parallel.bestWallRate(), threads,
        1e6 / parallel.bestCpuRate(), bestAllocated, gcMillis() - gcBefore);
    System.out.printf("CPU per round trip on %d threads / on 1 thread, same loop, same rounds: %.2f%n",
        threads, single.bestCpuRate() / parallel.bestCpuRate());
    System.out.printf("load average (1, 5, 15 min) before: %s, after: %s; %d cores%n", loadBefore, loadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * The round trip of every item on {@code threads} threads, each taking every n-th item: wall
   * time of the whole, CPU time summed over the threads; each result is checked.
   */
  private static Sample roundTripOnThreads(ExecutorService pool, int threads, VEventConverter converter,
      List<ItemContent> appointments, InMemoryNamedPropertyIds ids) throws Exception {
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      tasks.add(() -> {
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = first; i < appointments.size(); i += threads) {
          String text = converter.toICalendar(appointments.get(i), ids).value();
          ItemContent back = converter.fromICalendar(text, ids).value().get(0);
          if (back.properties().isEmpty()) {
            throw new AssertionError("item " + i + " came back empty");
          }
        }
        return THREADS.getCurrentThreadCpuTime() - cpu;
      });
    }
    Sample sample = Sample.start();
    long cpu = 0;
    for (Future<Long> f : pool.invokeAll(tasks)) {
      cpu += f.get();
    }
    sample.wallNanos = System.nanoTime() - sample.wallStart;
    sample.cpuNanos = cpu;
    sample.items = appointments.size();
    return sample;
  }

  private static long gcMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  /** The first three fields of /proc/loadavg, or the JVM's one-minute figure elsewhere. */
  private static String loadAverage() {
    try {
      String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException | RuntimeException notLinux) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Wall-clock and thread-CPU time of one timed phase of one round. */
  private static final class Sample {
    private final long wallStart = System.nanoTime();
    private final long cpuStart = THREADS.getCurrentThreadCpuTime();
    long wallNanos;
    long cpuNanos;
    int items;

    static Sample start() {
      return new Sample();
    }

    void stop(int count) {
      wallNanos = System.nanoTime() - wallStart;
      cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
      items = count;
    }

    Sample plus(Sample other) {
      Sample sum = new Sample();
      sum.wallNanos = wallNanos + other.wallNanos;
      sum.cpuNanos = cpuNanos + other.cpuNanos;
      sum.items = items;
      return sum;
    }

    double wallRate() {
      return items / (wallNanos / 1e9);
    }

    double cpuRate() {
      return items / (cpuNanos / 1e9);
    }

    String brief() {
      return String.format("%,.0f/s wall %,.0f/s CPU", wallRate(), cpuRate());
    }
  }

  /** The best round of one phase; wall and CPU best are taken separately. */
  private static final class Phase {
    private final String name;
    private double bestWall;
    private double bestCpu;

    Phase(String name) {
      this.name = name;
    }

    void add(Sample s) {
      bestWall = Math.max(bestWall, s.wallRate());
      bestCpu = Math.max(bestCpu, s.cpuRate());
    }

    double bestCpuRate() {
      return bestCpu;
    }

    double bestWallRate() {
      return bestWall;
    }

    String report() {
      return String.format("  %-50s %,10.0f items/s wall  %,10.0f items/s per core of CPU (%.1f us/item)",
          name, bestWall, bestCpu, 1e6 / bestCpu);
    }
  }

  /** Receives the lexer's events and keeps nothing: the floor measures ical4j's reading alone. */
  private static final class NoOpHandler implements ContentHandler {
    @Override public void startCalendar() {}
    @Override public void endCalendar() {}
    @Override public void startComponent(String name) {}
    @Override public void endComponent(String name) {}
    @Override public void startProperty(String name) {}
    @Override public void propertyValue(String value) {}
    @Override public void parameter(String name, String value) {}
    @Override public void endProperty(String name) {}
  }
}

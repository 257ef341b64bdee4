package io.convene.convert.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ItemContent;
import io.convene.convert.bridge.Appointments;
import io.convene.convert.bridge.SeriesSupport;
import io.convene.convert.calendar.CalendarLimits;
import io.convene.convert.calendar.RecurrenceSupport;
import io.convene.convert.calendar.TimeZoneSupport;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.ical.ICalLimits;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.recurrence.RecurrenceLimits;
import io.convene.convert.task.VTodoConverter;
import java.time.Clock;
import java.util.List;

/**
 * Fuzzes iCalendar import: any text either converts or fails with {@link ConversionException},
 * never another exception; what converts exports again, and that export imports again (our own
 * output is always readable).
 *
 * <p>A normal test run replays the seeds in {@code
 * src/test/resources/io/convene/convert/fuzz/ICalendarImportFuzzTestInputs/<method>/}. To fuzz for
 * the {@code maxDuration}:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f bundles/convert/pom.xml test -Dtest='ICalendarImportFuzzTest#importEvents'
 * JAZZER_FUZZ=1 mvn -B -f bundles/convert/pom.xml test -Dtest='ICalendarImportFuzzTest#importSeries'
 * </pre>
 */
class ICalendarImportFuzzTest {

  // Small limits so that the fuzzer reaches them with short inputs.
  private static final CalendarLimits LIMITS = new CalendarLimits(new ICalLimits(1 << 16, 64, 512, 4, 16), 16);
  private static final VEventConverter EVENTS =
      new VEventConverter(LIMITS, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, Clock.systemUTC());
  /** As the component wires it: recurrence (PidLidAppointmentRecur) and zones (IANA, Windows, VTIMEZONE). */
  private static final VEventConverter SERIES = new VEventConverter(LIMITS,
      new SeriesSupport(Appointments.ZONES, RecurrenceLimits.DEFAULT), Appointments.ZONES, Clock.systemUTC());
  private static final VTodoConverter TASKS = new VTodoConverter(LIMITS.input());

  @FuzzTest(maxDuration = "5m")
  void importEvents(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    List<ItemContent> items;
    try {
      items = EVENTS.fromICalendar(text, ids).value();
    } catch (ConversionException expected) {
      return;
    }
    for (ItemContent item : items) {
      String exported;
      try {
        exported = EVENTS.toICalendar(item, ids).value();
      } catch (ConversionException unsupported) {
        continue; // e.g. a CANCEL without a start has nothing to write
      }
      assertThat(EVENTS.fromICalendar(exported, ids).value()).isNotEmpty();
    }
  }

  /** Series: RRULE, EXDATE, RDATE and overrides to the blob and back; also {@code #importSeries}. */
  @FuzzTest(maxDuration = "5m")
  void importSeries(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    List<ItemContent> items;
    try {
      items = SERIES.fromICalendar(text, ids).value();
    } catch (ConversionException expected) {
      return;
    }
    for (ItemContent item : items) {
      String exported;
      try {
        exported = SERIES.toICalendar(item, ids).value();
      } catch (ConversionException unsupported) {
        continue;
      }
      assertThat(SERIES.fromICalendar(exported, ids).value()).isNotEmpty();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void importTasks(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    List<ItemContent> items;
    try {
      items = TASKS.fromICalendar(text, ids).value();
    } catch (ConversionException expected) {
      return;
    }
    for (ItemContent item : items) {
      assertThat(TASKS.fromICalendar(TASKS.toICalendar(item, ids).value(), ids).value()).hasSize(1);
    }
  }
}

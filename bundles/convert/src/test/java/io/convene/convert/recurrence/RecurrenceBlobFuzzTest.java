package io.convene.convert.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.convert.binary.BlobFormatException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Fuzzes {@link RecurrenceBlobCodec}: any bytes either give a {@link BlobFormatException} or a
 * pattern that encodes back to exactly those bytes; a decoded series then expands within its
 * limits and converts to iCalendar, or says it cannot ({@link UnsupportedRecurrenceException}),
 * never with an unchecked exception.
 *
 * <p>A normal test run replays the seeds in {@code
 * src/test/resources/io/convene/convert/recurrence/RecurrenceBlobFuzzTestInputs/<method>/} (the
 * MS-OXOCAL 4.1.1 examples). To fuzz one method for its {@code maxDuration}:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f bundles/convert/pom.xml test -Dtest='RecurrenceBlobFuzzTest#appointmentBlob'
 * </pre>
 */
class RecurrenceBlobFuzzTest {

  // Small limits so that the fuzzer reaches every limit with short inputs.
  private static final RecurrenceBlobCodec CODEC = new RecurrenceBlobCodec(new RecurrenceLimits(64, 16, 64, 64));
  private static final OccurrenceExpander EXPANDER = new OccurrenceExpander(new ExpansionLimits(500, 5_000));
  private static final ICalendarRecurrenceMapper MAPPER = new ICalendarRecurrenceMapper();
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @FuzzTest(maxDuration = "5m")
  void appointmentBlob(FuzzedDataProvider data) throws Exception {
    byte[] input = data.consumeRemainingAsBytes();
    AppointmentRecurrencePattern a;
    try {
      a = CODEC.decodeAppointment(input);
    } catch (BlobFormatException expected) {
      return;
    }
    assertThat(CODEC.encode(a)).isEqualTo(input);
    try {
      Expansion e = EXPANDER.expand(a, ZONE, Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(e.occurrences().size()).isLessThanOrEqualTo(500);
      MAPPER.toICalendar(a, ZONE);
    } catch (UnsupportedRecurrenceException expected) {
      // a Hijri or otherwise unexpandable pattern
    }
  }

  @FuzzTest(maxDuration = "5m")
  void patternBlob(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    try {
      assertThat(CODEC.encode(CODEC.decodePattern(input))).isEqualTo(input);
    } catch (BlobFormatException expected) {
      // refused
    }
  }
}

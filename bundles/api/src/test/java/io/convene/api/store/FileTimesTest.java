package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTimesTest {

  // The Unix epoch as FILETIME, the constant of Microsoft's "Converting a time_t value to a
  // FILETIME": 116444736000000000 = 0x019DB1DED53E8000.
  private static final long UNIX_EPOCH_FILETIME = 116_444_736_000_000_000L;

  @Test
  void knownValues() {
    assertThat(UNIX_EPOCH_FILETIME).isEqualTo(0x019DB1DED53E8000L);
    assertThat(FileTimes.toInstant(UNIX_EPOCH_FILETIME)).isEqualTo(Instant.EPOCH);
    assertThat(FileTimes.toFileTime(Instant.EPOCH)).isEqualTo(UNIX_EPOCH_FILETIME);
    assertThat(FileTimes.toInstant(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
    // 2000-01-01: 946684800 s after 1970.
    assertThat(FileTimes.toFileTime(Instant.parse("2000-01-01T00:00:00Z")))
        .isEqualTo(UNIX_EPOCH_FILETIME + 946_684_800L * 10_000_000L);
  }

  @Test
  void truncatesToHundredNanoseconds() {
    Instant t = Instant.parse("2024-02-29T12:34:56.123456789Z");
    assertThat(FileTimes.truncate(t)).isEqualTo(Instant.parse("2024-02-29T12:34:56.123456700Z"));
    long ft = FileTimes.toFileTime(t);
    assertThat(FileTimes.toInstant(ft)).isEqualTo(FileTimes.truncate(t));
    assertThat(FileTimes.toFileTime(FileTimes.toInstant(ft))).isEqualTo(ft);
  }

  @Test
  void coversTheWholeUnsignedRange() {
    Instant max = FileTimes.toInstant(-1L);
    assertThat(max).isEqualTo(FileTimes.MAX);
    assertThat(max.toString()).startsWith("+60056-05-28T");
    assertThat(FileTimes.toFileTime(max)).isEqualTo(-1L);
    long aboveSignedMax = 0x8000_0000_0000_0001L;
    assertThat(FileTimes.toFileTime(FileTimes.toInstant(aboveSignedMax))).isEqualTo(aboveSignedMax);
  }

  @Test
  void rejectsInstantsOutsideTheRange() {
    assertThatThrownBy(() -> FileTimes.toFileTime(Instant.parse("1600-12-31T23:59:59.999999999Z")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileTimes.toFileTime(FileTimes.MAX.plusNanos(100)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(FileTimes.inRange(FileTimes.MAX.plusNanos(99))).isTrue();
  }

  @Test
  void inRangeAgreesWithTruncateAndCompareNearBothEnds() {
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    for (Instant edge : new Instant[] {FileTimes.EPOCH, FileTimes.MAX}) {
      for (int i = 0; i < 20_000; i++) {
        Instant t = edge.plusSeconds(random.nextInt(5) - 2).plusNanos(random.nextInt(1_000_000_000));
        Instant truncated = FileTimes.truncate(t);
        boolean expected = !truncated.isBefore(FileTimes.EPOCH) && !truncated.isAfter(FileTimes.MAX);
        assertThat(FileTimes.inRange(t)).as("seed %d, %s", seed, t).isEqualTo(expected);
      }
    }
  }
}

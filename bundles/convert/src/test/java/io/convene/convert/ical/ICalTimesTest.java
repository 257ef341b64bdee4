package io.convene.convert.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DATE and DATE-TIME values as RFC 5545 3.3.4 and 3.3.5 print them, read and written by hand. */
class ICalTimesTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void rfc5545Section335TheThreeForms() {
    // FORM #1 floating: "19980118T230000", read in the zone the caller gives
    assertThat(ICalTimes.instant("19980118T230000", ZoneOffset.UTC)).isEqualTo(Instant.parse("1998-01-18T23:00:00Z"));
    assertThat(ICalTimes.instant("19980118T230000", NEW_YORK)).isEqualTo(Instant.parse("1998-01-19T04:00:00Z"));
    // FORM #2 UTC: "19980119T070000Z" is 7:00 AM UTC on January 19, 1998, whatever the zone
    assertThat(ICalTimes.instant("19980119T070000Z", NEW_YORK)).isEqualTo(Instant.parse("1998-01-19T07:00:00Z"));
    assertThat(ICalTimes.instant("19980119T070000Z", NEW_YORK.getRules())).isEqualTo(Instant.parse("1998-01-19T07:00:00Z"));
    // FORM #3 "TZID=America/New_York:19980119T020000": 2:00 AM in New York
    assertThat(ICalTimes.instant("19980119T020000", NEW_YORK)).isEqualTo(Instant.parse("1998-01-19T07:00:00Z"));

    assertThat(ICalTimes.utc(Instant.parse("1998-01-19T07:00:00Z"))).isEqualTo("19980119T070000Z");
    assertThat(ICalTimes.local(Instant.parse("1998-01-19T07:00:00Z"), NEW_YORK)).isEqualTo("19980119T020000");
    // "DTSTART;TZID=America/New_York:19970714T133000" (July 14, 1997, 1:30 PM in New York)
    assertThat(ICalTimes.local(Instant.parse("1997-07-14T17:30:00Z"), NEW_YORK)).isEqualTo("19970714T133000");
  }

  @Test
  void rfc5545Section335RepeatedAndSkippedLocalTimes() {
    // "TZID=America/New_York:20071104T013000 indicates November 4, 2007 at 1:30 A.M. EDT (UTC-04:00)"
    assertThat(ICalTimes.instant("20071104T013000", NEW_YORK)).isEqualTo(Instant.parse("2007-11-04T05:30:00Z"));
    // "TZID=America/New_York:20070311T023000 indicates March 11, 2007 at 3:30 A.M. EDT (UTC-04:00)"
    assertThat(ICalTimes.instant("20070311T023000", NEW_YORK)).isEqualTo(Instant.parse("2007-03-11T07:30:00Z"));
  }

  @Test
  void rfc5545Section334DateExample() {
    // "19970714": July 14, 1997
    assertThat(ICalTimes.instant("19970714", ZoneOffset.UTC)).isEqualTo(Instant.parse("1997-07-14T00:00:00Z"));
    assertThat(ICalTimes.instant("19970714", NEW_YORK)).isEqualTo(Instant.parse("1997-07-14T04:00:00Z"));
    assertThat(ICalTimes.date(Instant.parse("1997-07-14T03:59:59Z"), NEW_YORK)).isEqualTo("19970713");
    assertThat(ICalTimes.date(Instant.parse("1997-07-14T04:00:00Z"), NEW_YORK)).isEqualTo("19970714");
  }

  @Test
  void malformedValuesAreIllegalArguments() {
    for (String bad : new String[] {"1997071", "1997-07-14", "19971314", "19970230", "19980119T250000Z",
        "19980119X070000Z", "1998011aT070000", "", "Z"}) {
      assertThatThrownBy(() -> ICalTimes.instant(bad, NEW_YORK)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void randomTimesFormatLikeJavaTimeAndReadBack() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    for (int i = 0; i < 2000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(-62135596800L, 253402214400L));
      ZoneId zone = random.nextBoolean() ? NEW_YORK : ZoneId.of("Australia/Sydney");
      assertThat(ICalTimes.utc(t)).as("seed %d", seed).isEqualTo(local.format(t.atOffset(ZoneOffset.UTC)) + "Z");
      assertThat(ICalTimes.local(t, zone)).as("seed %d", seed).isEqualTo(local.format(ZonedDateTime.ofInstant(t, zone)));
      assertThat(ICalTimes.date(t, zone)).as("seed %d", seed)
          .isEqualTo(java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(java.time.LocalDate.ofInstant(t, zone)));
      assertThat(ICalTimes.instant(ICalTimes.utc(t), zone)).as("seed %d", seed).isEqualTo(t);
    }
  }
}

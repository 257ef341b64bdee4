package io.convene.convert.timezone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** Compares two rule sets by their offsets: at each transition of either, a second before and after, and at noon daily. */
final class ZoneRulesAssert {

  private ZoneRulesAssert() {}

  static void sameOffsets(ZoneRules actual, ZoneRules expected, int fromYear, int toYear, String what) {

    Instant from = LocalDate.of(fromYear, 1, 2).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = LocalDate.of(toYear, 12, 30).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (ZoneRules r : new ZoneRules[] {expected, actual}) {
      ZoneOffsetTransition t = r.nextTransition(from);
      while (t != null && t.getInstant().isBefore(to)) {
        for (long d : new long[] {-1, 0, 1}) {
          Instant i = t.getInstant().plusSeconds(d);
          assertThat(actual.getOffset(i)).as("%s at %s", what, i).isEqualTo(expected.getOffset(i));
        }
        t = r.nextTransition(t.getInstant());
      }
    }
    for (Instant i = from.plusSeconds(43_200); i.isBefore(to); i = i.plusSeconds(86_400)) {
      assertThat(actual.getOffset(i)).as("%s at %s", what, i).isEqualTo(expected.getOffset(i));
    }
  }
}

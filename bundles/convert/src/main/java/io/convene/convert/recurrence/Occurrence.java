package io.convene.convert.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One instance of a series in a time range.
 *
 * @param originalStart the local start the pattern gives the instance (its RECURRENCE-ID)
 * @param start when it starts
 * @param end when it ends
 * @param exception the overrides of a modified instance, or null for a plain one
 */
public record Occurrence(LocalDateTime originalStart, Instant start, Instant end, ExceptionInfo exception) {

  public boolean modified() {
    return exception != null;
  }
}

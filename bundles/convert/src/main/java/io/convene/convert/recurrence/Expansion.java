package io.convene.convert.recurrence;

import java.util.List;

/**
 * The instances of a series that overlap a range, ordered by start.
 *
 * @param occurrences the instances
 * @param complete false when a limit of {@link ExpansionLimits} cut the expansion short: then the
 *     list holds the earliest instances found, never more than the limit
 */
public record Expansion(List<Occurrence> occurrences, boolean complete) {

  public Expansion {
    occurrences = List.copyOf(occurrences);
  }
}

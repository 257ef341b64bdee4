package io.convene.convert.recurrence;

/**
 * Bounds on one expansion. A series that would produce more instances in the range than {@code
 * maxInstances}, or that needs more than {@code maxPeriods} periods (days, weeks or months) walked
 * to get there, gives the instances found so far and {@link Expansion#complete()} false.
 *
 * @param maxInstances instances returned at most
 * @param maxPeriods periods of the pattern looked at, at most (bounds CPU for counted series,
 *     which are walked from their first instance)
 */
public record ExpansionLimits(int maxInstances, long maxPeriods) {

  /** 10,000 instances (27 years of a daily series); 200,000 periods (547 years of days). */
  public static final ExpansionLimits DEFAULT = new ExpansionLimits(10_000, 200_000);

  public ExpansionLimits {
    if (maxInstances < 0 || maxPeriods < 0) {
      throw new IllegalArgumentException("limits are not negative");
    }
  }
}

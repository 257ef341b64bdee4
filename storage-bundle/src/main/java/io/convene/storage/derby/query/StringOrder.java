package io.convene.storage.derby.query;

/**
 * How string values compare in property restrictions, compare-properties restrictions and sorts.
 * Content restrictions do not use this: their {@code FuzzyLevelHigh} flags decide.
 */
public enum StringOrder {
  /** By UTF-16 code unit ({@link String#compareTo}). */
  ORDINAL,
  /**
   * By UTF-16 code unit after locale-independent simple case folding of each code point ({@code
   * toLowerCase(toUpperCase(c))}). Exchange compares and sorts strings without regard to case (it
   * uses a locale collation, which this approximates without depending on a locale).
   */
  IGNORE_CASE
}

package io.convene.api.convert;

/** Why a conversion failed; a boundary maps it to its protocol's error. */
public enum ConversionError {
  /** The input is not well-formed iCalendar or vCard, or a value does not parse. */
  MALFORMED,
  /** The input exceeds a limit: its size, or the number of components, properties or attendees. */
  TOO_LARGE,
  /** A property the format requires is missing (a VEVENT without DTSTART, a vCard without FN). */
  MISSING_REQUIRED,
  /** The input is valid but describes something the converter does not handle. */
  UNSUPPORTED,
  /** The item's store could not be read or written (named property mapping). */
  STORE
}

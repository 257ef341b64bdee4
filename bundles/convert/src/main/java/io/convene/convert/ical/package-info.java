/**
 * A small, bounded iCalendar content model (RFC 5545 section 3): components, properties with
 * parameters, raw values. Lexing (unfolding, content lines) is ical4j's {@code
 * CalendarParserImpl}; writing folds with ical4j's {@code FoldingWriter}. The converters work on
 * this model rather than on ical4j's typed one: it keeps every property as it came (so unknown
 * ones survive a round trip), enforces Convene's limits while parsing, and is fast.
 */
package io.convene.convert.ical;

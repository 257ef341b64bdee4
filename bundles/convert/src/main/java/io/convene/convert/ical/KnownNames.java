package io.convene.convert.ical;

/**
 * The property and parameter names the converters read, as shared constants: the reader returns
 * one of these instead of a new string per content line when the text spells the name in upper
 * case, so reading a name allocates nothing and every later look-up (sets of mapped names, maps
 * keyed by name) finds its hash already computed.
 */
final class KnownNames {

  private static final String[] NAMES = {
    "BEGIN", "END", "VERSION", "PRODID", "METHOD", "CALSCALE", "UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND",
    "DURATION", "LOCATION", "TRANSP", "STATUS", "SUMMARY", "DESCRIPTION", "CLASS", "PRIORITY", "CATEGORIES",
    "CREATED", "LAST-MODIFIED", "ORGANIZER", "ATTENDEE", "ACTION", "TRIGGER", "RRULE", "EXDATE", "RDATE",
    "RECURRENCE-ID", "ATTACH", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "DUE", "COMPLETED",
    "PERCENT-COMPLETE", "URL", "COMMENT", "CONTACT", "GEO", "RESOURCES", "RELATED-TO", "REPEAT",
    "X-CONVENE-PROP", "X-CONVENE-ATTACH-PROP", "X-CONVENE-OWN-ATTENDEES", "X-MICROSOFT-CDO-BUSYSTATUS",
    "X-MICROSOFT-CDO-INTENDEDSTATUS", "X-MICROSOFT-CDO-ALLDAYEVENT", "X-MICROSOFT-CDO-IMPORTANCE",
    "X-MS-OLK-ORIGINALSTART", "X-MS-OLK-ORIGINALEND", "X-WR-CALNAME", "X-WR-TIMEZONE",
    // parameters
    "CN", "ROLE", "PARTSTAT", "RSVP", "CUTYPE", "VALUE", "RELATED", "PSET", "LID", "NAME", "TYPE", "TAG",
    "ENCODING", "FMTTYPE", "X-FILENAME", "RANGE", "LANGUAGE", "ALTREP", "SENT-BY", "DIR", "MEMBER",
    "DELEGATED-TO", "DELEGATED-FROM", "SCHEDULE-STATUS", "SCHEDULE-AGENT",
  };

  /** Open addressing by {@link String#hashCode}, with each slot's hash beside it: a look-up compares chars only on a hit. */
  private static final String[] TABLE = new String[256];
  private static final int[] HASHES = new int[TABLE.length];

  static {
    for (String n : NAMES) {
      int slot = slot(n.hashCode());
      while (TABLE[slot] != null) {
        slot = (slot + 1) & (TABLE.length - 1);
      }
      TABLE[slot] = n;
      HASHES[slot] = n.hashCode();
    }
  }

  private KnownNames() {}

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (TABLE.length - 1);
  }

  /**
   * The known name {@code text[from, to)} spells exactly, or {@code null}; {@code hash} is that
   * range's {@link String#hashCode}, which the reader computes while it reads the name.
   */
  static String lookup(String text, int from, int to, int hash) {
    int length = to - from;
    for (int slot = slot(hash); TABLE[slot] != null; slot = (slot + 1) & (TABLE.length - 1)) {
      String candidate = TABLE[slot];
      if (HASHES[slot] == hash && candidate.length() == length && text.startsWith(candidate, from)) {
        return candidate;
      }
    }
    return null;
  }
}

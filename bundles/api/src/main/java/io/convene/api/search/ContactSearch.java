package io.convene.api.search;

import io.convene.api.store.Caller;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Searches the address book: the Global Address List and the personal contacts the caller may
 * read. Every method filters by the {@link Caller}: GAL entries are visible to all, a personal
 * contact only to its mailbox owner, to accounts with read rights on its folder, and to {@link
 * Caller#server()}.
 *
 * <p>Search text is plain text, never a query language: characters such as {@code * ? " : ( ) +
 * -} are ordinary characters. Matching ignores case and accents ("jose" finds "José", "muller"
 * finds "Müller"). Blank text, or text without any letter or digit, finds nothing. Text longer than
 * {@link #MAX_TEXT_LENGTH} characters is refused with {@link SearchException.Reason#TEXT_TOO_LONG}.
 *
 * <p>Thread-safe. Results reflect the directory and the store near-real-time: a change is found
 * about a second after it was committed.
 */
@ProviderType
public interface ContactSearch {

  /** Longest search text accepted, in UTF-16 code units (as long as an SMTP address may be). */
  int MAX_TEXT_LENGTH = 256;

  /**
   * Ambiguous name resolution as Exchange does it (MS-OXNSPI 3.1.4.7): the words of {@code text}
   * are prefixes of the display name, first name, last name, alias or an SMTP address, in any
   * order, so "Jo", "John Sm", "Smith, John" and "jsmith@" all find John Smith. Exact matches of a
   * whole name or address rank first, then whole-value prefixes, then word prefixes; ties by
   * display name.
   *
   * @throws SearchException TEXT_TOO_LONG, or UNAVAILABLE while the index is not open
   */
  HitPage resolve(Caller caller, String text, QueryOptions options);

  /** {@link #resolve(Caller, String, QueryOptions)} with {@link QueryOptions#DEFAULT}. */
  default HitPage resolve(Caller caller, String text) {
    return resolve(caller, text, QueryOptions.DEFAULT);
  }

  /**
   * The entries with exactly this SMTP address (case-insensitive, surrounding blanks ignored): the
   * GAL entry first, then personal contacts carrying it as one of their e-mail addresses.
   *
   * @return the matching entries, empty if none or if {@code smtpAddress} is blank
   * @throws SearchException TEXT_TOO_LONG, or UNAVAILABLE while the index is not open
   */
  List<ContactHit> findByAddress(Caller caller, String smtpAddress);

  /**
   * Free-text search over names, alias, company, department, telephone numbers and e-mail
   * addresses: every word of {@code text} must match a word of the entry (a word prefix, or a
   * phone number's digits). Entries whose name or address equals {@code text} rank first.
   *
   * @throws SearchException TEXT_TOO_LONG, or UNAVAILABLE while the index is not open
   */
  HitPage search(Caller caller, String text, QueryOptions options);

  /**
   * The Global Address List in address-book order, as NSPI lists it (MS-OXNSPI 3.1.4.1.8
   * QueryRows over the GAL, 3.1.4.1.9 SeekEntries on PidTagDisplayName): by display name, case and
   * accents ignored, then by a stable per-entry key. Only GAL entries of {@code options.kinds()} are
   * listed (e.g. only {@link EntryKind#GAL_ROOM} for an "All Rooms" list); personal contacts and
   * disabled accounts never are. Every hit scores the same.
   *
   * @param fromName list from the first entry whose display name sorts at or after this one (same
   *     folding); {@code ""} for the start. {@code options.offset()} counts from there
   * @throws SearchException TEXT_TOO_LONG, or UNAVAILABLE while the index is not open
   * @throws UnsupportedOperationException by implementations that keep no address-book order
   * @since 1.1
   */
  default HitPage listGal(Caller caller, String fromName, QueryOptions options) {
    throw new UnsupportedOperationException("this contact search does not list the GAL");
  }

  /**
   * How many GAL entries of these kinds {@link #listGal} lists in all (NSPI's TotalRecs,
   * MS-OXNSPI 2.2.8 STAT), as of the latest refresh.
   *
   * @throws SearchException UNAVAILABLE while the index is not open
   * @throws UnsupportedOperationException by implementations that keep no address-book order
   * @since 1.1
   */
  default int countGal(Caller caller, Set<EntryKind> kinds) {
    throw new UnsupportedOperationException("this contact search does not list the GAL");
  }
}

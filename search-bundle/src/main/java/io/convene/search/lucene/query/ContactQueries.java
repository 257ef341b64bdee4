package io.convene.search.lucene.query;

import io.convene.api.search.EntryKind;
import io.convene.search.lucene.index.EntryDocuments;
import io.convene.search.lucene.index.Fields;
import io.convene.search.lucene.index.NameFolding;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene queries as tiers: every document of a tier scores the tier's constant, so the
 * score says how a hit matched, not how often a word occurs. For ANR an exact whole name or address
 * ({@link #EXACT}) beats a whole-value prefix ({@link #WHOLE_PREFIX}), which beats words that are
 * prefixes of the entry's words ({@link #WORDS}). Prefixes up to {@link EntryDocuments#MAX_PREFIX}
 * characters are indexed terms; only longer ones expand at query time.
 */
final class ContactQueries {

  static final float EXACT = 100;
  static final float WHOLE_PREFIX = 10;
  static final float WORDS = 1;

  /** Digits a text needs before it is also read as a telephone number. */
  private static final int MIN_PHONE_DIGITS = 3;

  /** The documents matching {@code query} score {@code score}, unless a tier before ranked them. */
  record Tier(Query query, float score) {}

  private ContactQueries() {}

  /** Ambiguous name resolution: the text is a prefix of a whole name or address, or each word a prefix of a word. */
  static List<Tier> anr(SearchText text) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String word : text.words()) {
      words.add(prefix(Fields.ANR_WORDS, Fields.ANR_WORD_PREFIX, word), Occur.FILTER);
    }
    return List.of(
        new Tier(new TermQuery(new Term(Fields.ANR_FULL, text.key())), EXACT),
        new Tier(prefix(Fields.ANR_FULL, Fields.ANR_FULL_PREFIX, text.key()), WHOLE_PREFIX),
        new Tier(words.build(), WORDS));
  }

  /**
   * Free text: each word a prefix of a word of any field (of a telephone number: a whole group), or
   * the digits a prefix of a telephone number.
   */
  static List<Tier> text(SearchText text, String raw) {
    Query exact = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ANR_FULL, text.key())), Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.ADDRESS, EntryDocuments.address(raw))), Occur.SHOULD)
        .build();
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String word : text.words()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder()
          .add(prefix(Fields.ANR_WORDS, Fields.ANR_WORD_PREFIX, word), Occur.SHOULD)
          .add(prefix(Fields.TEXT_WORDS, Fields.TEXT_WORD_PREFIX, word), Occur.SHOULD);
      if (isDigits(word) && word.length() <= EntryDocuments.MAX_PREFIX) {
        // a whole group of a telephone number ("0147" of "+1 202 555-0147"); their prefixes are not indexed
        any.add(new TermQuery(new Term(Fields.TEXT_WORDS, word)), Occur.SHOULD);
      }
      words.add(any.build(), Occur.FILTER);
    }
    Query matches = words.build();
    if (looksLikePhone(raw)) {
      matches = new BooleanQuery.Builder()
          .add(matches, Occur.SHOULD)
          .add(new StartsWith(new Term(Fields.PHONE_DIGITS, EntryDocuments.digits(raw))), Occur.SHOULD)
          .build();
    }
    return List.of(new Tier(exact, EXACT), new Tier(matches, WORDS));
  }

  /**
   * The GAL entries of the GAL kinds among {@code kinds} whose folded display name sorts at or after
   * {@code fromName}'s; {@code null} when no GAL kind is asked for. The display-name bound is a
   * doc-values range (the sort key is not indexed as terms), so the entries before the start are
   * tested one by one: a seek costs in proportion to how far in it lands (a few milliseconds at a
   * million); the page after it stops as soon as it is full.
   */
  static Query galFrom(String fromName, Set<EntryKind> kinds) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean gal = false;
    for (EntryKind kind : kinds) {
      if (kind.isGal()) {
        any.add(new TermQuery(new Term(Fields.KIND, kind.name())), Occur.SHOULD);
        gal = true;
      }
    }
    if (!gal) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(any.build(), Occur.FILTER);
    String from = NameFolding.key(fromName);
    if (!from.isEmpty()) {
      query.add(SortedDocValuesField.newSlowRangeQuery(Fields.SORT_NAME, new BytesRef(from), null, true, true), Occur.FILTER);
    }
    return query.build();
  }

  /** Exact address lookup. */
  static Query address(String address) {
    return new TermQuery(new Term(Fields.ADDRESS, address));
  }

  /** Restricts to the given kinds; {@code null} when all kinds are wanted. */
  static Query kinds(Set<EntryKind> kinds) {
    if (kinds.size() == EntryKind.values().length) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (EntryKind kind : kinds) {
      any.add(new TermQuery(new Term(Fields.KIND, kind.name())), Occur.SHOULD);
    }
    return any.build();
  }

  /** Restricted by the filters that are not {@code null}. */
  static Query filtered(Query query, Query... filters) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.FILTER);
    for (Query filter : filters) {
      if (filter != null) {
        builder.add(filter, Occur.FILTER);
      }
    }
    return builder.build();
  }

  /** Documents with a value starting with {@code prefix}: one indexed prefix term, or for long ones a term expansion. */
  private static Query prefix(String valueField, String prefixField, String prefix) {
    return prefix.length() <= EntryDocuments.MAX_PREFIX
        ? new TermQuery(new Term(prefixField, prefix))
        : new StartsWith(new Term(valueField, prefix));
  }

  private static boolean isDigits(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) < '0' || word.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikePhone(String raw) {
    int digits = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if ("+-/() .".indexOf(c) < 0) {
        return false;
      }
    }
    return digits >= MIN_PHONE_DIGITS;
  }
}

package io.convene.search.lucene.query;

import io.convene.api.search.EntryKind;
import io.convene.search.lucene.index.EntryDocuments;
import io.convene.search.lucene.index.Fields;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene queries. Every clause is constant-scoring with a boost per tier, so the score
 * says how a hit matched, not how often a word occurs: an exact whole name or address
 * ({@link #EXACT}) beats a whole-value prefix ({@link #WHOLE_PREFIX}), which beats words that are
 * prefixes of the entry's words ({@link #WORDS}).
 */
final class ContactQueries {

  static final float EXACT = 100;
  static final float WHOLE_PREFIX = 10;
  static final float WORDS = 1;

  /** Digits a text needs before it is also read as a telephone number. */
  private static final int MIN_PHONE_DIGITS = 3;

  private ContactQueries() {}

  /** Ambiguous name resolution: the text is a prefix of a whole name or address, or each word a prefix of a word. */
  static Query anr(SearchText text) {
    return new BooleanQuery.Builder()
        .add(tier(new TermQuery(new Term(Fields.ANR_FULL, text.key())), EXACT), Occur.SHOULD)
        .add(tier(new PrefixQuery(new Term(Fields.ANR_FULL, text.key())), WHOLE_PREFIX), Occur.SHOULD)
        .add(tier(allWordPrefixes(Fields.ANR_WORDS, text), WORDS), Occur.SHOULD)
        .build();
  }

  /** Free text: each word a prefix of a word of any field, or the digits a prefix of a telephone number. */
  static Query text(SearchText text, String raw) {
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(tier(new TermQuery(new Term(Fields.ANR_FULL, text.key())), EXACT), Occur.SHOULD)
        .add(tier(new TermQuery(new Term(Fields.ADDRESS, EntryDocuments.address(raw))), EXACT), Occur.SHOULD)
        .add(tier(allWordPrefixes(Fields.TEXT_WORDS, text), WORDS), Occur.SHOULD);
    if (looksLikePhone(raw)) {
      query.add(tier(new PrefixQuery(new Term(Fields.PHONE_DIGITS, EntryDocuments.digits(raw))), WORDS), Occur.SHOULD);
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

  /** {@code query} scored as is, restricted by the filters that are not {@code null}. */
  static Query filtered(Query query, Query... filters) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.MUST);
    for (Query filter : filters) {
      if (filter != null) {
        builder.add(filter, Occur.FILTER);
      }
    }
    return builder.build();
  }

  static Query all() {
    return new MatchAllDocsQuery();
  }

  private static Query allWordPrefixes(String field, SearchText text) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String word : text.words()) {
      all.add(new PrefixQuery(new Term(field, word)), Occur.FILTER);
    }
    return all.build();
  }

  private static Query tier(Query query, float boost) {
    return new BoostQuery(new ConstantScoreQuery(query), boost);
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

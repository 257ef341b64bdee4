package io.convene.search.lucene.index;

import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * All the terms of one field of one document as one field instance: the given values as they are,
 * or every prefix of them up to a length. Indexing each term as a field of its own (a {@code
 * StringField} per prefix, about a hundred per entry) made the per-field work of Lucene's indexing
 * chain and the {@code String} per prefix the largest costs of building the index.
 *
 * <p>Prefixes are produced from the values in sorted order, and each value only from past its
 * longest common prefix with the value before it, so a prefix shared by several values ("jo" of
 * "jose", "jose garcia" and "jose.garcia7") is indexed once; none is a {@code String}. A prefix
 * never ends between the two halves of a surrogate pair.
 *
 * <p>Like Lucene's own {@code StringField}, the field hands its token stream back to the indexing
 * chain for reuse with the next document's field of the same name.
 */
final class TermsField extends Field {

  /** Indexed terms only: no frequencies, positions or norms, since every clause scores constantly. */
  static final FieldType TYPE;

  static {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.setTokenized(true);
    type.setStored(false);
    type.freeze();
    TYPE = type;
  }

  private final String[] values;
  private final int maxPrefix;

  private TermsField(String name, String[] values, int maxPrefix) {
    super(name, TYPE);
    this.values = values;
    this.maxPrefix = maxPrefix;
  }

  /** Each value one term. */
  static TermsField of(String name, Collection<String> values) {
    return new TermsField(name, values.toArray(String[]::new), 0);
  }

  /** Every distinct prefix of the values, from one character up to {@code maxPrefix}. */
  static TermsField prefixes(String name, Collection<String> values, int maxPrefix) {
    String[] sorted = values.toArray(String[]::new);
    Arrays.sort(sorted);
    return new TermsField(name, sorted, maxPrefix);
  }

  boolean isEmpty() {
    return values.length == 0;
  }

  @Override
  public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
    Terms terms = reuse instanceof Terms own ? own : new Terms();
    terms.set(values, maxPrefix);
    return terms;
  }

  @Override
  public String toString() {
    return name() + (maxPrefix > 0 ? " prefixes " : " ") + Arrays.toString(values);
  }

  /** The tokens of a {@link TermsField}. */
  private static final class Terms extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private String[] values = new String[0];
    private int maxPrefix;
    private int value;
    /** The next prefix length of {@code values[value]}; only when producing prefixes. */
    private int length;
    private int end;

    void set(String[] newValues, int newMaxPrefix) {
      values = newValues;
      maxPrefix = newMaxPrefix;
    }

    @Override
    public void reset() {
      value = -1;
      // past the end of "value -1", so the first call moves to the first value
      length = 1;
      end = 0;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      if (maxPrefix == 0) {
        if (++value >= values.length) {
          return false;
        }
        term.append(values[value]);
        return true;
      }
      while (length > end) {
        if (++value >= values.length) {
          return false;
        }
        String current = values[value];
        end = Math.min(current.length(), maxPrefix);
        length = value == 0 ? 1 : commonPrefix(values[value - 1], current) + 1;
      }
      String current = values[value];
      if (length < current.length() && Character.isHighSurrogate(current.charAt(length - 1))) {
        length++; // take the pair whole
      }
      term.append(current, 0, Math.min(length, current.length()));
      length++;
      return true;
    }

    private static int commonPrefix(String a, String b) {
      int max = Math.min(a.length(), b.length());
      int i = 0;
      while (i < max && a.charAt(i) == b.charAt(i)) {
        i++;
      }
      return i;
    }
  }
}

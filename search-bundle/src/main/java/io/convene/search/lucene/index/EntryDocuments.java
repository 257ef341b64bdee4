package io.convene.search.lucene.index;

import io.convene.api.search.ContactHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an {@link IndexEntry} into a Lucene document, and doc values back into {@link ContactHit}s.
 *
 * <p>Prefix matching is done at index time: every name word and every whole name or address is
 * indexed with each of its prefixes up to {@link #MAX_PREFIX} characters, so a typed prefix is one
 * term lookup instead of a walk over every term starting with it (unique addresses make that walk
 * as long as the number of people sharing a first name). Only longer prefixes, which start few
 * terms, are expanded at query time. The terms of a field go in as one {@link TermsField}.
 */
public final class EntryDocuments {

  /** Longest value indexed as one key; longer ones are cut (Lucene refuses terms over 32 KB). */
  static final int MAX_KEY_LENGTH = 512;
  /** Between the name and the key in a {@link Fields#SORT_NAME} value. */
  static final char SORT_SEPARATOR = '\0';
  /**
   * Longest prefix indexed as a term of its own. Each character more is about a tenth more terms
   * per entry; a longer typed prefix expands at query time over the few terms that start with it.
   * At a million entries 10 gave 14,900 entries/s and ANR CPU p50/p99 0.69/2.8 ms, 6 gave 18,700/s
   * and 0.33/1.25 ms, 5 gives 21,400/s and 0.36/2.0 ms (`run-search-bench`, quiet machine).
   */
  public static final int MAX_PREFIX = 5;

  /** Indexed terms only: no frequencies, positions or norms, since every clause scores constantly. */
  private static final FieldType TERMS = StringField.TYPE_NOT_STORED;
  /** Names are folded once before they are split; folding each word again would only repeat the work. */
  private static final Analyzer FOLDED_WORDS = ContactAnalyzer.foldedWords();

  private EntryDocuments() {}

  public static Document toDocument(IndexEntry entry) {
    Document doc = new Document();
    String key = entry.key();
    doc.add(new Field(Fields.KEY, key, TERMS));
    doc.add(new Field(Fields.KIND, entry.kind().name(), TERMS));
    doc.add(new NumericDocValuesField(Fields.HIT_ACCOUNT, entry.accountId()));
    if (entry.kind().isGal()) {
      doc.add(new Field(Fields.SCOPE, Fields.SCOPE_GAL, TERMS));
      doc.add(new NumericDocValuesField(Fields.ACCOUNT, entry.accountId()));
    } else {
      doc.add(new Field(Fields.SCOPE, Fields.SCOPE_PERSONAL, TERMS));
      doc.add(new Field(Fields.OWNER, Long.toString(entry.accountId()), TERMS));
      doc.add(new NumericDocValuesField(Fields.HIT_FOLDER, entry.folderId()));
    }
    doc.add(new BinaryDocValuesField(Fields.HIT, HitRecord.encode(entry)));

    Set<String> names = new LinkedHashSet<>();
    names.add(entry.displayName());
    names.add(entry.givenName());
    names.add(entry.surname());
    names.add(entry.alias());
    names.addAll(entry.emails());
    Set<String> fullKeys = new LinkedHashSet<>();
    StringBuilder folded = new StringBuilder();
    String displayKey = "";
    String foldedGiven = "";
    String foldedSurname = "";
    for (String name : names) {
      if (name.isBlank()) {
        continue;
      }
      // each distinct value is folded once: folding (a Unicode normalization) is most of the
      // work of making a document
      String foldedName = NameFolding.fold(name);
      String fullKey = cut(NameFolding.keyOfFolded(foldedName));
      fullKeys.add(fullKey);
      if (name.equals(entry.displayName())) {
        displayKey = fullKey;
      }
      if (name.equals(entry.givenName())) {
        foldedGiven = foldedName;
      }
      if (name.equals(entry.surname())) {
        foldedSurname = foldedName;
      }
      // an address's words are those of its local part: the domain, the same for a whole company,
      // would make "example" find everyone and cost every entry a dozen terms
      int at = entry.emails().contains(name) ? foldedName.lastIndexOf('@') : -1;
      folded.append(foldedName, 0, at < 0 ? foldedName.length() : at).append(' ');
    }
    if (!foldedGiven.isEmpty() && !foldedSurname.isEmpty()) {
      // "first last" and "last, first" (the comma folds away) as whole values, folded from their
      // folded parts (folding goes character by character, and the blank keeps them apart); their
      // words are those of the parts, already in the text above
      fullKeys.add(cut(NameFolding.keyOfFolded(foldedGiven + " " + foldedSurname)));
      fullKeys.add(cut(NameFolding.keyOfFolded(foldedSurname + " " + foldedGiven)));
    }
    doc.add(new SortedDocValuesField(Fields.SORT_NAME, sortValueOfKey(displayKey, key)));
    addTerms(doc, Fields.ANR_FULL, fullKeys);
    addTerms(doc, Fields.ANR_FULL_PREFIX, fullKeys, MAX_PREFIX);
    Set<String> anrWords = words(folded);
    addTerms(doc, Fields.ANR_WORDS, anrWords);
    addTerms(doc, Fields.ANR_WORD_PREFIX, anrWords, MAX_PREFIX);
    List<String> addresses = new ArrayList<>(entry.emails().size());
    for (String email : entry.emails()) {
      if (!email.isBlank()) {
        addresses.add(cut(address(email)));
      }
    }
    addTerms(doc, Fields.ADDRESS, addresses);

    StringBuilder text = new StringBuilder();
    text.append(NameFolding.fold(entry.company())).append(' ').append(NameFolding.fold(entry.department())).append(' ')
        .append(NameFolding.fold(entry.location()));
    StringBuilder phones = new StringBuilder();
    List<String> phoneDigits = new ArrayList<>(entry.phones().size());
    for (String phone : entry.phones()) {
      phones.append(' ').append(NameFolding.fold(phone));
      String digits = digits(phone);
      if (!digits.isEmpty()) {
        phoneDigits.add(cut(digits));
      }
    }
    addTerms(doc, Fields.PHONE_DIGITS, phoneDigits);
    Set<String> textWords = words(text);
    textWords.removeAll(anrWords);
    addTerms(doc, Fields.TEXT_WORD_PREFIX, textWords, MAX_PREFIX);
    // the groups of a telephone number are whole words only: their prefixes, nearly one distinct
    // term per entry each, were a fifth of all terms; a number typed from its start is found
    // through the digits of the whole number instead
    textWords.addAll(words(phones));
    textWords.removeAll(anrWords);
    addTerms(doc, Fields.TEXT_WORDS, textWords);
    return doc;
  }

  /**
   * The index order of an entry as one value: its folded display name, a NUL, its key. A NUL sorts
   * before every other character, so these values order as (name, key) pairs do, and since each is
   * unique, entries of different segments compare by one value without a tie-break lookup; within a
   * segment the values' ordinals follow the documents, so reading them in order is a sequential
   * read. NULs inside a name are dropped.
   */
  static BytesRef sortValue(String displayName, String key) {
    return sortValueOfKey(cut(NameFolding.key(displayName)), key);
  }

  /** {@link #sortValue} of a display name already made a {@link NameFolding#key} and {@link #cut}. */
  private static BytesRef sortValueOfKey(String displayKey, String key) {
    String name = displayKey;
    if (name.indexOf(SORT_SEPARATOR) >= 0) {
      name = name.replace(String.valueOf(SORT_SEPARATOR), "");
    }
    return new BytesRef(name + SORT_SEPARATOR + key);
  }

  /** The distinct words of already folded text, split as {@link ContactAnalyzer} splits search text. */
  private static Set<String> words(CharSequence folded) {
    Set<String> words = new LinkedHashSet<>();
    try (TokenStream stream = FOLDED_WORDS.tokenStream("", folded.toString())) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a string cannot fail", e);
    }
    return words;
  }

  private static void addTerms(Document doc, String field, Collection<String> terms) {
    if (!terms.isEmpty()) {
      doc.add(TermsField.of(field, terms));
    }
  }

  private static void addTerms(Document doc, String field, Collection<String> values, int maxPrefix) {
    if (!values.isEmpty()) {
      doc.add(TermsField.prefixes(field, values, maxPrefix));
    }
  }

  /**
   * The hits for {@code docs} of one searcher, in the given order, each with its score: read from
   * doc values, visiting each segment's documents in increasing order as doc values require.
   */
  public static List<ContactHit> toHits(IndexReader reader, ScoreDoc[] docs) throws IOException {
    // document and position in one long each: sorted without boxing or a comparator
    long[] order = new long[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = ((long) docs[i].doc << 32) | i;
    }
    Arrays.sort(order);
    ContactHit[] hits = new ContactHit[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    ByteArrayDataInput in = new ByteArrayDataInput();
    for (long docAndPosition : order) {
      int doc = (int) (docAndPosition >>> 32);
      int i = (int) docAndPosition;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = DocValues.getBinary(leaf.reader(), Fields.HIT);
      }
      if (!values.advanceExact(doc - leaf.docBase)) {
        throw new IOException("entry document " + doc + " of " + reader + " has no hit value");
      }
      hits[i] = HitRecord.decode(values.binaryValue(), docs[i].score, in);
    }
    return Arrays.asList(hits);
  }

  /** An SMTP address as the exact-lookup key: trimmed and lower-case (the directory's own rule). */
  public static String address(String smtp) {
    return smtp.trim().toLowerCase(Locale.ROOT);
  }

  /** The digits of a telephone number, "+49 (30) 1234-5" -> "493012345". */
  public static String digits(String phone) {
    StringBuilder digits = new StringBuilder(phone.length());
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  static String cut(String value) {
    if (value.length() <= MAX_KEY_LENGTH) {
      return value;
    }
    // never split a surrogate pair
    int end = Character.isHighSurrogate(value.charAt(MAX_KEY_LENGTH - 1)) ? MAX_KEY_LENGTH - 1 : MAX_KEY_LENGTH;
    return value.substring(0, end);
  }
}

package io.convene.search.lucene.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.search.EntryKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TermsFieldTest {

  @Test
  void valuesAreTermsAsTheyAre() throws IOException {
    assertThat(tokens(TermsField.of("f", List.of("jose garcia", "jose")))).containsExactly("jose garcia", "jose");
  }

  @Test
  void eachSharedPrefixIsProducedOnce() throws IOException {
    List<String> tokens = tokens(TermsField.prefixes("f", List.of("jose.garcia7", "jose", "jose garcia", "garcia"), 6));
    assertThat(tokens).containsExactlyInAnyOrder(
        "g", "ga", "gar", "garc", "garci", "garcia",
        "j", "jo", "jos", "jose", "jose ", "jose g", "jose.", "jose.g");
  }

  @Test
  void aPrefixNeverSplitsASurrogatePair() throws IOException {
    String clef = "\uD834\uDD1E"; // U+1D11E, two UTF-16 units
    List<String> tokens = tokens(TermsField.prefixes("f", List.of("a" + clef + "b"), 10));
    assertThat(tokens).containsExactly("a", "a" + clef, "a" + clef + "b");
  }

  @Test
  void theStreamIsReusedForTheNextDocument() throws IOException {
    TokenStream first = TermsField.of("f", List.of("a")).tokenStream(null, null);
    TermsField next = TermsField.prefixes("f", List.of("bc"), 10);
    TokenStream reused = next.tokenStream(null, first);
    assertThat(reused).isSameAs(first);
    assertThat(tokens(next, reused)).containsExactly("b", "bc");
  }

  /** The prefixes are exactly those the plain definition gives: every value's first 1..max characters. */
  @RepeatedTest(20)
  void prefixesAreTheDistinctPrefixesOfEveryValue() throws IOException {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    List<String> values = new ArrayList<>();
    for (int i = random.nextInt(8); i > 0; i--) {
      StringBuilder value = new StringBuilder();
      for (int c = random.nextInt(14); c > 0; c--) {
        value.append("ab .\u00e9".charAt(random.nextInt(5)));
      }
      values.add(value.toString());
    }
    int max = 1 + random.nextInt(10);
    Set<String> expected = new HashSet<>();
    for (String value : values) {
      for (int length = 1; length <= Math.min(max, value.length()); length++) {
        expected.add(value.substring(0, length));
      }
    }

    List<String> tokens = tokens(TermsField.prefixes("f", values, max));

    assertThat(tokens).as("seed %d, values %s, max %d", seed, values, max).doesNotHaveDuplicates();
    assertThat(new HashSet<>(tokens)).as("seed %d, values %s, max %d", seed, values, max).isEqualTo(expected);
  }

  @Test
  void addressesAddTheirLocalPartAsWordsAndTelephoneGroupsNoPrefixes() throws IOException {
    Document doc = EntryDocuments.toDocument(new IndexEntry(EntryKind.GAL_USER, 7, 0, 0, "José García", "José", "García",
        "jgarcia", List.of("Jose.Garcia@Example.com"), "", "Sales", List.of("+1 202 555-0147"), 0, ""));

    assertThat(terms(doc, Fields.ANR_WORDS)).containsExactlyInAnyOrder("jose", "garcia", "jgarcia", "jose.garcia");
    assertThat(terms(doc, Fields.ANR_FULL)).contains("jose garcia", "garcia jose", "jose.garcia@example.com");
    assertThat(terms(doc, Fields.ANR_FULL_PREFIX)).contains("j", "jose.").doesNotContain("e", "example", "jose.g");
    assertThat(terms(doc, Fields.TEXT_WORDS)).containsExactlyInAnyOrder("sales", "1", "202", "555", "0147");
    assertThat(terms(doc, Fields.TEXT_WORD_PREFIX)).containsExactlyInAnyOrder("s", "sa", "sal", "sale", "sales");
    assertThat(terms(doc, Fields.PHONE_DIGITS)).containsExactly("12025550147");
  }

  private static List<String> terms(Document doc, String field) throws IOException {
    List<String> terms = new ArrayList<>();
    for (IndexableField f : doc.getFields(field)) {
      if (f.fieldType().indexOptions() != org.apache.lucene.index.IndexOptions.NONE) {
        terms.addAll(tokens(f, f.tokenStream(null, null)));
      }
    }
    return terms;
  }

  private static List<String> tokens(IndexableField field) throws IOException {
    return tokens(field, field.tokenStream(null, null));
  }

  private static List<String> tokens(IndexableField field, TokenStream stream) throws IOException {
    List<String> tokens = new ArrayList<>();
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    stream.reset();
    while (stream.incrementToken()) {
      tokens.add(term.toString());
    }
    stream.end();
    stream.close();
    return tokens;
  }
}

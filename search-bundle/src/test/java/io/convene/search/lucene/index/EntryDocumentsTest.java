package io.convene.search.lucene.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.search.EntryKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexOptions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The name terms and sort value of a document against their plain definition: every value folded to
 * a key on its own, "first last" and "last first" folded as whole strings, the words of all of them.
 * {@link EntryDocuments#toDocument} folds each value once and builds the combinations from the folded
 * parts; these tests hold it to the definition in every script (accents, Greek final sigma, marks
 * without a base, compatibility forms, blanks and commas inside names).
 */
class EntryDocumentsTest {

  /** Characters that fold in every way {@link NameFolding} knows, plus separators. */
  private static final String[] PIECES = {"a", "B", "é", "Ü", "ß", "ø", "Ł", "Σ", "ς", "ά", "Й", "ё", "王", "ガ", "ｶ", "Ａ",
      "\u0301", "1", " ", ",", ".", "-", "'", "  "};

  @RepeatedTest(200)
  void nameTermsAndSortValueAreThoseOfThePlainDefinition() throws IOException {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    String given = name(random);
    String surname = name(random);
    String display = switch (random.nextInt(4)) {
      case 0 -> given + " " + surname;
      case 1 -> surname + ", " + given;
      case 2 -> given;
      default -> name(random);
    };
    String alias = name(random).replace(" ", "");
    String email = (name(random).replace(" ", "") + "x@Example.com").replace(",", "");
    IndexEntry entry = new IndexEntry(EntryKind.GAL_USER, 7, 0, 0, display, given, surname, alias, List.of(email), "", "",
        List.of(), 0, "");

    Document doc = EntryDocuments.toDocument(entry);

    List<String> values = new ArrayList<>(List.of(display, given, surname, alias, email));
    if (!given.isBlank() && !surname.isBlank()) {
      values.add(given + " " + surname);
      values.add(surname + " " + given);
    }
    Set<String> keys = new HashSet<>();
    Set<String> words = new HashSet<>();
    for (String value : values) {
      if (value.isBlank()) {
        continue;
      }
      keys.add(EntryDocuments.cut(NameFolding.key(value)));
      String folded = NameFolding.fold(value);
      words.addAll(words(value.equals(email) ? folded.substring(0, folded.lastIndexOf('@')) : folded));
    }
    String why = String.format("seed %d, entry %s", seed, entry);
    assertThat(new HashSet<>(terms(doc, Fields.ANR_FULL))).as(why).isEqualTo(keys);
    assertThat(new HashSet<>(terms(doc, Fields.ANR_WORDS))).as(why).isEqualTo(words);
    assertThat(doc.getField(Fields.SORT_NAME).binaryValue()).as(why).isEqualTo(EntryDocuments.sortValue(display, entry.key()));
  }

  @Test
  void firstLastFormsOfAGreekNameKeepTheFinalSigmaOfEachPart() throws IOException {
    Document doc = EntryDocuments.toDocument(new IndexEntry(EntryKind.GAL_USER, 7, 0, 0, "ΝΙΚΟΣ ΠΑΠΑΣ", "ΝΙΚΟΣ", "ΠΑΠΑΣ", "",
        List.of(), "", "", List.of(), 0, ""));

    assertThat(terms(doc, Fields.ANR_FULL)).contains("νικος παπας", "παπας νικος");
    assertThat(terms(doc, Fields.ANR_FULL)).containsAll(List.of(NameFolding.key("ΝΙΚΟΣ ΠΑΠΑΣ"), NameFolding.key("ΠΑΠΑΣ ΝΙΚΟΣ")));
  }

  private static String name(SplittableRandom random) {
    StringBuilder name = new StringBuilder();
    for (int i = random.nextInt(7); i > 0; i--) {
      name.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return name.toString();
  }

  private static List<String> words(String folded) throws IOException {
    List<String> words = new ArrayList<>();
    try (Analyzer analyzer = ContactAnalyzer.foldedWords(); TokenStream stream = analyzer.tokenStream("", folded)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    }
    return words;
  }

  private static List<String> terms(Document doc, String field) throws IOException {
    List<String> terms = new ArrayList<>();
    for (IndexableField f : doc.getFields(field)) {
      if (f.fieldType().indexOptions() != IndexOptions.NONE) {
        try (TokenStream stream = f.tokenStream(null, null)) {
          CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
          stream.reset();
          while (stream.incrementToken()) {
            terms.add(term.toString());
          }
          stream.end();
        }
      }
    }
    return terms;
  }
}

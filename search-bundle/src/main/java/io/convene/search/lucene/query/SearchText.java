package io.convene.search.lucene.query;

import io.convene.api.search.ContactSearch;
import io.convene.api.search.SearchException;
import io.convene.search.lucene.index.ContactAnalyzer;
import io.convene.search.lucene.index.NameFolding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Search text taken apart the way the index took names apart: the whole text as one folded key,
 * and its words. Characters with a meaning in Lucene's query syntax are just characters here; the
 * tokenizer drops the ones that are not part of a word.
 *
 * @param key the whole text as {@link NameFolding#key}
 * @param words the folded words, at most {@link #MAX_WORDS}
 */
record SearchText(String key, List<String> words) {

  /** Words beyond this are ignored: no name has more, and each word is one more clause. */
  static final int MAX_WORDS = 8;

  private static final Analyzer ANALYZER = ContactAnalyzer.foldedWords();

  /**
   * @throws SearchException TEXT_TOO_LONG above {@link ContactSearch#MAX_TEXT_LENGTH}
   */
  static SearchText of(String text) {
    if (text == null) {
      return new SearchText("", List.of());
    }
    if (text.length() > ContactSearch.MAX_TEXT_LENGTH) {
      throw new SearchException(SearchException.Reason.TEXT_TOO_LONG,
          "search text of " + text.length() + " characters; at most " + ContactSearch.MAX_TEXT_LENGTH + " are accepted");
    }
    String key = NameFolding.key(text);
    return new SearchText(key, words(key));
  }

  /** Whether nothing searchable is left (blank, or only punctuation). */
  boolean isEmpty() {
    return words.isEmpty();
  }

  private static List<String> words(String folded) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream("", folded)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (words.size() < MAX_WORDS && stream.incrementToken()) {
        String word = term.toString();
        if (!words.contains(word)) {
          words.add(word);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a string cannot fail", e);
    }
    return words;
  }
}

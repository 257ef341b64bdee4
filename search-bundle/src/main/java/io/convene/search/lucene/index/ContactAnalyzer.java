package io.convene.search.lucene.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Splits names, addresses and numbers into words (Unicode word boundaries, UAX #29, so CJK text
 * becomes one word per ideograph) and folds them. Text reaches it already {@link NameFolding
 * folded}; the filters keep the analyzer correct on its own.
 */
public final class ContactAnalyzer extends Analyzer {

  /**
   * Only the word splitting of this analyzer, for text that is already {@link NameFolding folded}:
   * indexing and searching both fold first, so folding every word again only repeats the work.
   */
  public static Analyzer foldedWords() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new StandardTokenizer());
      }
    };
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    stream = new ASCIIFoldingFilter(stream);
    return new TokenStreamComponents(tokenizer, stream);
  }
}

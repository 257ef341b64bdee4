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

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    stream = new ASCIIFoldingFilter(stream);
    return new TokenStreamComponents(tokenizer, stream);
  }
}

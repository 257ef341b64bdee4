package io.convene.search.lucene.index;

import java.text.Normalizer;
import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Case and accent folding applied to every indexed name and every search text, so that "José",
 * "JOSE" and "jose" are one word. Compatibility decomposition strips the marks of every script
 * (Latin, Greek tonos, Cyrillic breve, kana voicing), ASCII folding then maps letters that do not
 * decompose ("ø", "ß", "ł", "æ"), and the result is lower-cased.
 */
public final class NameFolding {

  private NameFolding() {}

  public static String fold(String text) {
    if (isPlainAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    char[] bare = new char[decomposed.length()];
    int length = 0;
    boolean ascii = true;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      int count = Character.charCount(cp);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK) {
        decomposed.getChars(i, i + count, bare, length);
        length += count;
        ascii &= cp < 0x80;
      }
      i += count;
    }
    if (ascii) {
      return new String(bare, 0, length).toLowerCase(Locale.ROOT);
    }
    // ASCII folding expands a character to at most four ("⑽" -> "(10)")
    char[] out = new char[length * 4];
    int folded = ASCIIFoldingFilter.foldToASCII(bare, 0, out, 0, length);
    return new String(out, 0, folded).toLowerCase(Locale.ROOT);
  }

  /**
   * A whole value as one comparable key: folded, commas and semicolons read as blanks, runs of
   * blanks collapsed, so "Smith,  John" and "smith john" are the same key.
   */
  public static String key(String text) {
    return keyOfFolded(fold(text));
  }

  /** {@link #key} of text that is already {@link #fold folded}. */
  static String keyOfFolded(String folded) {
    StringBuilder key = new StringBuilder(folded.length());
    boolean blank = true;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isWhitespace(c) || c == ',' || c == ';') {
        blank = true;
      } else {
        if (blank && key.length() > 0) {
          key.append(' ');
        }
        blank = false;
        key.append(c);
      }
    }
    return key.toString();
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}

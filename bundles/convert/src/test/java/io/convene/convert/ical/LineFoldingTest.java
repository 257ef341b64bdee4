package io.convene.convert.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Folding at 75 octets of UTF-8 (RFC 5545 3.1), never inside a character. */
class LineFoldingTest {

  private static String fold(String line) {
    StringBuilder out = new StringBuilder();
    LineFolding.appendFolded(line, out);
    return out.toString();
  }

  @Test
  void foldsAtSeventyFiveOctets() {
    assertThat(fold("x".repeat(75))).isEqualTo("x".repeat(75) + "\r\n");
    assertThat(fold("x".repeat(76))).isEqualTo("x".repeat(75) + "\r\n x\r\n");
    // é is two octets: at 74 + 2 it no longer fits the first line.
    assertThat(fold("x".repeat(74) + "é")).isEqualTo("x".repeat(74) + "\r\n é\r\n");
    // 😀 is a surrogate pair of four octets and stays whole.
    assertThat(fold("x".repeat(73) + "😀")).isEqualTo("x".repeat(73) + "\r\n 😀\r\n");
    // A lone surrogate counts as the three octets a replacement would take.
    assertThat(fold("x".repeat(72) + "\uD800")).isEqualTo("x".repeat(72) + "\uD800\r\n");
    assertThat(fold("")).isEqualTo("\r\n");
  }

  @Test
  void randomLinesFitAndUnfoldToThemselves() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String[] pieces = {"a", "Z", " ", ";", "é", "ß", "会", "議", "😀", "\uDC00", "\t"};
    for (int n = 0; n < 500; n++) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(300);
      for (int i = 0; i < length; i++) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      String folded = fold(line.toString());
      assertThat(folded).as("seed %d", seed).endsWith("\r\n");
      for (String physical : folded.substring(0, folded.length() - 2).split("\r\n", -1)) {
        assertThat(LineFolding.octets(physical)).as("seed %d: %s", seed, physical).isLessThanOrEqualTo(LineFolding.MAX_OCTETS);
      }
      assertThat(ICalParser.unfold(folded)).as("seed %d", seed).isEqualTo(line + "\r\n");
    }
  }
}

package io.convene.search.lucene.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameFoldingTest {

  @ParameterizedTest
  @CsvSource({
      "José, jose",
      "MÜLLER, muller",
      "Øyvind Ærø, oyvind aero",
      "Straße, strasse",
      "Łukasz Wałęsa, lukasz walesa",
      "Ñúñez, nunez",
      "Νίκος, νικος",
      "Ёлка Йошкар, елка иошкар",
      "ガギ, カキ",
      "王小明, 王小明",
      "ＡＢＣ, abc"})
  void foldsCaseAndAccentsOfEveryScript(String text, String folded) {
    assertThat(NameFolding.fold(text)).isEqualTo(folded);
  }

  @Test
  void keysCollapseBlanksAndSeparators() {
    assertThat(NameFolding.key("Smith, John")).isEqualTo("smith john");
    assertThat(NameFolding.key("  Smith ,  John ; Jr  ")).isEqualTo("smith john jr");
    assertThat(NameFolding.key("\tJosé\nGarcía")).isEqualTo("jose garcia");
    assertThat(NameFolding.key(",;")).isEmpty();
  }
}

package io.convene.search.lucene.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one sort value per entry ({@link EntryDocuments#sortValue}) must order entries as the pair
 * (folded display name, key) does, which is the ranking of equal scores.
 */
class SortValueTest {

  private static final String[] PARTS = {"", "a", "A", "ab", "b", " ", ",", "é", "e", "z", "Ω", "王", "\uD83D\uDE00", "~"};

  private record Entry(String name, String key) {}

  private static final Comparator<Entry> BY_PAIR = Comparator.comparing((Entry e) -> new BytesRef(NameFolding.key(e.name())))
      .thenComparing(e -> new BytesRef(e.key()));

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void ordersAsNameThenKey(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      Entry a = entry(random);
      Entry b = entry(random);
      int expected = Integer.signum(BY_PAIR.compare(a, b));
      int actual = Integer.signum(EntryDocuments.sortValue(a.name(), a.key()).compareTo(EntryDocuments.sortValue(b.name(), b.key())));
      assertThat(actual).as("seed %d: %s vs %s", seed, a, b).isEqualTo(expected);
    }
  }

  @Test
  void aNameThatIsAPrefixOfAnotherSortsFirstWhateverTheKeys() {
    assertThat(EntryDocuments.sortValue("Ann", "p:9:9").compareTo(EntryDocuments.sortValue("Anna", "g:1"))).isNegative();
    assertThat(EntryDocuments.sortValue("Ann", "g:2").compareTo(EntryDocuments.sortValue("ann", "g:10"))).isPositive();
  }

  @Test
  void aNulInANameCannotReachTheKey() {
    assertThat(EntryDocuments.sortValue("Ann\0zzz", "g:1")).isEqualTo(EntryDocuments.sortValue("Annzzz", "g:1"));
  }

  private static Entry entry(SplittableRandom random) {
    StringBuilder name = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      name.append(PARTS[random.nextInt(PARTS.length)]);
    }
    String key = random.nextBoolean() ? "g:" + random.nextInt(30) : "p:" + random.nextInt(5) + ":" + random.nextInt(30);
    return new Entry(name.toString(), key);
  }
}

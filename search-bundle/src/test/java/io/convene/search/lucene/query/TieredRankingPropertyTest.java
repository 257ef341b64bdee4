package io.convene.search.lucene.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.search.ContactHit;
import io.convene.api.search.EntryKind;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.EntryDocuments;
import io.convene.search.lucene.index.IndexEntry;
import io.convene.search.lucene.index.NameFolding;
import io.convene.search.lucene.query.ContactQueries.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages of ranked hits against their plain definition, on seeded random indexes of several
 * segments: every match of each tier, less the entries an earlier tier matched and those the caller
 * may not see, sorted by (folded display name, key), tiers one after the other, then cut to the
 * page. The searches take shortcuts (early termination per segment, merging run heads, skipping an
 * earlier tier's hits instead of excluding its query, one sort value per entry); none may change a
 * page. The seed is in every failure message.
 */
class TieredRankingPropertyTest {

  private static final Caller ALICE = Caller.account(1);
  private static final Set<Long> GRANTING_OWNERS = Set.of(2L, 3L);
  private static final String[] GIVEN = {"Ann", "Anna", "Anne", "José", "Jos", "Björn", "Bo", "Иван", "Anna Maria"};
  private static final String[] SURNAMES = {"Lee", "Leeds", "García", "Garcia", "Ng", "Müller", "Muller", "Иванов", "Lee-Ng"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void pagesAreTheTiersInIndexOrder(long seed, @TempDir Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    try (ContactIndex index = ContactIndex.open(dir, Duration.ofHours(1))) {
      Map<String, IndexEntry> byHitKey = new HashMap<>();
      int segments = 2 + random.nextInt(4);
      for (int s = 0; s < segments; s++) {
        int count = 1 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
          IndexEntry entry = entry(random, byHitKey.size() + 1);
          byHitKey.put(hitKey(entry), entry);
          index.upsert(entry);
        }
        index.commit();
        index.refresh();
      }
      LuceneContactSearch search = new LuceneContactSearch(index, (caller, owner, folder) -> GRANTING_OWNERS.contains(owner), 1000);
      for (int q = 0; q < 60; q++) {
        String text = query(random);
        QueryOptions options = QueryOptions.page(random.nextInt(4) * 5, 1 + random.nextInt(12));
        List<ContactHit> expected = expected(index, byHitKey, ContactQueries.anr(SearchText.of(text)));
        HitPage page = search.resolve(ALICE, text, options);
        int end = Math.min(expected.size(), options.offset() + options.limit());
        List<String> wanted = options.offset() >= end ? List.of() : expected.subList(options.offset(), end).stream()
            .map(TieredRankingPropertyTest::hitKey).toList();
        String what = "seed " + seed + ", query '" + text + "', " + options;
        assertThat(page.hits().stream().map(TieredRankingPropertyTest::hitKey).toList()).as(what).isEqualTo(wanted);
        assertThat(page.hits()).as(what).extracting(ContactHit::score)
            .isEqualTo(expected.subList(Math.min(options.offset(), end), end).stream().map(ContactHit::score).toList());
        assertThat(page.more()).as(what).isEqualTo(expected.size() > options.offset() + options.limit());
      }
    }
  }

  /** The definition: each tier's visible matches not matched by an earlier tier, by name then key. */
  private static List<ContactHit> expected(ContactIndex index, Map<String, IndexEntry> byHitKey, List<Tier> tiers)
      throws IOException {
    return index.search(searcher -> {
      Set<String> earlier = new LinkedHashSet<>();
      List<ContactHit> ranked = new ArrayList<>();
      for (Tier tier : tiers) {
        List<ContactHit> matches = new ArrayList<>();
        for (ContactHit hit : all(searcher, tier)) {
          if (earlier.add(hitKey(hit)) && visible(hit)) {
            matches.add(hit);
          }
        }
        matches.sort(Comparator.comparing((ContactHit hit) -> NameFolding.key(hit.displayName()))
            .thenComparing(hit -> byHitKey.get(hitKey(hit)).key()));
        ranked.addAll(matches);
      }
      return ranked;
    });
  }

  private static List<ContactHit> all(IndexSearcher searcher, Tier tier) throws IOException {
    List<ScoreDoc> docs = new ArrayList<>();
    searcher.search(tier.query(), new SimpleCollector() {
      private int base;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        docs.add(new ScoreDoc(base + doc, tier.score()));
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return EntryDocuments.toHits(searcher.getIndexReader(), docs.toArray(ScoreDoc[]::new));
  }

  private static boolean visible(ContactHit hit) {
    return hit.kind().isGal() || hit.accountId() == ALICE.accountId() || GRANTING_OWNERS.contains(hit.accountId());
  }

  private static String hitKey(ContactHit hit) {
    return hit.kind() + "/" + hit.accountId() + "/" + hit.messageId().map(id -> id.toLong()).orElse(0L);
  }

  private static String hitKey(IndexEntry entry) {
    return entry.kind() + "/" + entry.accountId() + "/" + entry.messageId();
  }

  /** Few distinct names, so equal names (ties by key), names that are prefixes of others, accents. */
  private static IndexEntry entry(SplittableRandom random, int n) {
    String given = GIVEN[random.nextInt(GIVEN.length)];
    String surname = SURNAMES[random.nextInt(SURNAMES.length)];
    String display = switch (random.nextInt(4)) {
      case 0 -> given;
      case 1 -> surname + ", " + given;
      default -> given + " " + surname;
    };
    if (random.nextInt(3) == 0) {
      long owner = 1 + random.nextInt(5);
      return new IndexEntry(EntryKind.PERSONAL_CONTACT, owner, FolderId.of(1, owner).toLong(), 1000 + n, display, given,
          surname, "", List.of(), "", "", List.of(), 0, "");
    }
    EntryKind kind = random.nextInt(8) == 0 ? EntryKind.GAL_ROOM : EntryKind.GAL_USER;
    String alias = NameFolding.key(given).replace(' ', '.') + n;
    return new IndexEntry(kind, 100 + n, 0, 0, display, given, surname, alias, List.of(alias + "@example.com"), "", "",
        List.of(), 0, "");
  }

  private static String query(SplittableRandom random) {
    String given = GIVEN[random.nextInt(GIVEN.length)];
    String surname = SURNAMES[random.nextInt(SURNAMES.length)];
    String text = switch (random.nextInt(4)) {
      case 0 -> given;
      case 1 -> surname + ", " + given;
      case 2 -> given + " " + surname;
      default -> surname;
    };
    return text.substring(0, 1 + random.nextInt(text.length()));
  }
}

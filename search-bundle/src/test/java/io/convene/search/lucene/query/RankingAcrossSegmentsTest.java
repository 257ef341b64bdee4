package io.convene.search.lucene.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.search.ContactHit;
import io.convene.api.search.EntryKind;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.search.lucene.SearchFixture;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.EntryDocuments;
import io.convene.search.lucene.index.IndexEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mechanics behind fast ranking, on the index alone: tiers collected in index order from
 * several segments and merged, indexed prefixes and the expansion beyond them, foreign folders
 * asked lazily and bounded, and bulk loading.
 */
class RankingAcrossSegmentsTest {

  private static final Caller ALICE = Caller.account(1);
  /** Long enough that only explicit refreshes make writes visible. */
  private static final Duration NO_PERIODIC_REFRESH = Duration.ofHours(1);

  private ContactIndex index;
  private final Set<Long> askedFolders = ConcurrentHashMap.newKeySet();
  private final Set<Long> grantedOwners = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void open(@TempDir Path dir) throws Exception {
    index = ContactIndex.open(dir, NO_PERIODIC_REFRESH);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private LuceneContactSearch search(int maxForeignFolders) {
    return new LuceneContactSearch(index, (caller, owner, folder) -> {
      askedFolders.add(folder.toLong());
      return grantedOwners.contains(owner);
    }, maxForeignFolders);
  }

  private static IndexEntry user(long id, String displayName, String alias) {
    return new IndexEntry(EntryKind.GAL_USER, id, 0, 0, displayName, "", "", alias, List.of(alias + "@example.com"), "", "",
        List.of(), 0, "");
  }

  private static IndexEntry contact(long owner, long message, String given, String surname) {
    return new IndexEntry(EntryKind.PERSONAL_CONTACT, owner, folder(owner), message, given + " " + surname, given, surname, "",
        List.of(), "", "", List.of(), 0, "");
  }

  private static long folder(long owner) {
    return FolderId.of(1, owner).toLong();
  }

  /** Writes each batch and makes it a segment of its own. */
  private void segments(List<List<IndexEntry>> batches) throws Exception {
    for (List<IndexEntry> batch : batches) {
      for (IndexEntry entry : batch) {
        index.upsert(entry);
      }
      index.commit();
      index.refresh();
    }
  }

  private static List<String> names(HitPage page) {
    return page.hits().stream().map(ContactHit::displayName).toList();
  }

  @Test
  void equalScoresFollowTheNameAcrossSegmentsAndPagesJoinUp() throws Exception {
    segments(List.of(
        List.of(user(11, "Pat Delta", "pd"), user(12, "Pat Alpha", "pa")),
        List.of(user(13, "Pat Echo", "pe"), user(14, "Pat Bravo", "pb")),
        List.of(user(15, "Pat Charlie", "pc"), user(16, "Pat", "pat"))));
    int segments = index.search(searcher -> searcher.getIndexReader().leaves().size());
    assertThat(segments).isGreaterThan(1);
    LuceneContactSearch search = search(10);

    // "Pat" is exact, then every other name starts with "pat": by name, whichever segment holds it
    assertThat(names(search.resolve(ALICE, "pat", QueryOptions.DEFAULT)))
        .containsExactly("Pat", "Pat Alpha", "Pat Bravo", "Pat Charlie", "Pat Delta", "Pat Echo");
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 6; offset += 2) {
      HitPage page = search.resolve(ALICE, "pat", QueryOptions.page(offset, 2));
      assertThat(page.more()).isEqualTo(offset + 2 < 6);
      paged.addAll(names(page));
    }
    assertThat(paged).containsExactly("Pat", "Pat Alpha", "Pat Bravo", "Pat Charlie", "Pat Delta", "Pat Echo");
  }

  @Test
  void equalNamesRankByKeyAcrossSegments() throws Exception {
    segments(List.of(List.of(user(23, "Sam Same", "s3"), user(21, "Sam Same", "s1")), List.of(user(22, "Sam Same", "s2"))));

    List<ContactHit> hits = search(10).resolve(ALICE, "sam", QueryOptions.DEFAULT).hits();
    // keys "g:21" < "g:22" < "g:23"
    assertThat(hits).extracting(ContactHit::accountId).containsExactly(21L, 22L, 23L);
  }

  @Test
  void prefixesLongerThanTheIndexedOnesStillMatch() throws Exception {
    String alias = "maximilian.bartholomew";
    segments(List.of(List.of(user(31, "Maximilian Bartholomew", alias), user(32, "Max Other", "max.other"))));
    LuceneContactSearch search = search(10);

    for (int length = 1; length <= alias.length(); length++) {
      String prefix = alias.substring(0, length);
      assertThat(names(search.resolve(ALICE, prefix, QueryOptions.DEFAULT))).as(prefix).contains("Maximilian Bartholomew");
    }
    String beyond = alias.substring(0, EntryDocuments.MAX_PREFIX + 2);
    assertThat(names(search.resolve(ALICE, beyond + "x", QueryOptions.DEFAULT))).isEmpty();
    // a word longer than the indexed prefixes, inside a whole value
    assertThat(names(search.resolve(ALICE, "Bartholomew Maximil", QueryOptions.DEFAULT))).containsExactly("Maximilian Bartholomew");
    assertThat(names(search.resolve(ALICE, "Bartholomewx", QueryOptions.DEFAULT))).isEmpty();
  }

  @Test
  void foreignFoldersAreAskedOnlyForMatchesThatCouldBeShownAndAtMostTheLimit() throws Exception {
    List<IndexEntry> entries = new ArrayList<>();
    for (long owner = 2; owner <= 6; owner++) {
      entries.add(contact(owner, 100 + owner, "Quinn", "Owner" + owner));
    }
    entries.add(contact(1, 200, "Quinn", "Mine"));
    segments(List.of(entries.subList(0, 3), entries.subList(3, entries.size())));
    grantedOwners.addAll(List.of(2L, 3L, 4L, 5L, 6L));

    // the page of two is full before the folders of later matches come up
    HitPage firstTwo = search(10).resolve(ALICE, "quinn", QueryOptions.page(0, 1));
    assertThat(names(firstTwo)).containsExactly("Quinn Mine");
    assertThat(askedFolders).hasSizeLessThan(5);

    // at most two foreign folders asked: the contacts in the other three stay hidden
    askedFolders.clear();
    List<String> limited = names(search(2).resolve(ALICE, "quinn", QueryOptions.DEFAULT));
    assertThat(askedFolders).hasSize(2);
    assertThat(limited).hasSize(3).contains("Quinn Mine");

    grantedOwners.clear();
    assertThat(names(search(10).resolve(ALICE, "quinn", QueryOptions.DEFAULT))).containsExactly("Quinn Mine");
  }

  @Test
  void aBulkLoadAddsWithoutKeyLookupsAndShowsEverythingWhenClosed() throws Exception {
    try (ContactIndex.BulkLoad bulk = index.bulkLoad()) {
      for (int i = 0; i < 50; i++) {
        index.add(user(1000 + i, "Bulk Person " + i, "bulk" + i));
      }
    }
    // no periodic refresh in this test: closing the bulk load made the entries searchable
    assertThat(index.size()).isEqualTo(50);
    assertThat(search(10).resolve(ALICE, "bulk person 4", QueryOptions.DEFAULT).hits()).isNotEmpty();
    // live changes still replace
    index.upsert(user(1000, "Renamed Person", "bulk0"));
    index.refresh();
    assertThat(index.size()).isEqualTo(50);
  }

  @Test
  void aBulkLoadEndsByMergingTheIndexIntoOneSegmentInTheBackground() throws Exception {
    try (ContactIndex.BulkLoad bulk = index.bulkLoad()) {
      for (int part = 0; part < 3; part++) {
        for (int i = 0; i < 20; i++) {
          index.add(user(2000 + part * 100 + i, "Merged Person " + part + " " + i, "merged" + part + "x" + i));
        }
        index.refresh(); // each refresh flushes the buffered entries as a segment of their own
      }
      assertThat(segments()).isEqualTo(3);
    }
    List<String> before = names(search(10).resolve(ALICE, "merged person", QueryOptions.page(0, 100)));

    // no merge is asked for here: the end of the bulk load started it
    int segments = segmentsOnceMergedToOne();

    assertThat(segments).isEqualTo(1);
    assertThat(index.size()).isEqualTo(60);
    assertThat(names(search(10).resolve(ALICE, "merged person", QueryOptions.page(0, 100)))).hasSize(60).isEqualTo(before);
  }

  /** A segment merged while the load fills would be read and written again by the final merge. */
  @Test
  void nothingIsMergedWhileABulkLoadFills() throws Exception {
    try (ContactIndex.BulkLoad bulk = index.bulkLoad()) {
      for (int part = 0; part < 15; part++) {
        index.add(user(4000 + part, "Filling Person " + part, "filling" + part));
        index.refresh(); // a segment of its own each time: more than a merge policy's tier of 10
      }
      // merges run in the background: tiny segments would be merged well within this time
      Thread.sleep(1_000);
      index.refresh();
      assertThat(segments()).isEqualTo(15);
    }
    int segments = segmentsOnceMergedToOne();
    assertThat(segments).as("merged once the load ended").isEqualTo(1);
  }

  @Test
  void mergingIntoOneSegmentKeepsEveryEntryAndTheRanking() throws Exception {
    for (int part = 0; part < 3; part++) {
      index.upsert(user(3000 + part, "Zed Person " + part, "zed" + part));
      index.upsert(user(3100 + part, "Amy Person " + part, "amy" + part));
      index.refresh();
    }
    List<String> before = names(search(10).resolve(ALICE, "person", QueryOptions.DEFAULT));
    assertThat(segments()).isGreaterThan(1);
    index.commit();

    index.mergeToOneSegment();
    index.refresh();

    assertThat(segments()).isEqualTo(1);
    assertThat(names(search(10).resolve(ALICE, "person", QueryOptions.DEFAULT))).isEqualTo(before)
        .startsWith("Amy Person 0", "Amy Person 1", "Amy Person 2", "Zed Person 0");
    // the next commit makes the merge durable although no entry changed since the last one
    index.commit();
    try (Directory directory = FSDirectory.open(index.path()); DirectoryReader committed = DirectoryReader.open(directory)) {
      assertThat(committed.leaves()).hasSize(1);
      assertThat(committed.numDocs()).isEqualTo(6);
    }
  }

  /** The segment count once a background merge has left one (or after 30 s). */
  private int segmentsOnceMergedToOne() {
    return SearchFixture.eventually(() -> {
      try {
        index.refresh();
        return segments();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, count -> count == 1, Duration.ofSeconds(30));
  }

  private int segments() throws Exception {
    return index.search(searcher -> searcher.getIndexReader().leaves().size());
  }
}

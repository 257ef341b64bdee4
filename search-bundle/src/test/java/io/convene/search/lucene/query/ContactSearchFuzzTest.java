package io.convene.search.lucene.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.api.search.ContactHit;
import io.convene.api.search.ContactSearch;
import io.convene.api.search.EntryKind;
import io.convene.api.search.QueryOptions;
import io.convene.api.search.SearchException;
import io.convene.api.store.Caller;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.IndexEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the search text: whatever a client types, a search returns hits the caller may see or
 * refuses with {@link SearchException} TEXT_TOO_LONG; nothing else escapes (no query-parser or
 * analyzer exception).
 *
 * <p>A normal test run replays the seeds in {@code
 * src/test/resources/io/convene/search/lucene/query/ContactSearchFuzzTestInputs/searchArbitraryText/}.
 * To fuzz for the method's {@code maxDuration}:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f search-bundle/pom.xml test -Dtest='ContactSearchFuzzTest#searchArbitraryText'
 * </pre>
 */
class ContactSearchFuzzTest {

  private static final long OWNER = 7;
  private static final Caller STRANGER = Caller.account(8);
  private static Path directory;
  private static ContactIndex index;
  private static ContactSearch search;

  @BeforeAll
  static void open() throws Exception {
    directory = Files.createTempDirectory("contact-fuzz");
    index = ContactIndex.open(directory, Duration.ofMillis(100));
    index.upsert(new IndexEntry(EntryKind.GAL_USER, 1, 0, 0, "José García", "", "", "jgarcia",
        List.of("jose@example.com"), "", "", List.of(), 0, ""));
    index.upsert(new IndexEntry(EntryKind.PERSONAL_CONTACT, OWNER, 0x0100_0000_0000_0001L, 0x0100_0000_0000_0002L,
        "Hidden *Star*", "Hidden", "Star", "", List.of("star@example.com"), "ACME (Q&A)", "R+D", List.of("+1 555 0100"),
        0, ""));
    index.refresh();
    // nobody is granted anything: the stranger must never see the personal contact
    search = new LuceneContactSearch(index, (caller, owner, folder) -> false, 10);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    try (var files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @FuzzTest(maxDuration = "5m")
  void searchArbitraryText(FuzzedDataProvider data) {
    int mode = data.consumeInt(0, 2);
    String text = data.consumeRemainingAsString();
    List<ContactHit> hits;
    try {
      hits = switch (mode) {
        case 0 -> search.resolve(STRANGER, text, QueryOptions.DEFAULT).hits();
        case 1 -> search.search(STRANGER, text, QueryOptions.DEFAULT).hits();
        default -> search.findByAddress(STRANGER, text);
      };
    } catch (SearchException e) {
      assertThat(e.reason()).isEqualTo(SearchException.Reason.TEXT_TOO_LONG);
      assertThat(text.length()).isGreaterThan(ContactSearch.MAX_TEXT_LENGTH);
      return;
    }
    assertThat(hits).allSatisfy(hit -> assertThat(hit.kind()).isEqualTo(EntryKind.GAL_USER));
  }
}

package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The epoch-keyed folder facts on their own: what is kept, for how long, and what never is. */
class FolderStateCacheTest {

  private final FolderStateCache cache = new FolderStateCache();
  private final AtomicInteger loads = new AtomicInteger();

  private FolderStateCache.TypeLoader type(int value) {
    return () -> {
      loads.incrementAndGet();
      return value;
    };
  }

  private FolderStateCache.CountLoader counts(int content, int unread, int associated) {
    return () -> {
      loads.incrementAndGet();
      return new int[] {content, unread, associated};
    };
  }

  @Test
  void countsAreKeptUntilAWriteEnds() throws Exception {
    assertThat(cache.counts(7, false, counts(3, 1, 0))).containsExactly(3, 1, 0);
    assertThat(cache.counts(7, false, counts(9, 9, 9))).containsExactly(3, 1, 0);
    assertThat(loads).hasValue(1);

    cache.writeEnded(false); // even a failed write: its outcome may be unknown

    assertThat(cache.epoch()).isEqualTo(1);
    assertThat(cache.counts(7, false, counts(4, 2, 1))).containsExactly(4, 2, 1);
    assertThat(loads).hasValue(2);
  }

  @Test
  void typesAreKeptUntilAWriteDropsFolders() throws Exception {
    assertThat(cache.type(7, false, type(SearchFolders.GENERIC))).isEqualTo(SearchFolders.GENERIC);
    cache.writeEnded(true);
    cache.writeEnded(false);
    assertThat(cache.type(7, false, type(SearchFolders.SEARCH))).isEqualTo(SearchFolders.GENERIC);
    assertThat(loads).hasValue(1);

    cache.foldersDropped();
    cache.writeEnded(false); // a deletion that failed may still have committed

    assertThat(cache.folderEpoch()).isEqualTo(1);
    assertThat(cache.type(7, false, type(SearchFolders.SEARCH))).isEqualTo(SearchFolders.SEARCH);
    assertThat(loads).hasValue(2);
    cache.writeEnded(true); // the next write drops nothing
    assertThat(cache.type(7, false, type(SearchFolders.GENERIC))).isEqualTo(SearchFolders.SEARCH);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aMissingFolderIsNotKept() throws Exception {
    FolderStateCache.TypeLoader missing = () -> {
      loads.incrementAndGet();
      throw new StoreException(StoreError.NOT_FOUND, "no folder");
    };
    assertThatThrownBy(() -> cache.type(7, false, missing)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> cache.type(7, false, missing)).isInstanceOf(StoreException.class);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aWriteReadsCommittedExistenceAndKeepsWhatItReadOnlyOnceItCommitted() throws Exception {
    cache.type(1, false, type(SearchFolders.GENERIC));
    // inside a write: what was committed before it is served ...
    assertThat(cache.type(1, true, type(SearchFolders.SEARCH))).isEqualTo(SearchFolders.GENERIC);
    // ... what it reads itself (a folder it created, say) may never commit: no other reader is given it
    cache.type(2, true, type(SearchFolders.SEARCH));
    assertThat(cache.type(2, false, type(SearchFolders.GENERIC))).isEqualTo(SearchFolders.GENERIC);
    cache.type(3, true, type(SearchFolders.SEARCH));
    cache.writeEnded(false);
    assertThat(loads).hasValue(4);
    assertThat(cache.type(3, false, type(SearchFolders.GENERIC))).isEqualTo(SearchFolders.GENERIC);
    assertThat(loads).hasValue(5);

    cache.type(4, true, type(SearchFolders.SEARCH));
    cache.writeEnded(true);
    assertThat(cache.type(4, false, type(SearchFolders.GENERIC))).isEqualTo(SearchFolders.SEARCH);
    assertThat(loads).hasValue(6);
  }

  @Test
  void countsInsideAWriteAreAlwaysCountedAndNeverKept() throws Exception {
    cache.counts(1, false, counts(1, 1, 1));
    assertThat(cache.counts(1, true, counts(5, 5, 5))).containsExactly(5, 5, 5);
    cache.counts(2, true, counts(6, 6, 6));
    assertThat(cache.counts(2, false, counts(0, 0, 0))).containsExactly(0, 0, 0);
    assertThat(loads).hasValue(4);
  }

  @Test
  void callersGetCopiesOfTheCounts() throws Exception {
    cache.counts(1, false, counts(3, 2, 1))[0] = 99;
    assertThat(cache.counts(1, false, counts(0, 0, 0))).containsExactly(3, 2, 1);
  }

  @Test
  void atMostMaxFoldersAreKeptPerEpoch() throws Exception {
    for (long folder = 0; folder < FolderStateCache.MAX_FOLDERS + 10; folder++) {
      cache.type(folder, false, type(SearchFolders.GENERIC));
    }
    loads.set(0);
    for (long folder = 0; folder < FolderStateCache.MAX_FOLDERS + 10; folder++) {
      cache.type(folder, false, type(SearchFolders.GENERIC));
    }
    assertThat(loads).hasValue(10);
  }
}

package io.convene.storage.derby.store;

import io.convene.api.store.MessageId;
import io.convene.api.store.StoredItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the appointments a calendar range query found in its order: by start, equal starts by
 * stored id. Single appointments come from a scan of the start index, so they arrive by start
 * already and only runs of equal starts need sorting; recurring masters, a few, come from the
 * series-end index and are merged in. A week of a busy calendar is about 1,000 items: a general
 * sort of them (the ties break its runs) and a map to drop masters found twice were a tenth of the
 * query's CPU.
 */
final class CalendarOrder {

  /** An appointment and the start its row was found with ({@link Long#MIN_VALUE} for none). */
  record Timed(long start, StoredItem item) {}

  static final Comparator<Timed> ORDER = (a, b) -> a.start() != b.start() ? Long.compare(a.start(), b.start())
      : Long.compare(a.item().id().toLong(), b.item().id().toLong());

  private final List<Timed> masters = new ArrayList<>();
  private final Set<MessageId> masterIds = new HashSet<>();
  private final List<Timed> singles = new ArrayList<>(256);

  /** A recurring master; add all of them before the singles. */
  void addMaster(Timed master) {
    if (masterIds.add(master.item().id())) {
      masters.add(master);
    }
  }

  /** A single appointment, in the order of the scan; one already found as a master is left out. */
  void addSingle(Timed single) {
    if (masterIds.isEmpty() || !masterIds.contains(single.item().id())) {
      singles.add(single);
    }
  }

  /** The items in order. */
  List<StoredItem> items() {
    Timed[] sortedSingles = singles.toArray(Timed[]::new);
    sortByStart(sortedSingles);
    Timed[] sortedMasters = masters.toArray(Timed[]::new);
    Arrays.sort(sortedMasters, ORDER);
    StoredItem[] merged = new StoredItem[sortedSingles.length + sortedMasters.length];
    int s = 0;
    int m = 0;
    for (int i = 0; i < merged.length; i++) {
      boolean takeSingle = m == sortedMasters.length
          || s < sortedSingles.length && ORDER.compare(sortedSingles[s], sortedMasters[m]) <= 0;
      merged[i] = takeSingle ? sortedSingles[s++].item() : sortedMasters[m++].item();
    }
    return Collections.unmodifiableList(Arrays.asList(merged));
  }

  /**
   * Sorts by {@link #ORDER}: items already ascending by start only get their runs of equal starts
   * sorted by id; anything else (the database promises no order without ORDER BY) a full sort.
   */
  static void sortByStart(Timed[] timed) {
    for (int i = 1; i < timed.length; i++) {
      if (timed[i - 1].start() > timed[i].start()) {
        Arrays.sort(timed, ORDER);
        return;
      }
    }
    int runStart = 0;
    for (int i = 1; i <= timed.length; i++) {
      if (i == timed.length || timed[i].start() != timed[runStart].start()) {
        if (i - runStart > 1) {
          Arrays.sort(timed, runStart, i, ORDER);
        }
        runStart = i;
      }
    }
  }
}

package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.ChangeNumber;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import io.convene.api.store.StoredItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalendarOrderTest {

  private static final FolderId CALENDAR = FolderId.of(1, 7);

  /** Counters below 256 keep their order in the stored form (the low counter byte is its top byte). */
  @Test
  void equalStartsAreOrderedByStoredIdAndMastersMergedIn() {
    CalendarOrder order = new CalendarOrder();
    order.addMaster(timed(200, 9));
    order.addMaster(timed(Long.MIN_VALUE, 3));
    order.addSingle(timed(100, 40));
    order.addSingle(timed(200, 12));
    order.addSingle(timed(200, 5));
    order.addSingle(timed(300, 1));

    assertThat(order.items()).extracting(item -> item.id().toLong())
        .containsExactly(id(3), id(40), id(5), id(9), id(12), id(1));
  }

  @Test
  void aMasterAlsoFoundAsASingleIsListedOnce() {
    CalendarOrder order = new CalendarOrder();
    order.addMaster(timed(100, 8));
    order.addSingle(timed(100, 8));
    order.addSingle(timed(50, 2));

    assertThat(order.items()).extracting(item -> item.id().toLong()).containsExactly(id(2), id(8));
  }

  /** The result equals a full sort of the distinct items, whatever order the scans return. */
  @Test
  void matchesAFullSortForRandomScans() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 500; round++) {
      List<CalendarOrder.Timed> singles = new ArrayList<>();
      int count = random.nextInt(60);
      for (int i = 0; i < count; i++) {
        // few distinct starts, so equal starts are common; counters up to 2^40 scatter stored ids
        singles.add(timed(random.nextInt(8) * 900_000L, random.nextLong() >>> 24));
      }
      boolean indexOrder = random.nextBoolean();
      if (indexOrder) {
        singles.sort((a, b) -> Long.compare(a.start(), b.start()));
      }
      List<CalendarOrder.Timed> masters = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        masters.add(random.nextBoolean() && !singles.isEmpty()
            ? singles.get(random.nextInt(singles.size()))
            : timed(random.nextBoolean() ? Long.MIN_VALUE : random.nextInt(8) * 900_000L, random.nextLong() >>> 24));
      }
      CalendarOrder order = new CalendarOrder();
      masters.forEach(order::addMaster);
      singles.forEach(order::addSingle);

      List<CalendarOrder.Timed> expected = new ArrayList<>();
      for (CalendarOrder.Timed timed : masters) {
        if (expected.stream().noneMatch(t -> t.item().id().equals(timed.item().id()))) {
          expected.add(timed);
        }
      }
      for (CalendarOrder.Timed timed : singles) {
        if (expected.stream().noneMatch(t -> t.item().id().equals(timed.item().id()))) {
          expected.add(timed);
        }
      }
      Collections.shuffle(expected, random);
      expected.sort(CalendarOrder.ORDER);
      assertThat(order.items())
          .as("seed %d, round %d, scan in index order %s", seed, round, indexOrder)
          .containsExactlyElementsOf(expected.stream().map(CalendarOrder.Timed::item).toList());
    }
  }

  private static long id(long counter) {
    return MessageId.of(1, counter).toLong();
  }

  private static CalendarOrder.Timed timed(long start, long counter) {
    return new CalendarOrder.Timed(start,
        new StoredItem(MessageId.of(1, counter), CALENDAR, ChangeNumber.of(1, counter), false, Map.of()));
  }
}

package io.convene.convert.props;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.StoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryNamedPropertyIdsTest {

  private static final UUID SET = UUID.fromString("6F1C5E2A-9D3B-4C7E-8A51-C0A7E3B2D914");

  @Test
  void mapsOnCreateOnlyAndResolvesBack() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    NamedProperty a = NamedProperty.ofLid(SET, 1);
    assertThat(ids.id(a, false)).isEqualTo(NamedPropertyIds.UNMAPPED);
    int id = ids.id(a, true);
    assertThat(id).isEqualTo(PropTag.FIRST_NAMED_ID);
    assertThat(ids.id(a, false)).isEqualTo(id);
    assertThat(ids.property(id)).isEqualTo(a);
    assertThat(ids.property(id + 1)).isNull();
    assertThat(ids.property(0x7FFF)).isNull();
    assertThat(ids.property(0xFFFF)).isNull();
  }

  @Test
  void threadsMappingTheSameNamesGetOneIdEach() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    int names = 2_000;
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<int[]>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        tasks.add(() -> {
          int[] got = new int[names];
          for (int i = 0; i < names; i++) {
            int n = (i + offset * 500) % names; // each thread in its own order, so they race on creation
            got[n] = ids.id(NamedProperty.ofName(SET, "n" + n), true);
          }
          return got;
        });
      }
      List<int[]> results = new ArrayList<>();
      for (Future<int[]> f : pool.invokeAll(tasks)) {
        results.add(f.get());
      }
      Set<Integer> distinct = new HashSet<>();
      for (int n = 0; n < names; n++) {
        int id = results.get(0)[n];
        for (int[] r : results) {
          assertThat(r[n]).as("name %d", n).isEqualTo(id);
        }
        assertThat(ids.property(id)).isEqualTo(NamedProperty.ofName(SET, "n" + n));
        distinct.add(id);
      }
      assertThat(distinct).hasSize(names);
      assertThat(distinct).allMatch(id -> id >= PropTag.FIRST_NAMED_ID && id < PropTag.FIRST_NAMED_ID + names);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theRangeRunsOutWithAStoreException() throws Exception {
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    for (int i = PropTag.FIRST_NAMED_ID; i <= PropTag.LAST_NAMED_ID; i++) {
      ids.id(NamedProperty.ofLid(SET, i), true);
    }
    assertThatThrownBy(() -> ids.id(NamedProperty.ofLid(SET, 0), true)).isInstanceOf(StoreException.class);
    assertThat(ids.property(PropTag.LAST_NAMED_ID)).isEqualTo(NamedProperty.ofLid(SET, PropTag.LAST_NAMED_ID));
  }
}

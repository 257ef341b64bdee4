package io.convene.convert.calendar;

import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's workload: {@link RandomAppointments}, and its check of a round trip. */
public final class BenchAppointments {

  private BenchAppointments() {}

  public static List<ItemContent> generate(int count, long seed, NamedPropertyIds ids) throws Exception {
    RandomAppointments generator = new RandomAppointments(seed);
    List<ItemContent> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(generator.next(ids));
    }
    return items;
  }

  public static boolean sameMappedFields(ItemContent a, ItemContent b, NamedPropertyIds ids) throws Exception {
    Bag before = Bag.of(a.properties(), ids);
    Bag after = Bag.of(b.properties(), ids);
    for (PropDef def : RandomAppointments.MAPPED) {
      if (!before.get(def).equals(after.get(def))) {
        return false;
      }
    }
    return a.recipients().equals(b.recipients());
  }
}

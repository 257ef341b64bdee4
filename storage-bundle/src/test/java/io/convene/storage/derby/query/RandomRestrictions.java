package io.convene.storage.derby.query;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of small restriction trees (And, Or, Not, Exist, Property) over a few integer
 * properties, and of bags in which each of those properties is present, missing, or stored with
 * another type.
 */
final class RandomRestrictions {

  /** Single-valued tags the trees test. */
  static final List<PropTag> SINGLE =
      List.of(PropTag.of(0x6001, PropType.PT_LONG), PropTag.of(0x6002, PropType.PT_LONG));

  /** A multi-valued tag the trees test. */
  static final PropTag MULTI = PropTag.of(0x6003, PropType.PT_MV_LONG);

  private static final List<Relop> RELOPS =
      List.of(Relop.LT, Relop.LE, Relop.GT, Relop.GE, Relop.EQ, Relop.NE);

  private final Random random;

  RandomRestrictions(long seed) {
    this.random = new Random(seed);
  }

  /** A tree of at most {@code depth} levels. */
  Restriction tree(int depth) {
    if (depth <= 1 || random.nextInt(3) == 0) {
      return leaf();
    }
    return switch (random.nextInt(3)) {
      case 0 -> new Restriction.And(children(depth - 1));
      case 1 -> new Restriction.Or(children(depth - 1));
      default -> Restriction.not(tree(depth - 1));
    };
  }

  private List<Restriction> children(int depth) {
    int n = random.nextInt(4); // empty And and Or included
    List<Restriction> children = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      children.add(tree(depth));
    }
    return children;
  }

  /** An Exist or Property restriction on one of the tags. */
  Restriction leaf() {
    PropTag tag = anyTag();
    if (random.nextInt(3) == 0) {
      return Restriction.exist(tag);
    }
    return propertyOn(tag, relop());
  }

  Relop relop() {
    return RELOPS.get(random.nextInt(RELOPS.size()));
  }

  PropTag anyTag() {
    int i = random.nextInt(SINGLE.size() + 1);
    return i == SINGLE.size() ? MULTI : SINGLE.get(i);
  }

  PropTag singleTag() {
    return SINGLE.get(random.nextInt(SINGLE.size()));
  }

  Restriction.Property propertyOn(PropTag tag, Relop relop) {
    PropTag element = tag.withType(PropType.PT_LONG);
    return new Restriction.Property(relop, tag, PropValue.ofInt(element, random.nextInt(4)));
  }

  /** A bag where each tag is missing, present, or present with another type. */
  Map<PropTag, PropValue> bag() {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>();
    for (PropTag tag : SINGLE) {
      switch (random.nextInt(4)) {
        case 0 -> {}
        case 1 ->
            bag.put(
                tag.withType(PropType.PT_I8), PropValue.ofLong(tag.withType(PropType.PT_I8), 1L));
        default -> bag.put(tag, PropValue.ofInt(tag, random.nextInt(4)));
      }
    }
    if (random.nextBoolean()) {
      List<Integer> values = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        values.add(random.nextInt(4));
      }
      bag.put(MULTI, PropValue.ofList(MULTI, values));
    }
    return bag;
  }
}

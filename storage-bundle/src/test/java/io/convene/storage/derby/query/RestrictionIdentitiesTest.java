package io.convene.storage.derby.query;

import static io.convene.api.store.query.Restriction.and;
import static io.convene.api.store.query.Restriction.exist;
import static io.convene.api.store.query.Restriction.not;
import static io.convene.api.store.query.Restriction.or;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boolean identities of the evaluator over random trees and bags. Evaluation is two-valued (a test
 * on a missing property is false, not "unknown"), so the laws of boolean algebra hold for the
 * combinators; what does not hold is pushing a Not into a Property: {@code Not(a = v)} is not
 * {@code a <> v} when {@code a} is missing, it is {@code Not(Exist a) Or a <> v}.
 *
 * <p>Each case names its seed in the failure message; rerun one with {@code -Dtest=...#...} and the
 * seed.
 */
class RestrictionIdentitiesTest {

  private static final int ROUNDS = 50;

  private final RestrictionEvaluator evaluator = new RestrictionEvaluator();

  static Stream<Long> seeds() {
    return LongStream.range(0, 200).map(i -> 0x5EED_0000L + i * 7919).boxed();
  }

  private boolean eval(Restriction r, Map<PropTag, PropValue> bag) {
    return evaluator.matches(r, bag, SubObjects.NONE);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void combinatorsObeyBooleanAlgebra(long seed) {
    RandomRestrictions random = new RandomRestrictions(seed);
    for (int round = 0; round < ROUNDS; round++) {
      Restriction a = random.tree(5);
      Restriction b = random.tree(5);
      Map<PropTag, PropValue> bag = random.bag();
      boolean va = eval(a, bag);
      boolean vb = eval(b, bag);
      String where = "seed " + seed + ", round " + round + ", a=" + a + ", b=" + b + ", bag=" + bag;

      assertThat(eval(not(not(a)), bag)).as("Not(Not(a)) == a; %s", where).isEqualTo(va);
      assertThat(eval(and(a, a), bag)).as("And(a, a) == a; %s", where).isEqualTo(va);
      assertThat(eval(or(a, a), bag)).as("Or(a, a) == a; %s", where).isEqualTo(va);
      assertThat(eval(or(a, not(a)), bag)).as("Or(a, Not(a)); %s", where).isTrue();
      assertThat(eval(and(a, not(a)), bag)).as("And(a, Not(a)); %s", where).isFalse();
      assertThat(eval(and(a, b), bag)).as("And; %s", where).isEqualTo(va && vb);
      assertThat(eval(or(a, b), bag)).as("Or; %s", where).isEqualTo(va || vb);
      assertThat(eval(and(b, a), bag)).as("And commutes; %s", where).isEqualTo(va && vb);
      assertThat(eval(not(and(a, b)), bag))
          .as("De Morgan And; %s", where)
          .isEqualTo(eval(or(not(a), not(b)), bag));
      assertThat(eval(not(or(a, b)), bag))
          .as("De Morgan Or; %s", where)
          .isEqualTo(eval(and(not(a), not(b)), bag));
      assertThat(eval(new Restriction.Comment(List.of(), a), bag))
          .as("Comment(a) == a; %s", where)
          .isEqualTo(va);
      assertThat(eval(new Restriction.Count(1 + round, a), bag))
          .as("Count(n > 0, a) == a on one item; %s", where)
          .isEqualTo(va);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void notOfAPropertyTestIsNotTheOppositeRelop(long seed) {
    RandomRestrictions random = new RandomRestrictions(seed);
    for (int round = 0; round < ROUNDS; round++) {
      PropTag tag = random.singleTag();
      Relop relop = random.relop();
      Restriction.Property p = random.propertyOn(tag, relop);
      Restriction.Property opposite = new Restriction.Property(opposite(relop), tag, p.value());
      Map<PropTag, PropValue> bag = random.bag();
      String where = "seed " + seed + ", round " + round + ", p=" + p + ", bag=" + bag;

      // On a single-valued property: Not(p) == Not(Exist) Or opposite(p), never opposite(p) alone
      // when the property is missing.
      assertThat(eval(not(p), bag))
          .as("Not(p) == Or(Not(Exist), opposite); %s", where)
          .isEqualTo(eval(or(not(exist(tag)), opposite), bag));
      assertThat(eval(or(p, opposite), bag))
          .as("p Or opposite == Exist; %s", where)
          .isEqualTo(eval(exist(tag), bag));
      if (!eval(exist(tag), bag)) {
        assertThat(eval(p, bag)).as("missing: false; %s", where).isFalse();
        assertThat(eval(opposite, bag)).as("missing: opposite false too; %s", where).isFalse();
        assertThat(eval(not(p), bag)).as("missing: Not(p) true; %s", where).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aPropertyOfAnotherTypeActsAsMissing(long seed) {
    RandomRestrictions random = new RandomRestrictions(seed);
    for (int round = 0; round < ROUNDS; round++) {
      Restriction r = random.tree(5);
      Map<PropTag, PropValue> bag = random.bag();
      Map<PropTag, PropValue> without = new LinkedHashMap<>(bag);
      without.keySet().removeIf(t -> t.type() == PropType.PT_I8);
      assertThat(eval(r, bag))
          .as("seed %d, round %d, r=%s, bag=%s", seed, round, r, bag)
          .isEqualTo(eval(r, without));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void multiValuedTestsAnyValue(long seed) {
    RandomRestrictions random = new RandomRestrictions(seed);
    for (int round = 0; round < ROUNDS; round++) {
      Restriction.Property p = random.propertyOn(RandomRestrictions.MULTI, random.relop());
      Map<PropTag, PropValue> bag = random.bag();
      PropValue values = bag.get(RandomRestrictions.MULTI);
      int given = p.value().asInt();
      boolean expected =
          values != null
              && values.asList().stream()
                  .anyMatch(v -> p.relop().test(Integer.compare((Integer) v, given)));
      assertThat(eval(p, bag))
          .as("seed %d, round %d, p=%s, bag=%s", seed, round, p, bag)
          .isEqualTo(expected);
    }
  }

  private static Relop opposite(Relop relop) {
    return switch (relop) {
      case LT -> Relop.GE;
      case LE -> Relop.GT;
      case GT -> Relop.LE;
      case GE -> Relop.LT;
      case EQ -> Relop.NE;
      case NE -> Relop.EQ;
      default -> throw new IllegalArgumentException(relop.toString());
    };
  }
}

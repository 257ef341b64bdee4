package io.convene.storage.derby.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.BitmaskRelop;
import io.convene.api.store.query.FuzzyLevelHigh;
import io.convene.api.store.query.FuzzyLevelLow;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stored form of search criteria: every restriction type round-trips; bad bytes give one typed error. */
class RestrictionFormatTest {

  static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  static final PropTag FLAGS = PropTag.of(0x0E07, PropType.PT_LONG);
  static final PropTag RECIPIENTS = PropTag.of(0x0E12, PropType.PT_OBJECT);

  private final RestrictionFormat format = new RestrictionFormat(new PropertyBagCodec(), 8, 64);

  /** One node of each of the twelve restriction types. */
  static Restriction everyType() {
    return Restriction.and(
        new Restriction.Or(List.of(Restriction.exist(SUBJECT), Restriction.not(Restriction.exist(IMPORTANCE)))),
        new Restriction.Content(FuzzyLevelLow.SUBSTRING, Set.of(FuzzyLevelHigh.IGNORECASE), PropValue.ofString(SUBJECT, "Plan")),
        Restriction.property(Relop.GE, PropValue.ofInt(IMPORTANCE, 2)),
        new Restriction.CompareProperties(Relop.NE, IMPORTANCE, FLAGS),
        new Restriction.Bitmask(BitmaskRelop.NEZ, FLAGS, 0x40),
        new Restriction.Size(Relop.LT, SUBJECT, 100),
        new Restriction.SubObject(RECIPIENTS, Restriction.exist(SUBJECT)),
        new Restriction.Comment(List.of(PropValue.ofString(SUBJECT, "note")), Restriction.exist(FLAGS)),
        new Restriction.Comment(List.of(), null),
        new Restriction.Count(3, Restriction.exist(SUBJECT)));
  }

  @Test
  void everyTypeRoundTrips() {
    Restriction tree = everyType();
    byte[] stored = format.encode(tree);
    assertThat(format.decode(stored)).isEqualTo(tree);
    assertThat(format.encode(format.decode(stored))).isEqualTo(stored);
  }

  @Test
  void badBytesGiveTheCodecsError() {
    byte[] stored = format.encode(everyType());
    assertBad(new byte[0]);
    assertBad(new byte[] {2, 8, 0x1F, 0, 0x37, 0});
    assertBad(Arrays.copyOf(stored, stored.length - 1));
    assertBad(Arrays.copyOf(stored, stored.length + 1));
    assertBad(new byte[] {1, 0x0C});
    assertBad(new byte[] {1, 4, 0x09, 0x03, 0, 0x17, 0, 0});
  }

  @Test
  void depthAndNodesAreBounded() {
    Restriction deep = Restriction.exist(SUBJECT);
    for (int i = 0; i < 8; i++) {
      deep = Restriction.not(deep);
    }
    assertBad(format.encode(deep));
    Restriction[] leaves = new Restriction[64];
    Arrays.fill(leaves, Restriction.exist(SUBJECT));
    assertBad(format.encode(Restriction.and(leaves)));
    assertThat(format.decode(format.encode(Restriction.and(Arrays.copyOf(leaves, 63))))).isInstanceOf(Restriction.And.class);
  }

  private void assertBad(byte[] bytes) {
    assertThatThrownBy(() -> format.decode(bytes)).isInstanceOf(PropertyBagFormatException.class);
  }
}

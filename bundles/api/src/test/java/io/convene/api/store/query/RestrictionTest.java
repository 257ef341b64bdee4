package io.convene.api.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RestrictionTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037001F);
  private static final PropTag FLAGS = PropTag.of(0x0E070003);
  private static final PropValue HELLO = PropValue.ofString(SUBJECT, "hello");
  private static final Restriction EXIST = Restriction.exist(SUBJECT);

  @Test
  void restrictTypeCodesAreThoseOfTheSpec() {
    // MS-OXCDATA 2.12, the RestrictType table: 0x00 to 0x0B in the order of sections 2.12.1-12.
    assertThat(Arrays.stream(RestrictionType.values()).map(RestrictionType::code))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(RestrictionType.fromCode(0x0B)).isEqualTo(RestrictionType.COUNT);
    assertThatThrownBy(() -> RestrictionType.fromCode(0x0C))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x0C");
  }

  @Test
  void everyRecordReportsItsType() {
    List<Restriction> all =
        List.of(
            Restriction.and(EXIST),
            Restriction.or(EXIST),
            Restriction.not(EXIST),
            new Restriction.Content(FuzzyLevelLow.SUBSTRING, Set.of(), HELLO),
            Restriction.property(Relop.EQ, HELLO),
            new Restriction.CompareProperties(Relop.LT, FLAGS, FLAGS),
            new Restriction.Bitmask(BitmaskRelop.NEZ, FLAGS, 4),
            new Restriction.Size(Relop.GT, SUBJECT, 10),
            EXIST,
            new Restriction.SubObject(Restriction.MESSAGE_RECIPIENTS, EXIST),
            new Restriction.Comment(List.of(HELLO), EXIST),
            new Restriction.Count(5, EXIST));
    assertThat(all.stream().map(Restriction::type)).containsExactly(RestrictionType.values());
  }

  @Test
  void relopCodesAreThoseOfTheSpec() {
    // MS-OXCDATA 2.12.5.1: RELOP_LT 0x00 ... RELOP_RE 0x06, RELOP_MEMBER_OF_DL 0x64.
    assertThat(Arrays.stream(Relop.values()).map(Relop::code))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 0x64);
    assertThat(Relop.fromCode(0x64)).isEqualTo(Relop.MEMBER_OF_DL);
    assertThatThrownBy(() -> Relop.fromCode(7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void relopTestsComparisons() {
    assertThat(Relop.LT.test(-1)).isTrue();
    assertThat(Relop.LT.test(0)).isFalse();
    assertThat(Relop.LE.test(0)).isTrue();
    assertThat(Relop.GT.test(1)).isTrue();
    assertThat(Relop.GE.test(-1)).isFalse();
    assertThat(Relop.EQ.test(0)).isTrue();
    assertThat(Relop.NE.test(0)).isFalse();
    assertThat(Relop.RE.isOrdering()).isFalse();
    assertThatThrownBy(() -> Relop.MEMBER_OF_DL.test(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void bitmaskCodes() {
    assertThat(BitmaskRelop.fromCode(0)).isEqualTo(BitmaskRelop.EQZ);
    assertThat(BitmaskRelop.fromCode(1)).isEqualTo(BitmaskRelop.NEZ);
    assertThatThrownBy(() -> BitmaskRelop.fromCode(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fuzzyLevelRoundTripsThroughTheWireValue() {
    // MS-OXCDATA 2.12.4.1: FuzzyLevelLow in the low 16 bits, FuzzyLevelHigh in the high 16 bits.
    Restriction.Content content = Restriction.Content.of(0x0001_0001, SUBJECT, HELLO);
    assertThat(content.low()).isEqualTo(FuzzyLevelLow.SUBSTRING);
    assertThat(content.high()).containsExactly(FuzzyLevelHigh.IGNORECASE);
    assertThat(content.fuzzyLevel()).isEqualTo(0x0001_0001);
    for (int high = 0; high <= FuzzyLevelHigh.ALL_BITS; high++) {
      for (FuzzyLevelLow low : FuzzyLevelLow.values()) {
        int level = high << 16 | low.code();
        assertThat(Restriction.Content.of(level, SUBJECT, HELLO).fuzzyLevel()).isEqualTo(level);
      }
    }
    assertThat(FuzzyLevelHigh.fromBits(7)).containsExactlyInAnyOrder(FuzzyLevelHigh.values());
    assertThatThrownBy(() -> Restriction.Content.of(0x0008_0000, SUBJECT, HELLO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Restriction.Content.of(3, SUBJECT, HELLO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentCopiesItsFlags() {
    EnumSet<FuzzyLevelHigh> flags = EnumSet.of(FuzzyLevelHigh.IGNORECASE);
    Restriction.Content content = new Restriction.Content(FuzzyLevelLow.PREFIX, flags, HELLO);
    flags.add(FuzzyLevelHigh.LOOSE);
    assertThat(content.high()).containsExactly(FuzzyLevelHigh.IGNORECASE);
    assertThat(content.tag()).isEqualTo(SUBJECT);
    assertThat(content)
        .isEqualTo(
            new Restriction.Content(
                FuzzyLevelLow.PREFIX, Set.of(FuzzyLevelHigh.IGNORECASE), SUBJECT, HELLO));
  }

  @Test
  void listsAreCopiedAndRejectNulls() {
    List<Restriction> children = new ArrayList<>(List.of(EXIST));
    Restriction.And and = new Restriction.And(children);
    children.add(EXIST);
    assertThat(and.children()).hasSize(1);
    assertThatThrownBy(() -> and.children().add(EXIST))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Restriction.or(EXIST, null)).isInstanceOf(NullPointerException.class);
    assertThat(Restriction.and().children()).isEmpty();
  }

  @Test
  void componentsMustNotBeNull() {
    assertThatThrownBy(() -> Restriction.not(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.Property(null, SUBJECT, HELLO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.Property(Relop.EQ, SUBJECT, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.CompareProperties(Relop.EQ, null, SUBJECT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.Bitmask(null, FLAGS, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.Exist(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.SubObject(Restriction.MESSAGE_ATTACHMENTS, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.Count(1, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Restriction.Content(null, Set.of(), HELLO))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void unsignedFieldsAreChecked() {
    assertThat(new Restriction.Count(Restriction.MAX_UINT32, EXIST).count())
        .isEqualTo(0xFFFF_FFFFL);
    assertThatThrownBy(() -> new Restriction.Count(-1, EXIST))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Restriction.Count(1L << 32, EXIST))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Restriction.Size(Relop.EQ, SUBJECT, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Restriction.Size(Relop.EQ, SUBJECT, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commentHoldsAtMost255ValuesAndAnOptionalChild() {
    List<PropValue> values = new ArrayList<>();
    for (int i = 0; i < 255; i++) {
      values.add(PropValue.ofInt(PropTag.of(0x6000 + i, PropType.PT_LONG), i));
    }
    Restriction.Comment comment = new Restriction.Comment(values, null);
    assertThat(comment.optionalChild()).isEmpty();
    assertThat(comment.taggedValues()).hasSize(255);
    values.add(HELLO);
    assertThatThrownBy(() -> new Restriction.Comment(values, EXIST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("255");
    assertThat(new Restriction.Comment(List.of(), EXIST).optionalChild()).contains(EXIST);
  }

  @Test
  void subObjectTagsAreThoseOfTheSpec() {
    assertThat(Restriction.MESSAGE_RECIPIENTS.tag()).isEqualTo(0x0E12000D);
    assertThat(Restriction.MESSAGE_ATTACHMENTS.tag()).isEqualTo(0x0E13000D);
  }

  @ParameterizedTest
  @EnumSource(FuzzyLevelLow.class)
  void fuzzyLevelLowCodes(FuzzyLevelLow low) {
    assertThat(FuzzyLevelLow.fromCode(low.code())).isEqualTo(low);
  }

  @Test
  void equalityIsStructural() {
    assertThat(Restriction.and(Restriction.not(EXIST), Restriction.property(Relop.EQ, HELLO)))
        .isEqualTo(
            Restriction.and(
                Restriction.not(Restriction.exist(SUBJECT)),
                new Restriction.Property(Relop.EQ, SUBJECT, PropValue.ofString(SUBJECT, "hello"))));
  }
}

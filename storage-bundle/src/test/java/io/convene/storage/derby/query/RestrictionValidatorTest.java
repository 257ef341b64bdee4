package io.convene.storage.derby.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.FuzzyLevelLow;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.storage.derby.query.QueryException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestrictionValidatorTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037001F);
  private static final PropTag FLAGS = PropTag.of(0x0E070003);
  private static final PropTag KEYWORDS = PropTag.of(0x8001101F);
  private static final Restriction LEAF = Restriction.exist(SUBJECT);

  private final RestrictionValidator validator = new RestrictionValidator(QueryLimits.DEFAULT);

  private static Restriction nested(int depth) {
    Restriction r = LEAF;
    for (int i = 1; i < depth; i++) {
      r = Restriction.not(r);
    }
    return r;
  }

  private void assertRefused(Restriction r, Reason reason) {
    assertThatThrownBy(() -> validator.validate(r))
        .isInstanceOfSatisfying(
            QueryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void defaultLimits() {
    assertThat(QueryLimits.DEFAULT).isEqualTo(new QueryLimits(32, 1_000));
    assertThatThrownBy(() -> new QueryLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QueryLimits(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void depthUpToTheLimitIsAccepted() {
    assertThatCode(() -> validator.validate(nested(32))).doesNotThrowAnyException();
    assertRefused(nested(33), Reason.TOO_COMPLEX);
  }

  @Test
  void veryDeepTreeIsRefusedWithoutOverflowingTheStack() {
    Restriction deep = nested(200_000);
    assertRefused(deep, Reason.TOO_COMPLEX);
    RestrictionEvaluator evaluator = new RestrictionEvaluator();
    assertThatThrownBy(() -> evaluator.matches(deep, Map.of(), SubObjects.NONE))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("deeper than 32");
  }

  @Test
  void nodeCountUpToTheLimitIsAccepted() {
    // The root plus 999 leaves is 1,000 nodes.
    assertThatCode(() -> validator.validate(new Restriction.Or(Collections.nCopies(999, LEAF))))
        .doesNotThrowAnyException();
    assertRefused(new Restriction.Or(Collections.nCopies(1_000, LEAF)), Reason.TOO_COMPLEX);
  }

  @Test
  void wideAndDeepTreeIsTooLarge() {
    Restriction tree = LEAF;
    for (int i = 0; i < 12; i++) {
      tree = Restriction.and(tree, tree); // 2^13 - 1 nodes, shared subtrees count each time
    }
    assertRefused(tree, Reason.TOO_COMPLEX);
  }

  @Test
  void everyKindOfChildCounts() {
    RestrictionValidator tiny = new RestrictionValidator(new QueryLimits(2, 2));
    assertThatCode(() -> tiny.validate(Restriction.not(LEAF))).doesNotThrowAnyException();
    assertThatCode(() -> tiny.validate(new Restriction.Comment(List.of(), null)))
        .doesNotThrowAnyException();
    for (Restriction r :
        List.of(
            new Restriction.Count(1, Restriction.not(LEAF)),
            new Restriction.SubObject(Restriction.MESSAGE_RECIPIENTS, Restriction.not(LEAF)),
            new Restriction.Comment(List.of(), Restriction.not(LEAF)),
            Restriction.and(LEAF, LEAF))) {
      assertThatThrownBy(() -> tiny.validate(r))
          .as("%s", r)
          .isInstanceOfSatisfying(
              QueryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_COMPLEX));
    }
  }

  @Test
  void tooComplexWinsOverUnsupported() {
    Restriction re = Restriction.property(Relop.RE, PropValue.ofString(SUBJECT, "x"));
    List<Restriction> children = new ArrayList<>(List.of(re));
    children.addAll(Collections.nCopies(1_000, LEAF));
    assertRefused(new Restriction.Or(children), Reason.TOO_COMPLEX);
  }

  @Test
  void unsupportedRelopsAnywhere() {
    Restriction re = Restriction.property(Relop.RE, PropValue.ofString(SUBJECT, "x"));
    Restriction dl = new Restriction.CompareProperties(Relop.MEMBER_OF_DL, SUBJECT, SUBJECT);
    Restriction size = new Restriction.Size(Relop.RE, SUBJECT, 3);
    assertRefused(re, Reason.UNSUPPORTED);
    assertRefused(
        Restriction.and(LEAF, Restriction.or(LEAF, Restriction.not(dl))), Reason.UNSUPPORTED);
    assertRefused(new Restriction.Count(3, size), Reason.UNSUPPORTED);
    assertRefused(
        new Restriction.SubObject(Restriction.MESSAGE_ATTACHMENTS, re), Reason.UNSUPPORTED);
  }

  @Test
  void valueMustHaveTheTagsType() {
    assertRefused(
        new Restriction.Property(Relop.EQ, FLAGS, PropValue.ofString(SUBJECT, "1")),
        Reason.INVALID);
    assertRefused(
        new Restriction.Property(
            Relop.EQ, FLAGS.withType(PropType.PT_UNSPECIFIED), PropValue.ofInt(FLAGS, 1)),
        Reason.INVALID);
    // A single value for a multi-valued tag, and a string of the other string type, are fine.
    assertThatCode(
            () ->
                validator.validate(
                    new Restriction.Property(
                        Relop.EQ, KEYWORDS, PropValue.ofString(PropTag.of(0x8001001E), "x"))))
        .doesNotThrowAnyException();
    // But not a multi-valued value for a single-valued tag.
    assertRefused(
        new Restriction.Property(Relop.EQ, SUBJECT, PropValue.ofList(KEYWORDS, List.of("x"))),
        Reason.INVALID);
  }

  @Test
  void contentNeedsStringOrBinary() {
    assertRefused(
        new Restriction.Content(FuzzyLevelLow.SUBSTRING, Set.of(), PropValue.ofInt(FLAGS, 1)),
        Reason.INVALID);
    assertRefused(
        new Restriction.Content(
            FuzzyLevelLow.SUBSTRING,
            Set.of(),
            SUBJECT,
            PropValue.ofBytes(PropTag.of(0x300B0102), new byte[1])),
        Reason.INVALID);
  }

  @Test
  void comparePropertiesNeedsOneKindOfType() {
    assertRefused(new Restriction.CompareProperties(Relop.EQ, SUBJECT, FLAGS), Reason.INVALID);
    PropTag unspecified = FLAGS.withType(PropType.PT_UNSPECIFIED);
    assertRefused(
        new Restriction.CompareProperties(Relop.EQ, unspecified, unspecified), Reason.INVALID);
    assertThatCode(
            () ->
                validator.validate(
                    new Restriction.CompareProperties(Relop.EQ, SUBJECT, PropTag.of(0x0070001E))))
        .doesNotThrowAnyException();
  }

  @Test
  void subObjectMustBeRecipientsOrAttachments() {
    assertRefused(new Restriction.SubObject(SUBJECT, LEAF), Reason.INVALID);
    assertRefused(
        new Restriction.SubObject(
            Restriction.MESSAGE_RECIPIENTS.withType(PropType.PT_BINARY), LEAF),
        Reason.INVALID);
  }
}

package io.convene.storage.derby.query;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestrictionEvaluatorTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037001F);
  private static final PropTag SUBJECT_A = PropTag.of(0x0037001E);
  private static final PropTag CLASS = PropTag.of(0x001A001F);
  private static final PropTag FLAGS = PropTag.of(0x0E070003);
  private static final PropTag IMPORTANCE = PropTag.of(0x00170003);
  private static final PropTag PRIORITY = PropTag.of(0x00260003);
  private static final PropTag RECEIVED = PropTag.of(0x0E060040);
  private static final PropTag SENT = PropTag.of(0x00390040);
  private static final PropTag SIZE = PropTag.of(0x0E080003);
  private static final PropTag KEYWORDS = PropTag.of(0x8001101F);
  private static final PropTag KEYWORD = PropTag.of(0x8001001F);
  private static final PropTag SEARCH_KEY = PropTag.of(0x300B0102);
  private static final PropTag READ = PropTag.of(0x0E69000B);
  private static final PropTag GUID = PropTag.of(0x80020048);
  private static final PropTag AMOUNT = PropTag.of(0x80030006);
  private static final PropTag RATIO = PropTag.of(0x80040005);
  private static final PropTag RECIPIENT_TYPE = PropTag.of(0x0C150003);
  private static final PropTag SMTP = PropTag.of(0x39FE001F);
  private static final PropTag ATTACH_NAME = PropTag.of(0x3707001F);

  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private final RestrictionEvaluator evaluator = new RestrictionEvaluator();
  private final RestrictionEvaluator ordinal =
      new RestrictionEvaluator(QueryLimits.DEFAULT, StringOrder.ORDINAL);

  private static Map<PropTag, PropValue> bag(PropValue... values) {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>();
    for (PropValue value : values) {
      bag.put(value.tag(), value);
    }
    return bag;
  }

  private static final Map<PropTag, PropValue> MAIL =
      bag(
          PropValue.ofString(SUBJECT, "Quarterly Report: Ångström café"),
          PropValue.ofString(CLASS, "IPM.Note"),
          PropValue.ofInt(FLAGS, 0x01 | 0x10),
          PropValue.ofInt(IMPORTANCE, 2),
          PropValue.ofInt(PRIORITY, 0),
          PropValue.ofTime(RECEIVED, T0),
          PropValue.ofTime(SENT, T0.minusSeconds(60)),
          PropValue.ofList(KEYWORDS, List.of("Blue", "Urgent")),
          PropValue.ofBytes(SEARCH_KEY, new byte[] {0x01, (byte) 0x80, 0x7F, 0x00}),
          PropValue.ofBoolean(READ, false),
          PropValue.ofGuid(GUID, UUID.fromString("00062008-0000-0000-c000-000000000046")),
          PropValue.ofLong(AMOUNT, 12_3400L),
          PropValue.ofDouble(RATIO, 0.0));

  private boolean matches(Restriction r) {
    return evaluator.matches(r, MAIL, SubObjects.NONE);
  }

  private static Restriction.Content content(
      FuzzyLevelLow low, PropTag tag, String text, FuzzyLevelHigh... high) {
    return new Restriction.Content(
        low, Set.of(high), tag, PropValue.ofString(tag.withType(tag.type().elementType()), text));
  }

  // --- And, Or, Not -----------------------------------------------------------------------

  @Test
  void andOrNotCombine() {
    Restriction yes = Restriction.exist(SUBJECT);
    Restriction no = Restriction.exist(SIZE);
    assertThat(matches(Restriction.and(yes, yes))).isTrue();
    assertThat(matches(Restriction.and(yes, no))).isFalse();
    assertThat(matches(Restriction.or(no, yes))).isTrue();
    assertThat(matches(Restriction.or(no, no))).isFalse();
    assertThat(matches(Restriction.not(no))).isTrue();
    assertThat(matches(Restriction.not(yes))).isFalse();
    assertThat(matches(Restriction.not(Restriction.not(yes)))).isTrue();
    assertThat(matches(Restriction.and(Restriction.or(no, Restriction.not(no)), yes))).isTrue();
  }

  @Test
  void emptyAndIsTrueEmptyOrIsFalse() {
    assertThat(matches(Restriction.and())).isTrue();
    assertThat(matches(Restriction.or())).isFalse();
  }

  // --- Exist ------------------------------------------------------------------------------

  @Test
  void existIsTrueIffPresent() {
    assertThat(matches(Restriction.exist(SUBJECT))).isTrue();
    assertThat(matches(Restriction.exist(SIZE))).isFalse();
    // Another type of the same id is another property...
    assertThat(matches(Restriction.exist(SUBJECT.withType(PropType.PT_LONG)))).isFalse();
    // ...except the other string type, and PT_UNSPECIFIED, which asks for any type.
    assertThat(matches(Restriction.exist(SUBJECT_A))).isTrue();
    assertThat(matches(Restriction.exist(FLAGS.withType(PropType.PT_UNSPECIFIED)))).isTrue();
    assertThat(matches(Restriction.exist(SIZE.withType(PropType.PT_UNSPECIFIED)))).isFalse();
  }

  // --- Property ---------------------------------------------------------------------------

  @ParameterizedTest(name = "importance(2) {0} {1} -> {2}")
  @CsvSource({
    "LT, 3, true", "LT, 2, false", "LE, 2, true", "LE, 1, false", "GT, 1, true", "GT, 2, false",
    "GE, 2, true", "GE, 3, false", "EQ, 2, true", "EQ, 1, false", "NE, 1, true", "NE, 2, false"
  })
  void propertyComparesIntegers(Relop relop, int given, boolean expected) {
    assertThat(matches(Restriction.property(relop, PropValue.ofInt(IMPORTANCE, given))))
        .isEqualTo(expected);
  }

  @Test
  void propertyOnMissingPropertyIsFalseForEveryRelop() {
    for (Relop relop : List.of(Relop.LT, Relop.LE, Relop.GT, Relop.GE, Relop.EQ, Relop.NE)) {
      Restriction r = Restriction.property(relop, PropValue.ofInt(SIZE, 5));
      assertThat(matches(r)).as("%s", relop).isFalse();
      assertThat(matches(Restriction.not(r))).as("not %s", relop).isTrue();
    }
  }

  @Test
  void propertyComparesByType() {
    assertThat(
            matches(Restriction.property(Relop.GT, PropValue.ofTime(RECEIVED, T0.minusNanos(100)))))
        .isTrue();
    assertThat(matches(Restriction.property(Relop.EQ, PropValue.ofTime(RECEIVED, T0)))).isTrue();
    assertThat(matches(Restriction.property(Relop.LT, PropValue.ofBoolean(READ, true)))).isTrue();
    assertThat(matches(Restriction.property(Relop.EQ, PropValue.ofBoolean(READ, false)))).isTrue();
    assertThat(matches(Restriction.property(Relop.GE, PropValue.ofLong(AMOUNT, 12_3400L))))
        .isTrue();
    assertThat(matches(Restriction.property(Relop.LT, PropValue.ofLong(AMOUNT, -1L)))).isFalse();
    // 0.0 equals -0.0 numerically.
    assertThat(matches(Restriction.property(Relop.EQ, PropValue.ofDouble(RATIO, -0.0)))).isTrue();
    assertThat(
            matches(
                Restriction.property(
                    Relop.EQ,
                    PropValue.ofGuid(
                        GUID, UUID.fromString("00062008-0000-0000-C000-000000000046")))))
        .isTrue();
  }

  @Test
  void binaryComparesUnsigned() {
    // 0x80 is above 0x7F unsigned (it would be below as a signed byte).
    assertThat(
            matches(
                Restriction.property(
                    Relop.GT, PropValue.ofBytes(SEARCH_KEY, new byte[] {0x01, 0x7F}))))
        .isTrue();
    assertThat(
            matches(
                Restriction.property(
                    Relop.LT, PropValue.ofBytes(SEARCH_KEY, new byte[] {0x01, (byte) 0x80}))))
        .isFalse();
    // A proper prefix sorts first.
    assertThat(
            matches(
                Restriction.property(
                    Relop.GT, PropValue.ofBytes(SEARCH_KEY, new byte[] {0x01, (byte) 0x80}))))
        .isTrue();
  }

  @Test
  void stringsCompareIgnoringCaseByDefaultAndOrdinallyIfAsked() {
    Restriction r = Restriction.property(Relop.EQ, PropValue.ofString(CLASS, "ipm.note"));
    assertThat(evaluator.matches(r, MAIL, SubObjects.NONE)).isTrue();
    assertThat(ordinal.matches(r, MAIL, SubObjects.NONE)).isFalse();
    // Ordinal: 'Z' (0x5A) < 'a' (0x61); ignoring case 'a' < 'z'.
    Map<PropTag, PropValue> zebra = bag(PropValue.ofString(CLASS, "Zebra"));
    Restriction lessThanApple = Restriction.property(Relop.LT, PropValue.ofString(CLASS, "apple"));
    assertThat(ordinal.matches(lessThanApple, zebra, SubObjects.NONE)).isTrue();
    assertThat(evaluator.matches(lessThanApple, zebra, SubObjects.NONE)).isFalse();
  }

  @Test
  void string8AndUnicodeAreOneProperty() {
    Restriction r =
        Restriction.property(
            Relop.EQ, PropValue.ofString(CLASS.withType(PropType.PT_STRING8), "IPM.Note"));
    assertThat(matches(r)).isTrue();
  }

  @Test
  void typeMismatchBetweenItemAndRestrictionIsFalse() {
    Map<PropTag, PropValue> wrongType =
        bag(PropValue.ofLong(IMPORTANCE.withType(PropType.PT_I8), 2L));
    Restriction r = Restriction.property(Relop.EQ, PropValue.ofInt(IMPORTANCE, 2));
    assertThat(evaluator.matches(r, wrongType, SubObjects.NONE)).isFalse();
    assertThat(evaluator.matches(Restriction.not(r), wrongType, SubObjects.NONE)).isTrue();
  }

  // --- Multi-valued -----------------------------------------------------------------------

  @Test
  void multiValuedTagMatchesIfAnyValueMatches() {
    Restriction blue =
        new Restriction.Property(Relop.EQ, KEYWORDS, PropValue.ofString(KEYWORD, "blue"));
    Restriction green =
        new Restriction.Property(Relop.EQ, KEYWORDS, PropValue.ofString(KEYWORD, "Green"));
    Restriction notBlue =
        new Restriction.Property(Relop.NE, KEYWORDS, PropValue.ofString(KEYWORD, "Blue"));
    assertThat(matches(blue)).isTrue();
    assertThat(matches(green)).isFalse();
    // "some value differs from Blue": Urgent does.
    assertThat(matches(notBlue)).isTrue();
    // A multi-valued constant: any pair.
    Restriction either =
        new Restriction.Property(
            Relop.EQ, KEYWORDS, PropValue.ofList(KEYWORDS, List.of("Green", "Urgent")));
    assertThat(matches(either)).isTrue();
    // A single-valued tag does not see the multi-valued property.
    assertThat(matches(Restriction.property(Relop.EQ, PropValue.ofString(KEYWORD, "Blue"))))
        .isFalse();
  }

  @Test
  void emptyMultiValuedPropertyMatchesNoValueTest() {
    Map<PropTag, PropValue> empty = bag(PropValue.ofList(KEYWORDS, List.of()));
    Restriction ne = new Restriction.Property(Relop.NE, KEYWORDS, PropValue.ofString(KEYWORD, "x"));
    assertThat(evaluator.matches(ne, empty, SubObjects.NONE)).isFalse();
    assertThat(evaluator.matches(Restriction.exist(KEYWORDS), empty, SubObjects.NONE)).isTrue();
  }

  @Test
  void contentOnMultiValuedTag() {
    assertThat(matches(content(FuzzyLevelLow.PREFIX, KEYWORDS, "urg", FuzzyLevelHigh.IGNORECASE)))
        .isTrue();
    assertThat(matches(content(FuzzyLevelLow.PREFIX, KEYWORDS, "urg"))).isFalse();
    assertThat(matches(content(FuzzyLevelLow.FULLSTRING, KEYWORDS, "Blue"))).isTrue();
  }

  // --- Content ----------------------------------------------------------------------------

  @Test
  void contentFullStringPrefixSubstring() {
    assertThat(matches(content(FuzzyLevelLow.FULLSTRING, CLASS, "IPM.Note"))).isTrue();
    assertThat(matches(content(FuzzyLevelLow.FULLSTRING, CLASS, "IPM"))).isFalse();
    assertThat(matches(content(FuzzyLevelLow.PREFIX, CLASS, "IPM."))).isTrue();
    assertThat(matches(content(FuzzyLevelLow.PREFIX, CLASS, "Note"))).isFalse();
    assertThat(matches(content(FuzzyLevelLow.SUBSTRING, SUBJECT, "Report"))).isTrue();
    assertThat(matches(content(FuzzyLevelLow.SUBSTRING, SUBJECT, "report"))).isFalse();
    assertThat(matches(content(FuzzyLevelLow.SUBSTRING, SUBJECT, ""))).isTrue();
  }

  @Test
  void contentIgnoreCase() {
    assertThat(
            matches(content(FuzzyLevelLow.SUBSTRING, SUBJECT, "REPORT", FuzzyLevelHigh.IGNORECASE)))
        .isTrue();
    assertThat(
            matches(content(FuzzyLevelLow.PREFIX, SUBJECT, "quarterly", FuzzyLevelHigh.IGNORECASE)))
        .isTrue();
    assertThat(matches(content(FuzzyLevelLow.PREFIX, SUBJECT, "report", FuzzyLevelHigh.IGNORECASE)))
        .isFalse();
    assertThat(
            matches(
                content(FuzzyLevelLow.FULLSTRING, CLASS, "ipm.NOTE", FuzzyLevelHigh.IGNORECASE)))
        .isTrue();
    // Non-ASCII letters fold too, without a locale.
    assertThat(
            matches(
                content(FuzzyLevelLow.SUBSTRING, SUBJECT, "ÅNGSTRÖM", FuzzyLevelHigh.IGNORECASE)))
        .isTrue();
  }

  @Test
  void contentIgnoreNonSpaceAndLoose() {
    assertThat(matches(content(FuzzyLevelLow.SUBSTRING, SUBJECT, "Angstrom cafe"))).isFalse();
    assertThat(
            matches(
                content(
                    FuzzyLevelLow.SUBSTRING,
                    SUBJECT,
                    "Angstrom cafe",
                    FuzzyLevelHigh.IGNORENONSPACE)))
        .isTrue();
    assertThat(
            matches(
                content(
                    FuzzyLevelLow.SUBSTRING,
                    SUBJECT,
                    "angstrom CAFE",
                    FuzzyLevelHigh.IGNORENONSPACE)))
        .isFalse();
    assertThat(
            matches(
                content(FuzzyLevelLow.SUBSTRING, SUBJECT, "angstrom CAFE", FuzzyLevelHigh.LOOSE)))
        .isTrue();
  }

  @Test
  void contentOnBinary() {
    Restriction.Content sub =
        new Restriction.Content(
            FuzzyLevelLow.SUBSTRING,
            Set.of(),
            PropValue.ofBytes(SEARCH_KEY, new byte[] {(byte) 0x80, 0x7F}));
    Restriction.Content prefix =
        new Restriction.Content(
            FuzzyLevelLow.PREFIX,
            Set.of(FuzzyLevelHigh.IGNORECASE),
            PropValue.ofBytes(SEARCH_KEY, new byte[] {0x01, (byte) 0x80}));
    Restriction.Content notPrefix =
        new Restriction.Content(
            FuzzyLevelLow.PREFIX,
            Set.of(),
            PropValue.ofBytes(SEARCH_KEY, new byte[] {(byte) 0x80}));
    Restriction.Content full =
        new Restriction.Content(
            FuzzyLevelLow.FULLSTRING,
            Set.of(),
            PropValue.ofBytes(SEARCH_KEY, new byte[] {0x01, (byte) 0x80, 0x7F, 0x00}));
    Restriction.Content tooLong =
        new Restriction.Content(
            FuzzyLevelLow.SUBSTRING,
            Set.of(),
            PropValue.ofBytes(SEARCH_KEY, new byte[] {0x01, (byte) 0x80, 0x7F, 0x00, 0x00}));
    assertThat(matches(sub)).isTrue();
    assertThat(matches(prefix)).isTrue();
    assertThat(matches(notPrefix)).isFalse();
    assertThat(matches(full)).isTrue();
    assertThat(matches(tooLong)).isFalse();
  }

  @Test
  void contentOnMissingPropertyIsFalse() {
    PropTag body = PropTag.of(0x1000001F);
    assertThat(matches(content(FuzzyLevelLow.SUBSTRING, body, ""))).isFalse();
    assertThat(matches(Restriction.not(content(FuzzyLevelLow.SUBSTRING, body, "")))).isTrue();
  }

  // --- CompareProperties ------------------------------------------------------------------

  @Test
  void comparePropertiesComparesTwoPropertiesOfTheItem() {
    assertThat(matches(new Restriction.CompareProperties(Relop.GT, RECEIVED, SENT))).isTrue();
    assertThat(matches(new Restriction.CompareProperties(Relop.LE, RECEIVED, SENT))).isFalse();
    assertThat(matches(new Restriction.CompareProperties(Relop.GT, IMPORTANCE, PRIORITY))).isTrue();
    assertThat(matches(new Restriction.CompareProperties(Relop.EQ, IMPORTANCE, IMPORTANCE)))
        .isTrue();
    // Either side missing: false.
    assertThat(matches(new Restriction.CompareProperties(Relop.NE, IMPORTANCE, SIZE))).isFalse();
    assertThat(matches(new Restriction.CompareProperties(Relop.NE, SIZE, IMPORTANCE))).isFalse();
    // Strings of either type compare with each other.
    assertThat(matches(new Restriction.CompareProperties(Relop.NE, SUBJECT, CLASS))).isTrue();
    assertThat(matches(new Restriction.CompareProperties(Relop.EQ, SUBJECT_A, SUBJECT))).isTrue();
  }

  // --- Bitmask ----------------------------------------------------------------------------

  @Test
  void bitmaskTestsBits() {
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.NEZ, FLAGS, 0x01))).isTrue();
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.EQZ, FLAGS, 0x01))).isFalse();
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.EQZ, FLAGS, 0x02))).isTrue();
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.NEZ, FLAGS, 0x06))).isFalse();
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.NEZ, FLAGS, 0xFFFF_FFFF))).isTrue();
  }

  @Test
  void bitmaskOnMissingOrNonIntegerIsFalse() {
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.EQZ, SIZE, 1))).isFalse();
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.NEZ, SIZE, 1))).isFalse();
    PropTag anySubject = SUBJECT.withType(PropType.PT_UNSPECIFIED);
    assertThat(matches(new Restriction.Bitmask(BitmaskRelop.EQZ, anySubject, 1))).isFalse();
    Map<PropTag, PropValue> shortFlags =
        bag(PropValue.ofShort(PropTag.of(0x6001, PropType.PT_I2), (short) 0x8000));
    assertThat(
            evaluator.matches(
                new Restriction.Bitmask(
                    BitmaskRelop.EQZ, PropTag.of(0x6001, PropType.PT_I2), 0xFFFF_0000),
                shortFlags,
                SubObjects.NONE))
        .as("PT_I2 is zero-extended")
        .isTrue();
  }

  // --- Size -------------------------------------------------------------------------------

  @Test
  void sizeOfUnicodeCountsUtf16AndTerminator() {
    // "IPM.Note": 8 UTF-16 code units, 16 bytes plus a 2-byte terminator.
    assertThat(matches(new Restriction.Size(Relop.EQ, CLASS, 18))).isTrue();
    assertThat(matches(new Restriction.Size(Relop.LT, CLASS, 18))).isFalse();
    assertThat(matches(new Restriction.Size(Relop.GT, CLASS, 17))).isTrue();
    // As PT_STRING8: 8 bytes plus a 1-byte terminator.
    assertThat(matches(new Restriction.Size(Relop.EQ, CLASS.withType(PropType.PT_STRING8), 9)))
        .isTrue();
  }

  @Test
  void sizeOfOtherTypes() {
    assertThat(matches(new Restriction.Size(Relop.EQ, FLAGS, 4))).isTrue();
    assertThat(matches(new Restriction.Size(Relop.EQ, RECEIVED, 8))).isTrue();
    assertThat(matches(new Restriction.Size(Relop.EQ, READ, 1))).isTrue();
    assertThat(matches(new Restriction.Size(Relop.EQ, GUID, 16))).isTrue();
    assertThat(matches(new Restriction.Size(Relop.EQ, SEARCH_KEY, 4))).isTrue();
    // "Blue" + "Urgent": (4 + 1) * 2 + (6 + 1) * 2.
    assertThat(matches(new Restriction.Size(Relop.EQ, KEYWORDS, 24))).isTrue();
    assertThat(
            matches(
                new Restriction.Size(Relop.EQ, SEARCH_KEY.withType(PropType.PT_UNSPECIFIED), 4)))
        .isTrue();
    assertThat(matches(new Restriction.Size(Relop.GE, SIZE, 0))).isFalse();
  }

  // --- SubObject --------------------------------------------------------------------------

  private static final SubObjects PARTS =
      SubObjects.of(
          List.of(
              bag(
                  PropValue.ofInt(RECIPIENT_TYPE, 1),
                  PropValue.ofString(SMTP, "alice@example.org")),
              bag(PropValue.ofInt(RECIPIENT_TYPE, 2), PropValue.ofString(SMTP, "bob@example.org"))),
          List.of(bag(PropValue.ofString(ATTACH_NAME, "budget.xlsx"))));

  @Test
  void subObjectMatchesIfAnyRecipientMatches() {
    Restriction ccBob =
        new Restriction.SubObject(
            Restriction.MESSAGE_RECIPIENTS,
            Restriction.and(
                Restriction.property(Relop.EQ, PropValue.ofInt(RECIPIENT_TYPE, 2)),
                content(FuzzyLevelLow.PREFIX, SMTP, "BOB@", FuzzyLevelHigh.IGNORECASE)));
    Restriction ccAlice =
        new Restriction.SubObject(
            Restriction.MESSAGE_RECIPIENTS,
            Restriction.and(
                Restriction.property(Relop.EQ, PropValue.ofInt(RECIPIENT_TYPE, 2)),
                content(FuzzyLevelLow.PREFIX, SMTP, "alice@")));
    assertThat(evaluator.matches(ccBob, MAIL, PARTS)).isTrue();
    assertThat(evaluator.matches(ccAlice, MAIL, PARTS)).isFalse();
    assertThat(evaluator.matches(ccBob, MAIL, SubObjects.NONE)).isFalse();
  }

  @Test
  void subObjectOnAttachments() {
    Restriction xlsx =
        new Restriction.SubObject(
            Restriction.MESSAGE_ATTACHMENTS,
            content(FuzzyLevelLow.SUBSTRING, ATTACH_NAME, ".XLSX", FuzzyLevelHigh.IGNORECASE));
    Restriction smtpOnAttachment =
        new Restriction.SubObject(Restriction.MESSAGE_ATTACHMENTS, Restriction.exist(SMTP));
    assertThat(evaluator.matches(xlsx, MAIL, PARTS)).isTrue();
    assertThat(evaluator.matches(smtpOnAttachment, MAIL, PARTS)).isFalse();
    // The message's own properties are not the sub-object's.
    Restriction subjectOnRecipient =
        new Restriction.SubObject(Restriction.MESSAGE_RECIPIENTS, Restriction.exist(SUBJECT));
    assertThat(evaluator.matches(subjectOnRecipient, MAIL, PARTS)).isFalse();
  }

  @Test
  void subObjectsAreOnlyAskedForWhenNeeded() {
    List<String> asked = new ArrayList<>();
    SubObjects recording =
        new SubObjects() {
          @Override
          public List<Map<PropTag, PropValue>> recipients() {
            asked.add("recipients");
            return PARTS.recipients();
          }

          @Override
          public List<Map<PropTag, PropValue>> attachments() {
            asked.add("attachments");
            return PARTS.attachments();
          }
        };
    assertThat(evaluator.matches(Restriction.exist(SUBJECT), MAIL, recording)).isTrue();
    assertThat(asked).isEmpty();
    evaluator.matches(
        new Restriction.SubObject(Restriction.MESSAGE_ATTACHMENTS, Restriction.exist(SMTP)),
        MAIL,
        recording);
    assertThat(asked).containsExactly("attachments");
  }

  // --- Comment, Count ---------------------------------------------------------------------

  @Test
  void commentIsItsChildOrTrue() {
    List<PropValue> notes = List.of(PropValue.ofString(PropTag.of(0x6700001F), "built by Outlook"));
    assertThat(matches(new Restriction.Comment(notes, Restriction.exist(SUBJECT)))).isTrue();
    assertThat(matches(new Restriction.Comment(notes, Restriction.exist(SIZE)))).isFalse();
    assertThat(matches(new Restriction.Comment(notes, null))).isTrue();
  }

  @Test
  void countOnOneItemIsItsChildUnlessZero() {
    assertThat(matches(new Restriction.Count(1, Restriction.exist(SUBJECT)))).isTrue();
    assertThat(matches(new Restriction.Count(0, Restriction.exist(SUBJECT)))).isFalse();
    assertThat(matches(new Restriction.Count(5, Restriction.exist(SIZE)))).isFalse();
  }

  @Test
  void countLimitsMatchesAcrossAScan() {
    Restriction firstTwoImportant =
        new Restriction.Count(2, Restriction.property(Relop.EQ, PropValue.ofInt(IMPORTANCE, 2)));
    RestrictionEvaluator.Scan scan = evaluator.scan(firstTwoImportant);
    List<Boolean> results = new ArrayList<>();
    for (int importance : new int[] {2, 1, 2, 2, 1, 2}) {
      results.add(scan.matches(bag(PropValue.ofInt(IMPORTANCE, importance)), SubObjects.NONE));
    }
    assertThat(results).containsExactly(true, false, true, false, false, false);
    // A new scan starts counting afresh.
    assertThat(evaluator.scan(firstTwoImportant).matches(MAIL, SubObjects.NONE)).isTrue();
  }

  // --- Errors -----------------------------------------------------------------------------

  @Test
  void unsupportedRelopsAreTypedErrors() {
    Restriction re = Restriction.property(Relop.RE, PropValue.ofString(SUBJECT, "Re.*"));
    assertThatThrownBy(() -> matches(re))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> assertThat(e.reason()).isEqualTo(QueryException.Reason.UNSUPPORTED));
    Restriction dl =
        Restriction.property(Relop.MEMBER_OF_DL, PropValue.ofBytes(SEARCH_KEY, new byte[4]));
    assertThatThrownBy(() -> evaluator.scan(Restriction.not(dl)))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> assertThat(e.reason()).isEqualTo(QueryException.Reason.UNSUPPORTED));
  }
}

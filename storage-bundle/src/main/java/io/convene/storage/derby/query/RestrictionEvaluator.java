package io.convene.storage.derby.query;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.FuzzyLevelHigh;
import io.convene.api.store.query.FuzzyLevelLow;
import io.convene.api.store.query.Restriction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates a MAPI restriction (MS-OXCDATA 2.12) against an item's property bag. Every tree is
 * first checked by a {@link RestrictionValidator}; a refused tree throws {@link QueryException} and
 * is never evaluated.
 *
 * <p>Semantics, where MS-OXCDATA and MAPI leave room:
 *
 * <ul>
 *   <li><b>Lookup.</b> A tag finds the bag's property with that exact tag; a string tag also finds
 *       the same id with the other string type ({@code PT_STRING8}/{@code PT_UNICODE}, also
 *       multi-valued); a {@code PT_UNSPECIFIED} tag (meaningful in exist, size and bitmask
 *       restrictions) finds a property of any type with that id. A property stored with another
 *       type is not found.
 *   <li><b>Missing properties.</b> Content, property, compare-properties, bitmask (both {@code
 *       BMR_EQZ} and {@code BMR_NEZ}) and size restrictions are false when a property they test is
 *       missing; an exist restriction is true exactly when the property is there. So {@code
 *       Not(Property)} is true for an item without the property, which is why Outlook pairs such
 *       tests with an exist restriction.
 *   <li><b>Type mismatch.</b> If the item's property is not of the tag's kind (the tag named {@code
 *       PT_UNSPECIFIED}, or compare-properties on a multi-valued property), the test is false;
 *       restrictions whose own tag and value disagree were refused by the validator.
 *   <li><b>Order.</b> Values compare within their type: integers, floating point and currency
 *       numerically ({@code 0.0 == -0.0}, {@code NaN} above everything), strings by UTF-16 code
 *       unit under the configured {@link StringOrder}, binary unsigned lexicographically ({@code
 *       PT_SERVERID} too), {@code PT_SYSTIME} by instant, {@code PT_CLSID} by its 16 wire bytes,
 *       {@code false < true}.
 *   <li><b>Multi-valued properties.</b> A property or content restriction whose tag is multi-valued
 *       tests each value of the item's property separately and is true if any value passes (the
 *       MAPI {@code MVI_FLAG} instance semantics, which is what Outlook means when it filters on
 *       keywords/categories). The given value may be single (the usual form) or multi-valued; then
 *       any pair of item value and given value must pass. So {@code RELOP_NE} means "some value
 *       differs", and an empty multi-valued property passes nothing. A single-valued tag does not
 *       match a multi-valued property of the same id (different tag).
 *   <li><b>Content.</b> {@code FL_FULLSTRING} is equality, {@code FL_PREFIX} starts-with, {@code
 *       FL_SUBSTRING} contains. For strings {@code FL_IGNORECASE} applies locale-independent simple
 *       case folding per code point, {@code FL_IGNORENONSPACE} removes non-spacing marks after NFD
 *       decomposition, {@code FL_LOOSE} does both; the flags do not apply to binary values (MAPI
 *       applies them to strings only).
 *   <li><b>Size.</b> As {@link Values#size} documents: the MS-OXCDATA 2.11.1 wire size of the type
 *       the restriction names; {@code PT_UNICODE} is {@code 2 * (length + 1)}, {@code PT_STRING8}
 *       UTF-8 bytes plus one.
 *   <li><b>Bitmask.</b> On {@code PT_LONG} (and {@code PT_I2}, zero-extended) properties only;
 *       another type is false.
 *   <li><b>Sub-objects.</b> True if any recipient (or attachment) bag satisfies the child; a
 *       sub-object restriction inside a recipient is false, inside an attachment it is evaluated
 *       against the recipients and attachments of the message the attachment embeds ({@link
 *       SubObjects#attachmentParts}), if any.
 *   <li><b>Comment.</b> The child's result, or true without a child; tagged values are ignored.
 *   <li><b>Count.</b> {@link #matches} evaluates one item, so {@code Count(n, r)} is {@code n > 0
 *       && r}. A {@link Scan} over a table keeps one counter per count node and lets it pass only
 *       its first {@code n} matching items; a count node is counted only when evaluation reaches it
 *       (And/Or short-circuit left to right).
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link Scan}s are not.
 */
public final class RestrictionEvaluator {

  private final RestrictionValidator validator;
  private final StringOrder strings;

  /**
   * An evaluator.
   *
   * @param limits the limits every restriction is checked against
   * @param strings how property and compare-properties restrictions order strings
   */
  public RestrictionEvaluator(QueryLimits limits, StringOrder strings) {
    this.validator = new RestrictionValidator(limits);
    this.strings = Objects.requireNonNull(strings, "strings");
  }

  /** An evaluator with {@link QueryLimits#DEFAULT} and {@link StringOrder#IGNORE_CASE}. */
  public RestrictionEvaluator() {
    this(QueryLimits.DEFAULT, StringOrder.IGNORE_CASE);
  }

  /**
   * Whether one item satisfies the restriction. Validates the tree on every call; to filter many
   * items use {@link #scan}.
   *
   * @param restriction the restriction, not {@code null}
   * @param bag the item's properties by tag, not {@code null}
   * @param subObjects the item's recipients and attachments, not {@code null}
   * @throws QueryException if the validator refuses the restriction
   */
  public boolean matches(
      Restriction restriction, Map<PropTag, PropValue> bag, SubObjects subObjects) {
    validator.validate(restriction);
    Objects.requireNonNull(bag, "bag");
    Objects.requireNonNull(subObjects, "subObjects");
    return evaluate(restriction, bag, subObjects, null);
  }

  /**
   * Validates the restriction once and returns a matcher for one pass over a table, which also
   * applies count restrictions across the items it is given.
   *
   * @throws QueryException if the validator refuses the restriction
   */
  public Scan scan(Restriction restriction) {
    validator.validate(restriction);
    return new Scan(restriction);
  }

  /**
   * One pass of a validated restriction over the items of a table, in table order. Not thread-safe:
   * one scan belongs to one pass.
   */
  public final class Scan {
    private final Restriction root;
    private final Map<Restriction.Count, long[]> passed = new IdentityHashMap<>();

    private Scan(Restriction root) {
      this.root = root;
    }

    /** Whether the next item of the table satisfies the restriction. */
    public boolean matches(Map<PropTag, PropValue> bag, SubObjects subObjects) {
      return evaluate(root, Objects.requireNonNull(bag), Objects.requireNonNull(subObjects), this);
    }
  }

  private boolean evaluate(Restriction r, Map<PropTag, PropValue> bag, SubObjects sub, Scan scan) {
    if (r instanceof Restriction.And and) {
      for (Restriction child : and.children()) {
        if (!evaluate(child, bag, sub, scan)) {
          return false;
        }
      }
      return true;
    } else if (r instanceof Restriction.Or or) {
      for (Restriction child : or.children()) {
        if (evaluate(child, bag, sub, scan)) {
          return true;
        }
      }
      return false;
    } else if (r instanceof Restriction.Not not) {
      return !evaluate(not.child(), bag, sub, scan);
    } else if (r instanceof Restriction.Content content) {
      return content(content, bag);
    } else if (r instanceof Restriction.Property property) {
      return property(property, bag);
    } else if (r instanceof Restriction.CompareProperties compare) {
      return compareProperties(compare, bag);
    } else if (r instanceof Restriction.Bitmask bitmask) {
      return bitmask(bitmask, bag);
    } else if (r instanceof Restriction.Size size) {
      PropValue actual = Values.lookup(bag, size.tag());
      return actual != null
          && size.relop().test(Long.compare(Values.size(size.tag().type(), actual), size.size()));
    } else if (r instanceof Restriction.Exist exist) {
      return Values.lookup(bag, exist.tag()) != null;
    } else if (r instanceof Restriction.SubObject subObject) {
      boolean recipients = subObject.subObject().equals(Restriction.MESSAGE_RECIPIENTS);
      List<Map<PropTag, PropValue>> bags = recipients ? sub.recipients() : sub.attachments();
      for (int i = 0; i < bags.size(); i++) {
        // an attachment's own sub-objects are those of the message it embeds
        SubObjects inner = recipients ? SubObjects.NONE : sub.attachmentParts(i);
        if (evaluate(subObject.child(), bags.get(i), inner, scan)) {
          return true;
        }
      }
      return false;
    } else if (r instanceof Restriction.Comment comment) {
      return comment.child() == null || evaluate(comment.child(), bag, sub, scan);
    } else if (r instanceof Restriction.Count count) {
      return count(count, bag, sub, scan);
    }
    throw new IllegalStateException("unknown restriction " + r.type());
  }

  private boolean count(
      Restriction.Count count, Map<PropTag, PropValue> bag, SubObjects sub, Scan scan) {
    if (count.count() == 0) {
      return false;
    }
    if (scan == null) {
      return evaluate(count.child(), bag, sub, null);
    }
    long[] passed = scan.passed.computeIfAbsent(count, c -> new long[1]);
    if (passed[0] >= count.count() || !evaluate(count.child(), bag, sub, scan)) {
      return false;
    }
    passed[0]++;
    return true;
  }

  private boolean property(Restriction.Property p, Map<PropTag, PropValue> bag) {
    PropValue actual = Values.lookup(bag, p.tag());
    if (actual == null || !Values.sameKind(actual.type(), p.tag().type())) {
      return false;
    }
    PropType element = actual.type().elementType();
    List<?> given = Values.elements(p.value());
    for (Object value : Values.elements(actual)) {
      for (Object constant : given) {
        if (p.relop().test(Values.compare(element, value, constant, strings))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean compareProperties(Restriction.CompareProperties c, Map<PropTag, PropValue> bag) {
    PropValue left = Values.lookup(bag, c.tag1());
    PropValue right = Values.lookup(bag, c.tag2());
    if (left == null
        || right == null
        || left.type().isMultiValued()
        || right.type().isMultiValued()
        || !Values.sameKind(left.type(), right.type())) {
      return false;
    }
    return c.relop().test(Values.compare(left.type(), left.value(), right.value(), strings));
  }

  private static boolean bitmask(Restriction.Bitmask b, Map<PropTag, PropValue> bag) {
    PropValue actual = Values.lookup(bag, b.tag());
    if (actual == null) {
      return false;
    }
    int bits;
    if (actual.type() == PropType.PT_LONG) {
      bits = actual.asInt();
    } else if (actual.type() == PropType.PT_I2) {
      bits = actual.asShort() & 0xFFFF;
    } else {
      return false;
    }
    boolean zero = (bits & b.mask()) == 0;
    return switch (b.relop()) {
      case EQZ -> zero;
      case NEZ -> !zero;
    };
  }

  private static boolean content(Restriction.Content c, Map<PropTag, PropValue> bag) {
    PropValue actual = Values.lookup(bag, c.tag());
    if (actual == null || !Values.sameKind(actual.type(), c.tag().type())) {
      return false;
    }
    List<?> needles = Values.elements(c.value());
    boolean strings = Values.isString(actual.type().elementType());
    List<Object> prepared = new ArrayList<>(needles.size());
    for (Object needle : needles) {
      prepared.add(strings ? normalize((String) needle, c.high()) : needle);
    }
    for (Object value : Values.elements(actual)) {
      for (Object needle : prepared) {
        boolean hit =
            strings
                ? stringMatch(c.low(), normalize((String) value, c.high()), (String) needle)
                : binaryMatch(c.low(), (byte[]) value, (byte[]) needle);
        if (hit) {
          return true;
        }
      }
    }
    return false;
  }

  private static String normalize(String s, Set<FuzzyLevelHigh> flags) {
    boolean loose = flags.contains(FuzzyLevelHigh.LOOSE);
    String result = s;
    if (loose || flags.contains(FuzzyLevelHigh.IGNORENONSPACE)) {
      result = Values.stripNonSpacing(result);
    }
    if (loose || flags.contains(FuzzyLevelHigh.IGNORECASE)) {
      result = Values.foldCase(result);
    }
    return result;
  }

  private static boolean stringMatch(FuzzyLevelLow low, String value, String needle) {
    return switch (low) {
      case FULLSTRING -> value.equals(needle);
      case PREFIX -> value.startsWith(needle);
      case SUBSTRING -> value.contains(needle);
    };
  }

  private static boolean binaryMatch(FuzzyLevelLow low, byte[] value, byte[] needle) {
    return switch (low) {
      case FULLSTRING -> Arrays.equals(value, needle);
      case PREFIX ->
          value.length >= needle.length
              && Arrays.equals(value, 0, needle.length, needle, 0, needle.length);
      case SUBSTRING -> Values.indexOf(value, needle) >= 0;
    };
  }
}

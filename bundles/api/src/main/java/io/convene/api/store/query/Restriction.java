package io.convene.api.store.query;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A MAPI restriction: a boolean filter over the properties of an item (a row of a table),
 * MS-OXCDATA 2.12. One record per restriction packet; {@link #type()} gives its {@code
 * RestrictType}.
 *
 * <p>Six records combine restrictions ({@link And}, {@link Or}, {@link Not}, {@link SubObject},
 * {@link Comment}, {@link Count}); six test properties of the item ({@link Content}, {@link
 * Property}, {@link CompareProperties}, {@link Bitmask}, {@link Size}, {@link Exist}).
 *
 * <p>Constructors check structure only: components are non-null, lists hold no {@code null}, the
 * wire fields' counts and ranges hold. They do not check that a value's type suits the tag or that
 * an operator is supported; the evaluating store does (MAPI reports such restrictions as {@code
 * MAPI_E_TOO_COMPLEX}).
 *
 * <p>Instances are immutable and safe to share between threads. Equality is structural (through
 * {@link PropValue#equals}).
 */
@ProviderType
public sealed interface Restriction
    permits Restriction.And,
        Restriction.Or,
        Restriction.Not,
        Restriction.Content,
        Restriction.Property,
        Restriction.CompareProperties,
        Restriction.Bitmask,
        Restriction.Size,
        Restriction.Exist,
        Restriction.SubObject,
        Restriction.Comment,
        Restriction.Count {

  /** Largest value of an unsigned 32-bit wire field ({@code Count}, {@code Size}). */
  long MAX_UINT32 = 0xFFFF_FFFFL;

  /** {@code PidTagMessageRecipients} ({@code 0x0E12000D}), the recipients of a message. */
  PropTag MESSAGE_RECIPIENTS = PropTag.of(0x0E12, PropType.PT_OBJECT);

  /** {@code PidTagMessageAttachments} ({@code 0x0E13000D}), the attachments of a message. */
  PropTag MESSAGE_ATTACHMENTS = PropTag.of(0x0E13, PropType.PT_OBJECT);

  /** The {@code RestrictType} of this restriction. */
  RestrictionType type();

  /** Shorthand for {@code new And(List.of(children))}. */
  static And and(Restriction... children) {
    return new And(Arrays.asList(children));
  }

  /** Shorthand for {@code new Or(List.of(children))}. */
  static Or or(Restriction... children) {
    return new Or(Arrays.asList(children));
  }

  /** Shorthand for {@code new Not(child)}. */
  static Not not(Restriction child) {
    return new Not(child);
  }

  /** Shorthand for {@code new Exist(tag)}. */
  static Exist exist(PropTag tag) {
    return new Exist(tag);
  }

  /** Shorthand for {@code new Property(relop, value.tag(), value)}. */
  static Property property(Relop relop, PropValue value) {
    return new Property(relop, value.tag(), value);
  }

  /**
   * {@code AndRestriction}, MS-OXCDATA 2.12.1: true iff every child is true; an empty list is true.
   *
   * @param children the children, in order; copied, no {@code null} element
   */
  record And(List<Restriction> children) implements Restriction {
    public And {
      children = List.copyOf(children);
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.AND;
    }
  }

  /**
   * {@code OrRestriction}, MS-OXCDATA 2.12.2: true iff at least one child is true; an empty list is
   * false.
   *
   * @param children the children, in order; copied, no {@code null} element
   */
  record Or(List<Restriction> children) implements Restriction {
    public Or {
      children = List.copyOf(children);
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.OR;
    }
  }

  /**
   * {@code NotRestriction}, MS-OXCDATA 2.12.3: true iff the child is false.
   *
   * @param child the negated restriction, not {@code null}
   */
  record Not(Restriction child) implements Restriction {
    public Not {
      Objects.requireNonNull(child, "child");
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.NOT;
    }
  }

  /**
   * {@code ContentRestriction}, MS-OXCDATA 2.12.4: the item's string or binary property contains
   * (as {@code low} says) the given value. Only the types of {@code tag} and {@code value.tag()}
   * matter for matching, not the id of the value's tag (MAPI {@code SContentRestriction}).
   *
   * @param low full string, substring or prefix, not {@code null}
   * @param high the {@code FuzzyLevelHigh} flags; copied, may be empty, not {@code null}
   * @param tag the property of the item to search, not {@code null}
   * @param value the value to search for, not {@code null}
   */
  record Content(FuzzyLevelLow low, Set<FuzzyLevelHigh> high, PropTag tag, PropValue value)
      implements Restriction {
    public Content {
      Objects.requireNonNull(low, "low");
      high = Set.copyOf(high);
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(value, "value");
    }

    /** A content restriction whose value's tag is {@code value.tag()}. */
    public Content(FuzzyLevelLow low, Set<FuzzyLevelHigh> high, PropValue value) {
      this(low, high, value.tag(), value);
    }

    /**
     * The 32-bit fuzzy level of the wire: {@code FuzzyLevelHigh << 16 | FuzzyLevelLow} (MS-OXCDATA
     * 2.12.4.1).
     */
    public int fuzzyLevel() {
      return FuzzyLevelHigh.toBits(high) << 16 | low.code();
    }

    /**
     * The levels of a 32-bit wire fuzzy level.
     *
     * @throws IllegalArgumentException if the low half is not a {@link FuzzyLevelLow} or the high
     *     half has unknown bits
     */
    public static Content of(int fuzzyLevel, PropTag tag, PropValue value) {
      return new Content(
          FuzzyLevelLow.fromCode(fuzzyLevel & 0xFFFF),
          FuzzyLevelHigh.fromBits(fuzzyLevel >>> 16),
          tag,
          value);
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.CONTENT;
    }
  }

  /**
   * {@code PropertyRestriction}, MS-OXCDATA 2.12.5: compares the item's property with a constant,
   * "item's value {@code relop} {@code value}". Only the types of {@code tag} and {@code
   * value.tag()} matter, not the id of the value's tag.
   *
   * @param relop the operator, not {@code null}
   * @param tag the property of the item, not {@code null}
   * @param value the constant, not {@code null}
   */
  record Property(Relop relop, PropTag tag, PropValue value) implements Restriction {
    public Property {
      Objects.requireNonNull(relop, "relop");
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.PROPERTY;
    }
  }

  /**
   * {@code ComparePropertiesRestriction}, MS-OXCDATA 2.12.6: compares two properties of the same
   * item, "value of {@code tag1} {@code relop} value of {@code tag2}".
   *
   * @param relop the operator, not {@code null}
   * @param tag1 the left property, not {@code null}
   * @param tag2 the right property, not {@code null}
   */
  record CompareProperties(Relop relop, PropTag tag1, PropTag tag2) implements Restriction {
    public CompareProperties {
      Objects.requireNonNull(relop, "relop");
      Objects.requireNonNull(tag1, "tag1");
      Objects.requireNonNull(tag2, "tag2");
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.COMPARE_PROPERTIES;
    }
  }

  /**
   * {@code BitMaskRestriction}, MS-OXCDATA 2.12.7: tests {@code value & mask} of an integer
   * property for zero or non-zero.
   *
   * @param relop {@link BitmaskRelop#EQZ} or {@link BitmaskRelop#NEZ}, not {@code null}
   * @param tag the property of the item, not {@code null}
   * @param mask the 32-bit mask
   */
  record Bitmask(BitmaskRelop relop, PropTag tag, int mask) implements Restriction {
    public Bitmask {
      Objects.requireNonNull(relop, "relop");
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.BITMASK;
    }
  }

  /**
   * {@code SizeRestriction}, MS-OXCDATA 2.12.8: compares the size in bytes of the item's property
   * with a constant, "size of the value {@code relop} {@code size}". How a size is counted is the
   * store's to document.
   *
   * @param relop the operator, not {@code null}
   * @param tag the property of the item, not {@code null}
   * @param size the unsigned 32-bit size, {@code 0..}{@link #MAX_UINT32}
   */
  record Size(Relop relop, PropTag tag, long size) implements Restriction {
    public Size {
      Objects.requireNonNull(relop, "relop");
      Objects.requireNonNull(tag, "tag");
      if (size < 0 || size > MAX_UINT32) {
        throw new IllegalArgumentException("size out of 32 bits: " + size);
      }
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.SIZE;
    }
  }

  /**
   * {@code ExistRestriction}, MS-OXCDATA 2.12.9: true iff the item has the property.
   *
   * @param tag the property, not {@code null}
   */
  record Exist(PropTag tag) implements Restriction {
    public Exist {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.EXIST;
    }
  }

  /**
   * {@code SubObjectRestriction}, MS-OXCDATA 2.12.10: true iff at least one recipient ({@link
   * #MESSAGE_RECIPIENTS}) or attachment ({@link #MESSAGE_ATTACHMENTS}) of the message satisfies the
   * child restriction.
   *
   * @param subObject {@link #MESSAGE_RECIPIENTS} or {@link #MESSAGE_ATTACHMENTS} (another tag is
   *     representable, and rejected by the store), not {@code null}
   * @param child the restriction on the sub-object's properties, not {@code null}
   */
  record SubObject(PropTag subObject, Restriction child) implements Restriction {
    public SubObject {
      Objects.requireNonNull(subObject, "subObject");
      Objects.requireNonNull(child, "child");
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.SUB_OBJECT;
    }
  }

  /**
   * {@code CommentRestriction}, MS-OXCDATA 2.12.11: annotates a restriction with property values
   * that clients use to remember how they built it (Outlook's search folders do). The values do not
   * take part in evaluation.
   *
   * @param taggedValues the annotating values; copied, at most 255 (a one-byte count on the wire)
   * @param child the annotated restriction, or {@code null} if {@code RestrictionPresent} is zero
   */
  record Comment(List<PropValue> taggedValues, Restriction child) implements Restriction {
    /** Most tagged values: {@code TaggedValuesCount} is one byte. */
    public static final int MAX_TAGGED_VALUES = 0xFF;

    public Comment {
      taggedValues = List.copyOf(taggedValues);
      if (taggedValues.size() > MAX_TAGGED_VALUES) {
        throw new IllegalArgumentException(
            "more than " + MAX_TAGGED_VALUES + " tagged values: " + taggedValues.size());
      }
    }

    /** The annotated restriction, if present. */
    public Optional<Restriction> optionalChild() {
      return Optional.ofNullable(child);
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.COMMENT;
    }
  }

  /**
   * {@code CountRestriction}, MS-OXCDATA 2.12.12: the child restriction, limited to its first
   * {@code count} matches in one evaluation over a table.
   *
   * @param count the unsigned 32-bit limit, {@code 0..}{@link #MAX_UINT32}
   * @param child the limited restriction, not {@code null}
   */
  record Count(long count, Restriction child) implements Restriction {
    public Count {
      if (count < 0 || count > MAX_UINT32) {
        throw new IllegalArgumentException("count out of 32 bits: " + count);
      }
      Objects.requireNonNull(child, "child");
    }

    @Override
    public RestrictionType type() {
      return RestrictionType.COUNT;
    }
  }
}

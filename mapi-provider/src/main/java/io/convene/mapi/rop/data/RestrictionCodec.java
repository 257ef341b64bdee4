package io.convene.mapi.rop.data;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.BitmaskRelop;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.RestrictionType;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The restriction packets of MS-OXCDATA 2.12 (RopRestrict, RopFindRow, search criteria) to and from
 * the store API's {@link Restriction} tree.
 *
 * <p>The And/Or RestrictCount field is two bytes in ROP buffers and four bytes in extended rules
 * (MS-OXCDATA 2.12.1.1, MS-OXORULE 2.2.4), hence {@link CountWidth}. Property values inside
 * Content, Property and Comment restrictions are TaggedPropertyValue structures (MS-OXCDATA 2.11.4)
 * read and written by the {@link TaggedValues} given. Decoding stops at the first violation of the
 * {@link RestrictionLimits} with a {@link WireFormatException}; counts are checked against the
 * bytes left before anything is allocated.
 */
public final class RestrictionCodec {

  /** Width of the And/Or RestrictCount field. */
  public enum CountWidth {
    /** Two bytes: RopRestrict, RopFindRow, RopSetSearchCriteria, RopSynchronizationConfigure. */
    ROP,
    /** Four bytes: extended rule conditions (MS-OXORULE). */
    EXTENDED
  }

  /** The TaggedPropertyValue codec a restriction's values go through (MS-OXCDATA 2.11.4). */
  public interface TaggedValues {
    PropValue read(LittleEndianReader in) throws WireFormatException;

    void write(PropValue value, LittleEndianWriter out);
  }

  /** TaggedPropertyValues as ROP buffers carry them, in the store's {@link PropValue} form. */
  public static final TaggedValues ROP_VALUES =
      new TaggedValues() {
        @Override
        public PropValue read(LittleEndianReader in) throws WireFormatException {
          // toPropValue refuses types a store value cannot have (PtypObject...); the decoder
          // turns that IllegalArgumentException into a WireFormatException.
          return TaggedPropertyValue.read(in, PropertyLimits.ROP).toPropValue();
        }

        @Override
        public void write(PropValue value, LittleEndianWriter out) {
          TaggedPropertyValue.of(value).write(out);
        }
      };

  private final TaggedValues values;
  private final RestrictionLimits limits;
  private final CountWidth width;

  public RestrictionCodec(TaggedValues values, RestrictionLimits limits, CountWidth width) {
    this.values = Objects.requireNonNull(values, "values");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.width = Objects.requireNonNull(width, "width");
  }

  /** The codec of ROP buffers: two-byte counts, values through {@link TaggedPropertyValue}. */
  public static RestrictionCodec forRops(RestrictionLimits limits) {
    return new RestrictionCodec(ROP_VALUES, limits, CountWidth.ROP);
  }

  /** Reads one restriction; the reader is left after it. */
  public Restriction decode(LittleEndianReader in) throws WireFormatException {
    return new Decoding(in).restriction(1);
  }

  /**
   * Reads a whole RestrictionData field: exactly one restriction filling the bytes.
   *
   * @throws WireFormatException also when bytes follow the restriction
   */
  public Restriction decodeAll(byte[] data) throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(data);
    Restriction restriction = decode(in);
    if (in.hasRemaining()) {
      throw new WireFormatException(in.remaining() + " bytes after the restriction");
    }
    return restriction;
  }

  public byte[] encode(Restriction restriction) {
    LittleEndianWriter out = new LittleEndianWriter();
    encode(restriction, out);
    return out.toByteArray();
  }

  public void encode(Restriction restriction, LittleEndianWriter out) {
    out.u8(restriction.type().code());
    switch (restriction.type()) {
      case AND -> children(((Restriction.And) restriction).children(), out);
      case OR -> children(((Restriction.Or) restriction).children(), out);
      case NOT -> encode(((Restriction.Not) restriction).child(), out);
      case CONTENT -> {
        Restriction.Content content = (Restriction.Content) restriction;
        out.u16(content.low().code()).u16(content.fuzzyLevel() >>> 16);
        out.u32(content.tag().tag() & 0xFFFFFFFFL);
        values.write(content.value(), out);
      }
      case PROPERTY -> {
        Restriction.Property property = (Restriction.Property) restriction;
        out.u8(property.relop().code()).u32(property.tag().tag() & 0xFFFFFFFFL);
        values.write(property.value(), out);
      }
      case COMPARE_PROPERTIES -> {
        Restriction.CompareProperties compare = (Restriction.CompareProperties) restriction;
        out.u8(compare.relop().code())
            .u32(compare.tag1().tag() & 0xFFFFFFFFL)
            .u32(compare.tag2().tag() & 0xFFFFFFFFL);
      }
      case BITMASK -> {
        Restriction.Bitmask bitmask = (Restriction.Bitmask) restriction;
        out.u8(bitmask.relop().code())
            .u32(bitmask.tag().tag() & 0xFFFFFFFFL)
            .u32(bitmask.mask() & 0xFFFFFFFFL);
      }
      case SIZE -> {
        Restriction.Size size = (Restriction.Size) restriction;
        out.u8(size.relop().code()).u32(size.tag().tag() & 0xFFFFFFFFL).u32(size.size());
      }
      case EXIST -> out.u32(((Restriction.Exist) restriction).tag().tag() & 0xFFFFFFFFL);
      case SUB_OBJECT -> {
        Restriction.SubObject sub = (Restriction.SubObject) restriction;
        out.u32(sub.subObject().tag() & 0xFFFFFFFFL);
        encode(sub.child(), out);
      }
      case COMMENT -> {
        Restriction.Comment comment = (Restriction.Comment) restriction;
        out.u8(comment.taggedValues().size());
        for (PropValue value : comment.taggedValues()) {
          values.write(value, out);
        }
        out.u8(comment.child() == null ? 0 : 1);
        if (comment.child() != null) {
          encode(comment.child(), out);
        }
      }
      case COUNT -> {
        Restriction.Count count = (Restriction.Count) restriction;
        out.u32(count.count());
        encode(count.child(), out);
      }
    }
  }

  private void children(List<Restriction> children, LittleEndianWriter out) {
    if (width == CountWidth.ROP) {
      out.u16(children.size());
    } else {
      out.u32(children.size());
    }
    for (Restriction child : children) {
      encode(child, out);
    }
  }

  /** One decoding run: counts the nodes of the tree being read. */
  private final class Decoding {

    private final LittleEndianReader in;
    private int nodes;

    Decoding(LittleEndianReader in) {
      this.in = in;
    }

    Restriction restriction(int depth) throws WireFormatException {
      if (depth > limits.maxDepth()) {
        throw new WireFormatException("restriction nested deeper than " + limits.maxDepth());
      }
      if (++nodes > limits.maxNodes()) {
        throw new WireFormatException("restriction has more than " + limits.maxNodes() + " nodes");
      }
      int code = in.u8("RestrictType");
      RestrictionType type;
      try {
        type = RestrictionType.fromCode(code);
      } catch (IllegalArgumentException e) {
        throw new WireFormatException(e.getMessage());
      }
      try {
        return switch (type) {
          case AND -> new Restriction.And(children(depth));
          case OR -> new Restriction.Or(children(depth));
          case NOT -> new Restriction.Not(restriction(depth + 1));
          case CONTENT -> content();
          case PROPERTY -> {
            Relop relop = relop();
            PropTag tag = QueryTags.read(in, "PropertyRestriction PropTag");
            yield new Restriction.Property(relop, tag, values.read(in));
          }
          case COMPARE_PROPERTIES ->
              new Restriction.CompareProperties(
                  relop(),
                  QueryTags.read(in, "ComparePropertiesRestriction PropTag1"),
                  QueryTags.read(in, "ComparePropertiesRestriction PropTag2"));
          case BITMASK -> {
            BitmaskRelop relop = BitmaskRelop.fromCode(in.u8("BitmapRelOp"));
            PropTag tag = QueryTags.read(in, "BitMaskRestriction PropTag");
            yield new Restriction.Bitmask(relop, tag, (int) in.u32("Mask"));
          }
          case SIZE -> {
            Relop relop = relop();
            PropTag tag = QueryTags.read(in, "SizeRestriction PropTag");
            yield new Restriction.Size(relop, tag, in.u32("Size"));
          }
          case EXIST -> new Restriction.Exist(QueryTags.read(in, "ExistRestriction PropTag"));
          case SUB_OBJECT -> {
            PropTag subObject = QueryTags.read(in, "SubObjectRestriction Subobject");
            yield new Restriction.SubObject(subObject, restriction(depth + 1));
          }
          case COMMENT -> comment(depth);
          case COUNT -> {
            long count = in.u32("CountRestriction Count");
            yield new Restriction.Count(count, restriction(depth + 1));
          }
        };
      } catch (IllegalArgumentException | NullPointerException e) {
        // An operator or fuzzy level outside its table, or a record's own structural check.
        throw new WireFormatException(type + " restriction: " + e.getMessage());
      }
    }

    private List<Restriction> children(int depth) throws WireFormatException {
      long count = width == CountWidth.ROP ? in.u16("RestrictCount") : in.u32("RestrictCount");
      // Every child takes at least one byte, so a larger count is a lie about the buffer.
      if (count > in.remaining() || count > limits.maxNodes()) {
        throw new WireFormatException(
            "RestrictCount " + count + " with " + in.remaining() + " bytes left");
      }
      List<Restriction> children = new ArrayList<>((int) count);
      for (long i = 0; i < count; i++) {
        children.add(restriction(depth + 1));
      }
      return children;
    }

    private Restriction content() throws WireFormatException {
      int low = in.u16("FuzzyLevelLow");
      int high = in.u16("FuzzyLevelHigh");
      PropTag tag = QueryTags.read(in, "ContentRestriction PropertyTag");
      PropValue value = values.read(in);
      return Restriction.Content.of(high << 16 | low, tag, value);
    }

    private Restriction comment(int depth) throws WireFormatException {
      int count = in.u8("TaggedValuesCount");
      List<PropValue> annotations = new ArrayList<>(Math.min(count, in.remaining()));
      for (int i = 0; i < count; i++) {
        annotations.add(values.read(in));
      }
      int present = in.u8("RestrictionPresent");
      if (present > 1) {
        throw new WireFormatException("RestrictionPresent " + present + " is neither 0 nor 1");
      }
      Restriction child = present == 1 ? restriction(depth + 1) : null;
      return new Restriction.Comment(annotations, child);
    }

    private Relop relop() throws WireFormatException {
      return Relop.fromCode(in.u8("RelOp"));
    }
  }
}

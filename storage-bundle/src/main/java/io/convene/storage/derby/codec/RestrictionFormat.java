package io.convene.storage.derby.codec;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.BitmaskRelop;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.RestrictionType;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link Restriction} (a search folder's criteria): a version byte, then the
 * tree in prefix order, each node its RestrictType code and fields; property values as one-value
 * bags of the {@link PropertyBagCodec}. Decoding is bounded in bytes, depth and nodes and throws
 * only {@link PropertyBagFormatException}.
 *
 * <pre>
 * AND, OR        varint count, children        NOT       child
 * CONTENT        i32 fuzzy level, i32 tag, value
 * PROPERTY       u8 relop, i32 tag, value      COMPARE   u8 relop, i32 tag1, i32 tag2
 * BITMASK        u8 relop, i32 tag, i32 mask   SIZE      u8 relop, i32 tag, i64 size
 * EXIST          i32 tag                       SUB_OBJECT i32 tag, child
 * COMMENT        varint count, values, u8 has child, child?
 * COUNT          i64 count, child
 * value          varint length, one-value bag
 * </pre>
 */
public final class RestrictionFormat {

  public static final int VERSION = 1;
  /** Most bytes a stored restriction may have. */
  public static final int MAX_BYTES = 1 << 20;

  private final PropertyBagCodec values;
  private final int maxDepth;
  private final int maxNodes;

  /**
   * @param values the codec of the values in the tree
   * @param maxDepth deepest nesting decoded (1 for a single node)
   * @param maxNodes most nodes decoded
   */
  public RestrictionFormat(PropertyBagCodec values, int maxDepth, int maxNodes) {
    this.values = values;
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
  }

  /**
   * The stored form of {@code restriction}.
   *
   * @throws PropertyBagFormatException if a value cannot be stored or the result exceeds {@link #MAX_BYTES}
   */
  public byte[] encode(Restriction restriction) {
    BagWriter out = new BagWriter(MAX_BYTES);
    out.u8(VERSION);
    write(out, restriction);
    return out.toByteArray();
  }

  private void write(BagWriter out, Restriction restriction) {
    out.u8(restriction.type().code());
    if (restriction instanceof Restriction.And and) {
      children(out, and.children());
    } else if (restriction instanceof Restriction.Or or) {
      children(out, or.children());
    } else if (restriction instanceof Restriction.Not not) {
      write(out, not.child());
    } else if (restriction instanceof Restriction.Content content) {
      out.i32(content.fuzzyLevel());
      out.i32(content.tag().tag());
      value(out, content.value());
    } else if (restriction instanceof Restriction.Property property) {
      out.u8(property.relop().code());
      out.i32(property.tag().tag());
      value(out, property.value());
    } else if (restriction instanceof Restriction.CompareProperties compare) {
      out.u8(compare.relop().code());
      out.i32(compare.tag1().tag());
      out.i32(compare.tag2().tag());
    } else if (restriction instanceof Restriction.Bitmask bitmask) {
      out.u8(bitmask.relop().code());
      out.i32(bitmask.tag().tag());
      out.i32(bitmask.mask());
    } else if (restriction instanceof Restriction.Size size) {
      out.u8(size.relop().code());
      out.i32(size.tag().tag());
      out.i64(size.size());
    } else if (restriction instanceof Restriction.Exist exist) {
      out.i32(exist.tag().tag());
    } else if (restriction instanceof Restriction.SubObject sub) {
      out.i32(sub.subObject().tag());
      write(out, sub.child());
    } else if (restriction instanceof Restriction.Comment comment) {
      out.varint(comment.taggedValues().size());
      comment.taggedValues().forEach(value -> value(out, value));
      out.u8(comment.optionalChild().isPresent() ? 1 : 0);
      comment.optionalChild().ifPresent(child -> write(out, child));
    } else if (restriction instanceof Restriction.Count count) {
      out.i64(count.count());
      write(out, count.child());
    }
  }

  private void children(BagWriter out, List<Restriction> children) {
    out.varint(children.size());
    children.forEach(child -> write(out, child));
  }

  private void value(BagWriter out, PropValue value) {
    byte[] bag = values.encode(List.of(value));
    out.varint(bag.length);
    out.bytes(bag);
  }

  /**
   * Reads a stored restriction.
   *
   * @throws PropertyBagFormatException if {@code stored} is not one, or exceeds the limits
   */
  public Restriction decode(byte[] stored) {
    if (stored.length > MAX_BYTES) {
      throw new PropertyBagFormatException("a stored restriction of " + stored.length + " bytes");
    }
    BagReader in = new BagReader(stored);
    int version = in.u8("version");
    if (version != VERSION) {
      throw in.error("restriction format version " + version);
    }
    int[] nodes = {0};
    Restriction restriction = read(in, 1, nodes);
    if (in.remaining() != 0) {
      throw in.error(in.remaining() + " bytes after the restriction");
    }
    return restriction;
  }

  private Restriction read(BagReader in, int depth, int[] nodes) {
    if (depth > maxDepth) {
      throw in.error("restriction deeper than " + maxDepth);
    }
    if (++nodes[0] > maxNodes) {
      throw in.error("restriction of more than " + maxNodes + " nodes");
    }
    try {
      RestrictionType type = RestrictionType.fromCode(in.u8("RestrictType"));
      return switch (type) {
        case AND -> new Restriction.And(children(in, depth, nodes));
        case OR -> new Restriction.Or(children(in, depth, nodes));
        case NOT -> new Restriction.Not(read(in, depth + 1, nodes));
        case CONTENT -> {
          int level = in.i32("FuzzyLevel");
          PropTag tag = tag(in);
          yield Restriction.Content.of(level, tag, value(in));
        }
        case PROPERTY -> {
          Relop relop = Relop.fromCode(in.u8("RelOp"));
          PropTag tag = tag(in);
          yield new Restriction.Property(relop, tag, value(in));
        }
        case COMPARE_PROPERTIES -> new Restriction.CompareProperties(Relop.fromCode(in.u8("RelOp")), tag(in), tag(in));
        case BITMASK -> new Restriction.Bitmask(BitmaskRelop.fromCode(in.u8("RelOp")), tag(in), in.i32("Mask"));
        case SIZE -> new Restriction.Size(Relop.fromCode(in.u8("RelOp")), tag(in), in.i64("Size"));
        case EXIST -> new Restriction.Exist(tag(in));
        case SUB_OBJECT -> new Restriction.SubObject(tag(in), read(in, depth + 1, nodes));
        case COMMENT -> {
          int count = in.varint(Restriction.Comment.MAX_TAGGED_VALUES, "TaggedValuesCount");
          List<PropValue> tagged = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            tagged.add(value(in));
          }
          int hasChild = in.u8("has child");
          if (hasChild > 1) {
            throw in.error("has child " + hasChild);
          }
          yield new Restriction.Comment(tagged, hasChild == 1 ? read(in, depth + 1, nodes) : null);
        }
        case COUNT -> {
          long count = in.i64("Count");
          yield new Restriction.Count(count, read(in, depth + 1, nodes));
        }
      };
    } catch (PropertyBagFormatException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      // the records' own checks: an unknown code, a count out of range
      throw in.error(e.getMessage());
    }
  }

  private List<Restriction> children(BagReader in, int depth, int[] nodes) {
    // each child takes at least one byte, which bounds the count before anything is allocated
    int count = in.varint(in.remaining(), "child count");
    List<Restriction> children = new ArrayList<>(Math.min(count, maxNodes));
    for (int i = 0; i < count; i++) {
      children.add(read(in, depth + 1, nodes));
    }
    return children;
  }

  private static PropTag tag(BagReader in) {
    return PropTag.of(in.i32("PropTag"));
  }

  private PropValue value(BagReader in) {
    int length = in.varint(in.remaining(), "value length");
    List<PropValue> bag = values.decode(in.bytes(length, "value"));
    if (bag.size() != 1) {
      throw in.error("a value bag of " + bag.size() + " values");
    }
    return bag.get(0);
  }
}

package io.convene.mapi.rop.data;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SortOrderSet structure of MS-OXCDATA 2.13.2 (RopSortTable, MS-OXCROPS 2.2.5.2) and its
 * SortOrder entries (MS-OXCDATA 2.13.1), to and from {@link SortOrderSet}.
 *
 * <p>A multi-valued column must carry the MultivalueInstance bit 0x2000 (MS-OXCDATA 2.13.1: "clients
 * MUST also set" it); the store API models such a key as the plain multi-valued tag, so the bit is
 * dropped on decoding and set again on encoding, and a multi-valued key without it is refused.
 */
public final class SortOrderSetCodec {

  /** The MultivalueInstance bit of a property type (MS-OXCDATA 2.11.1.3). */
  public static final int MULTIVALUE_INSTANCE = 0x2000;

  private final int maxSorts;

  /** @param maxSorts most keys accepted; a real view sorts on a handful of columns */
  public SortOrderSetCodec(int maxSorts) {
    if (maxSorts < 0 || maxSorts > SortOrderSet.MAX_SORTS) {
      throw new IllegalArgumentException("maxSorts " + maxSorts);
    }
    this.maxSorts = maxSorts;
  }

  public SortOrderSet decode(LittleEndianReader in) throws WireFormatException {
    int count = in.u16("SortOrderCount");
    int categorized = in.u16("CategorizedCount");
    int expanded = in.u16("ExpandedCount");
    if (count > maxSorts) {
      throw new WireFormatException("SortOrderCount " + count + " exceeds the limit " + maxSorts);
    }
    List<SortOrder> sorts = new ArrayList<>(count);
    int multiValued = 0;
    for (int i = 0; i < count; i++) {
      int type = in.u16("SortOrder PropertyType");
      int id = in.u16("SortOrder PropertyId");
      int order = in.u8("SortOrder Order");
      boolean instance = (type & MULTIVALUE_INSTANCE) != 0;
      PropType propType = QueryTags.type(type & ~MULTIVALUE_INSTANCE, "SortOrder PropertyType");
      if (instance != propType.isMultiValued()) {
        throw new WireFormatException(
            String.format(
                "sort key %d: MultivalueInstance must be set exactly on multi-valued types, type 0x%04X",
                i, type));
      }
      if (instance && ++multiValued > 1) {
        throw new WireFormatException("more than one multi-valued sort key (MS-OXCDATA 2.13.2)");
      }
      SortOrder.Direction direction;
      try {
        direction = SortOrder.Direction.fromCode(order);
      } catch (IllegalArgumentException e) {
        throw new WireFormatException(e.getMessage());
      }
      sorts.add(new SortOrder(PropTag.of(id, propType), direction));
    }
    try {
      return new SortOrderSet(sorts, categorized, expanded);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("SortOrderSet: " + e.getMessage());
    }
  }

  public void encode(SortOrderSet set, LittleEndianWriter out) {
    out.u16(set.sorts().size()).u16(set.categorizedCount()).u16(set.expandedCount());
    for (SortOrder sort : set.sorts()) {
      int type = sort.tag().type().code();
      if (sort.tag().type().isMultiValued()) {
        type |= MULTIVALUE_INSTANCE;
      }
      out.u16(type).u16(sort.tag().id()).u8(sort.direction().code());
    }
  }
}

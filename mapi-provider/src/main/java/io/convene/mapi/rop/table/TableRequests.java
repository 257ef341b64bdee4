package io.convene.mapi.rop.table;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRequest;

/**
 * The request buffers of the table ROPs (MS-OXCROPS 2.2.4.13, 2.2.4.14, 2.2.5). Each record decodes
 * the fields after the three-byte header and encodes the whole request back, header included, so
 * fixtures can be checked both ways. Restriction and sort data stay in their wire form here (sizes
 * are checked) and are decoded by the handler, so a malformed restriction fails its own ROP, not
 * the whole buffer.
 */
public final class TableRequests {

  /** Most columns a SetColumns or QueryColumnsAll carries; a ROP buffer holds fewer anyway. */
  public static final int MAX_COLUMNS = 0x4000;
  /** Most bytes of a bookmark or collapse state this server issues or accepts. */
  public static final int MAX_BOOKMARK = 0x100;

  private TableRequests() {}

  private static LittleEndianWriter start(RopHeader header) {
    return new LittleEndianWriter().u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex());
  }

  static int[] tags(LittleEndianReader in, int count, String what) throws WireFormatException {
    if (count > MAX_COLUMNS || (long) count * 4 > in.remaining()) {
      throw new WireFormatException(what + " count " + count + " with " + in.remaining() + " bytes left");
    }
    int[] tags = new int[count];
    for (int i = 0; i < count; i++) {
      tags[i] = (int) in.u32(what);
    }
    return tags;
  }

  private static byte[] sized(LittleEndianReader in, String what, int max) throws WireFormatException {
    int size = in.u16(what + "Size");
    if (size > max) {
      throw new WireFormatException(what + "Size " + size + " exceeds " + max);
    }
    return in.bytes(size, what);
  }

  /** RopGetHierarchyTable (0x04) and RopGetContentsTable (0x05): TableFlags, output handle. */
  public record OpenTableRequest(RopHeader header, int outputHandleIndex, int tableFlags)
      implements RopRequest {

    /** TableFlags (MS-OXCFOLD 2.2.1.13.1, 2.2.1.14.1). */
    public static final int ASSOCIATED = 0x02;
    public static final int DEPTH = 0x04;
    public static final int DEFERRED_ERRORS = 0x08;
    public static final int NO_NOTIFICATIONS = 0x10;
    public static final int SOFT_DELETES = 0x20;
    public static final int USE_UNICODE = 0x40;
    public static final int SUPPRESS_NOTIFICATIONS = 0x80;

    public static OpenTableRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      return new OpenTableRequest(header, in.u8("OutputHandleIndex"), in.u8("TableFlags"));
    }

    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }

    public boolean has(int flag) {
      return (tableFlags & flag) != 0;
    }

    public byte[] encode() {
      return start(header).u8(outputHandleIndex).u8(tableFlags).toByteArray();
    }
  }

  /** RopSetColumns (0x12): SetColumnsFlags, PropertyTagCount, PropertyTags. */
  public record SetColumnsRequest(RopHeader header, int flags, int[] propertyTags)
      implements RopRequest {

    public static SetColumnsRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int flags = in.u8("SetColumnsFlags");
      int count = in.u16("PropertyTagCount");
      return new SetColumnsRequest(header, flags, tags(in, count, "PropertyTag"));
    }

    public byte[] encode() {
      LittleEndianWriter out = start(header).u8(flags).u16(propertyTags.length);
      for (int tag : propertyTags) {
        out.u32(tag & 0xFFFFFFFFL);
      }
      return out.toByteArray();
    }
  }

  /**
   * RopSortTable (0x13): SortTableFlags and a SortOrderSet (MS-OXCDATA 2.13.2), kept as its wire
   * bytes; the set's length follows from its SortOrderCount.
   */
  public record SortTableRequest(RopHeader header, int flags, byte[] sortOrderSet)
      implements RopRequest {

    /** Most sort keys a request may carry; a real view sorts on a handful of columns. */
    public static final int MAX_SORTS = 64;

    public static SortTableRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int flags = in.u8("SortTableFlags");
      int count = in.u16("SortOrderCount");
      int categorized = in.u16("CategorizedCount");
      int expanded = in.u16("ExpandedCount");
      if (count > MAX_SORTS) {
        throw new WireFormatException("SortOrderCount " + count + " exceeds " + MAX_SORTS);
      }
      byte[] orders = in.bytes(count * 5, "SortOrders");
      byte[] set =
          new LittleEndianWriter(6 + orders.length)
              .u16(count)
              .u16(categorized)
              .u16(expanded)
              .bytes(orders)
              .toByteArray();
      return new SortTableRequest(header, flags, set);
    }

    public byte[] encode() {
      return start(header).u8(flags).bytes(sortOrderSet).toByteArray();
    }
  }

  /** RopRestrict (0x14): RestrictFlags, RestrictionDataSize, RestrictionData (empty: no restriction). */
  public record RestrictRequest(RopHeader header, int flags, byte[] restrictionData)
      implements RopRequest {

    public static RestrictRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int flags = in.u8("RestrictFlags");
      return new RestrictRequest(header, flags, sized(in, "RestrictionData", 0xFFFF));
    }

    public byte[] encode() {
      return start(header).u8(flags).u16(restrictionData.length).bytes(restrictionData).toByteArray();
    }
  }

  /** RopQueryRows (0x15): QueryRowsFlags, ForwardRead, RowCount. */
  public record QueryRowsRequest(RopHeader header, int flags, boolean forwardRead, int rowCount)
      implements RopRequest {

    /** QueryRowsFlags (MS-OXCTABL 2.2.2.5.1). */
    public static final int NO_ADVANCE = 0x01;
    public static final int ENABLE_PACKED_BUFFERS = 0x02;

    public static QueryRowsRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int flags = in.u8("QueryRowsFlags");
      int forward = in.u8("ForwardRead");
      if (forward > 1) {
        throw new WireFormatException("ForwardRead " + forward + " is neither 0 nor 1");
      }
      return new QueryRowsRequest(header, flags, forward == 1, in.u16("RowCount"));
    }

    public boolean noAdvance() {
      return (flags & NO_ADVANCE) != 0;
    }

    public byte[] encode() {
      return start(header).u8(flags).u8(forwardRead ? 1 : 0).u16(rowCount).toByteArray();
    }
  }

  /**
   * The table ROPs whose request is the header alone: RopGetStatus, RopQueryPosition,
   * RopCreateBookmark, RopAbort, RopQueryColumnsAll, RopResetTable.
   */
  public record BareRequest(RopHeader header) implements RopRequest {

    public static BareRequest decode(RopHeader header, LittleEndianReader in) {
      return new BareRequest(header);
    }

    public byte[] encode() {
      return start(header).toByteArray();
    }
  }

  /** RopSeekRow (0x18): Origin, RowCount (signed), WantRowMovedCount. */
  public record SeekRowRequest(RopHeader header, int origin, int rowCount, boolean wantRowMovedCount)
      implements RopRequest {

    public static SeekRowRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int origin = in.u8("Origin");
      int count = (int) in.u32("RowCount");
      return new SeekRowRequest(header, origin, count, in.u8("WantRowMovedCount") != 0);
    }

    public byte[] encode() {
      return start(header).u8(origin).u32(rowCount & 0xFFFFFFFFL).u8(wantRowMovedCount ? 1 : 0).toByteArray();
    }
  }

  /** RopSeekRowBookmark (0x19): Bookmark, RowCount (signed), WantRowMovedCount. */
  public record SeekRowBookmarkRequest(
      RopHeader header, byte[] bookmark, int rowCount, boolean wantRowMovedCount)
      implements RopRequest {

    public static SeekRowBookmarkRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      byte[] bookmark = sized(in, "Bookmark", MAX_BOOKMARK);
      int count = (int) in.u32("RowCount");
      return new SeekRowBookmarkRequest(header, bookmark, count, in.u8("WantRowMovedCount") != 0);
    }

    public byte[] encode() {
      return start(header)
          .u16(bookmark.length)
          .bytes(bookmark)
          .u32(rowCount & 0xFFFFFFFFL)
          .u8(wantRowMovedCount ? 1 : 0)
          .toByteArray();
    }
  }

  /** RopSeekRowFractional (0x1A): Numerator, Denominator. */
  public record SeekRowFractionalRequest(RopHeader header, long numerator, long denominator)
      implements RopRequest {

    public static SeekRowFractionalRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      return new SeekRowFractionalRequest(header, in.u32("Numerator"), in.u32("Denominator"));
    }

    public byte[] encode() {
      return start(header).u32(numerator).u32(denominator).toByteArray();
    }
  }

  /** RopFreeBookmark (0x89): Bookmark. */
  public record FreeBookmarkRequest(RopHeader header, byte[] bookmark) implements RopRequest {

    public static FreeBookmarkRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      return new FreeBookmarkRequest(header, sized(in, "Bookmark", MAX_BOOKMARK));
    }

    public byte[] encode() {
      return start(header).u16(bookmark.length).bytes(bookmark).toByteArray();
    }
  }

  /** RopFindRow (0x4F): FindRowFlags, RestrictionData, Origin, Bookmark. */
  public record FindRowRequest(
      RopHeader header, int flags, byte[] restrictionData, int origin, byte[] bookmark)
      implements RopRequest {

    /** FindRowFlags (MS-OXCTABL 2.2.2.14.1): search backwards. */
    public static final int BACKWARD = 0x01;

    public static FindRowRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int flags = in.u8("FindRowFlags");
      byte[] restriction = sized(in, "RestrictionData", 0xFFFF);
      int origin = in.u8("Origin");
      return new FindRowRequest(header, flags, restriction, origin, sized(in, "Bookmark", MAX_BOOKMARK));
    }

    public boolean backward() {
      return (flags & BACKWARD) != 0;
    }

    public byte[] encode() {
      return start(header)
          .u8(flags)
          .u16(restrictionData.length)
          .bytes(restrictionData)
          .u8(origin)
          .u16(bookmark.length)
          .bytes(bookmark)
          .toByteArray();
    }
  }

  /** RopExpandRow (0x59): MaxRowCount, CategoryId. */
  public record ExpandRowRequest(RopHeader header, int maxRowCount, long categoryId)
      implements RopRequest {

    public static ExpandRowRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int max = in.u16("MaxRowCount");
      return new ExpandRowRequest(header, max, u64(in, "CategoryId"));
    }

    public byte[] encode() {
      return u64(start(header).u16(maxRowCount), categoryId).toByteArray();
    }
  }

  /** RopCollapseRow (0x5A): CategoryId. */
  public record CollapseRowRequest(RopHeader header, long categoryId) implements RopRequest {

    public static CollapseRowRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      return new CollapseRowRequest(header, u64(in, "CategoryId"));
    }

    public byte[] encode() {
      return u64(start(header), categoryId).toByteArray();
    }
  }

  /** RopGetCollapseState (0x6B): RowId, RowInstanceNumber. */
  public record GetCollapseStateRequest(RopHeader header, long rowId, long rowInstanceNumber)
      implements RopRequest {

    public static GetCollapseStateRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      long rowId = u64(in, "RowId");
      return new GetCollapseStateRequest(header, rowId, in.u32("RowInstanceNumber"));
    }

    public byte[] encode() {
      return u64(start(header), rowId).u32(rowInstanceNumber).toByteArray();
    }
  }

  /** RopSetCollapseState (0x6C): CollapseState. */
  public record SetCollapseStateRequest(RopHeader header, byte[] collapseState)
      implements RopRequest {

    public static SetCollapseStateRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      return new SetCollapseStateRequest(header, sized(in, "CollapseState", MAX_BOOKMARK));
    }

    public byte[] encode() {
      return start(header).u16(collapseState.length).bytes(collapseState).toByteArray();
    }
  }

  static long u64(LittleEndianReader in, String what) throws WireFormatException {
    long low = in.u32(what);
    return low | in.u32(what) << 32;
  }

  static LittleEndianWriter u64(LittleEndianWriter out, long value) {
    return out.u32(value & 0xFFFFFFFFL).u32(value >>> 32);
  }
}

package io.convene.mapi.rop.table;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/**
 * The success response buffers of the table ROPs (MS-OXCROPS 2.2.4.13, 2.2.4.14, 2.2.5): RopId,
 * the handle index, ReturnValue 0, then the ROP's fields. Each record writes itself and reads the
 * same layout back, so fixtures are checked both ways. Failure responses are the engine's.
 */
public final class TableResponses {

  private TableResponses() {}

  private static LittleEndianWriter success(LittleEndianWriter out, int ropId, int handleIndex) {
    return out.u8(ropId).u8(handleIndex).u32(0);
  }

  private static int expectSuccess(LittleEndianReader in, int ropId) throws WireFormatException {
    int id = in.u8("RopId");
    if (id != ropId) {
      throw new WireFormatException("RopId 0x" + Integer.toHexString(id) + ", expected 0x" + Integer.toHexString(ropId));
    }
    int index = in.u8("handle index");
    long value = in.u32("ReturnValue");
    if (value != 0) {
      throw new WireFormatException("ReturnValue 0x" + Long.toHexString(value) + " is a failure");
    }
    return index;
  }

  /** RopGetHierarchyTable / RopGetContentsTable: OutputHandleIndex, RowCount. */
  public record OpenTableResponse(int ropId, int outputHandleIndex, long rowCount) {
    public void write(LittleEndianWriter out) {
      success(out, ropId, outputHandleIndex).u32(rowCount);
    }

    public static OpenTableResponse read(LittleEndianReader in, int ropId) throws WireFormatException {
      int index = expectSuccess(in, ropId);
      return new OpenTableResponse(ropId, index, in.u32("RowCount"));
    }
  }

  /** RopSetColumns, RopSortTable, RopRestrict, RopGetStatus, RopAbort: TableStatus. */
  public record TableStatusResponse(int ropId, int inputHandleIndex, int tableStatus) {
    public void write(LittleEndianWriter out) {
      success(out, ropId, inputHandleIndex).u8(tableStatus);
    }

    public static TableStatusResponse read(LittleEndianReader in, int ropId) throws WireFormatException {
      int index = expectSuccess(in, ropId);
      return new TableStatusResponse(ropId, index, in.u8("TableStatus"));
    }
  }

  /**
   * Responses with no fields after ReturnValue: RopSeekRowFractional, RopFreeBookmark,
   * RopResetTable, and RopGetPermissionsTable/RopModifyPermissions.
   */
  public record EmptyResponse(int ropId, int handleIndex) {
    public void write(LittleEndianWriter out) {
      success(out, ropId, handleIndex);
    }

    public static EmptyResponse read(LittleEndianReader in, int ropId) throws WireFormatException {
      return new EmptyResponse(ropId, expectSuccess(in, ropId));
    }
  }

  /**
   * RopQueryRows: Origin, RowCount, RowData. The rows are PropertyRow structures (MS-OXCDATA
   * 2.8.1) encoded already; reading them back needs the column set, so {@link #read} returns the
   * row bytes as one block.
   */
  public record QueryRowsResponse(int inputHandleIndex, int origin, int rowCount, byte[] rowData) {

    /** RopId, InputHandleIndex, ReturnValue, Origin, RowCount. */
    public static final int HEADER_SIZE = 9;

    public void write(LittleEndianWriter out) {
      success(out, TableRopIds.QUERY_ROWS, inputHandleIndex).u8(origin).u16(rowCount).bytes(rowData);
    }

    public static QueryRowsResponse read(LittleEndianReader in) throws WireFormatException {
      int index = expectSuccess(in, TableRopIds.QUERY_ROWS);
      int origin = in.u8("Origin");
      int count = in.u16("RowCount");
      return new QueryRowsResponse(index, origin, count, in.rest());
    }
  }

  /** RopQueryPosition: Numerator (current row), Denominator (row count). */
  public record QueryPositionResponse(int inputHandleIndex, long numerator, long denominator) {
    public void write(LittleEndianWriter out) {
      success(out, TableRopIds.QUERY_POSITION, inputHandleIndex).u32(numerator).u32(denominator);
    }

    public static QueryPositionResponse read(LittleEndianReader in) throws WireFormatException {
      int index = expectSuccess(in, TableRopIds.QUERY_POSITION);
      return new QueryPositionResponse(index, in.u32("Numerator"), in.u32("Denominator"));
    }
  }

  /** RopSeekRow: HasSoughtLess, RowsSought. */
  public record SeekRowResponse(int inputHandleIndex, boolean hasSoughtLess, int rowsSought) {
    public void write(LittleEndianWriter out) {
      success(out, TableRopIds.SEEK_ROW, inputHandleIndex).u8(hasSoughtLess ? 1 : 0).u32(rowsSought & 0xFFFFFFFFL);
    }

    public static SeekRowResponse read(LittleEndianReader in) throws WireFormatException {
      int index = expectSuccess(in, TableRopIds.SEEK_ROW);
      boolean less = in.u8("HasSoughtLess") != 0;
      return new SeekRowResponse(index, less, (int) in.u32("RowsSought"));
    }
  }

  /** RopSeekRowBookmark: RowNoLongerVisible, HasSoughtLess, RowsSought. */
  public record SeekRowBookmarkResponse(
      int inputHandleIndex, boolean rowNoLongerVisible, boolean hasSoughtLess, int rowsSought) {
    public void write(LittleEndianWriter out) {
      success(out, TableRopIds.SEEK_ROW_BOOKMARK, inputHandleIndex)
          .u8(rowNoLongerVisible ? 1 : 0)
          .u8(hasSoughtLess ? 1 : 0)
          .u32(rowsSought & 0xFFFFFFFFL);
    }

    public static SeekRowBookmarkResponse read(LittleEndianReader in) throws WireFormatException {
      int index = expectSuccess(in, TableRopIds.SEEK_ROW_BOOKMARK);
      boolean gone = in.u8("RowNoLongerVisible") != 0;
      boolean less = in.u8("HasSoughtLess") != 0;
      return new SeekRowBookmarkResponse(index, gone, less, (int) in.u32("RowsSought"));
    }
  }

  /** RopCreateBookmark (Bookmark) and RopSetCollapseState (Bookmark) and RopGetCollapseState (CollapseState). */
  public record BlobResponse(int ropId, int inputHandleIndex, byte[] blob) {
    public void write(LittleEndianWriter out) {
      success(out, ropId, inputHandleIndex).u16(blob.length).bytes(blob);
    }

    public static BlobResponse read(LittleEndianReader in, int ropId) throws WireFormatException {
      int index = expectSuccess(in, ropId);
      return new BlobResponse(ropId, index, in.bytes(in.u16("size"), "blob"));
    }
  }

  /** RopQueryColumnsAll: PropertyTagCount, PropertyTags. */
  public record QueryColumnsAllResponse(int inputHandleIndex, int[] propertyTags) {
    public void write(LittleEndianWriter out) {
      success(out, TableRopIds.QUERY_COLUMNS_ALL, inputHandleIndex).u16(propertyTags.length);
      for (int tag : propertyTags) {
        out.u32(tag & 0xFFFFFFFFL);
      }
    }

    public static QueryColumnsAllResponse read(LittleEndianReader in) throws WireFormatException {
      int index = expectSuccess(in, TableRopIds.QUERY_COLUMNS_ALL);
      int count = in.u16("PropertyTagCount");
      return new QueryColumnsAllResponse(index, TableRequests.tags(in, count, "PropertyTag"));
    }
  }

  /** RopFindRow: RowNoLongerVisible, HasRowData, RowData (one PropertyRow, already encoded). */
  public record FindRowResponse(int inputHandleIndex, boolean rowNoLongerVisible, byte[] row) {
    public void write(LittleEndianWriter out) {
      success(out, TableRopIds.FIND_ROW, inputHandleIndex)
          .u8(rowNoLongerVisible ? 1 : 0)
          .u8(row == null ? 0 : 1);
      if (row != null) {
        out.bytes(row);
      }
    }

    public static FindRowResponse read(LittleEndianReader in) throws WireFormatException {
      int index = expectSuccess(in, TableRopIds.FIND_ROW);
      boolean gone = in.u8("RowNoLongerVisible") != 0;
      boolean hasRow = in.u8("HasRowData") != 0;
      return new FindRowResponse(index, gone, hasRow ? in.rest() : null);
    }
  }
}

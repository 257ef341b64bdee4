package io.convene.mapiclient.nspi;

import io.convene.mapiclient.rop.PropertyValue;
import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Request and response bodies of the address book endpoint (MS-OXCMAPIHTTP 2.2.5), field by field
 * as the tables give them. Every response starts with StatusCode; a non-zero StatusCode is the
 * failure body (StatusCode, AuxiliaryBufferSize, AuxiliaryBuffer) and the decoders return it with
 * the other fields empty. Optional fields follow a Has* byte; the client writes 0x01 (an MS-OXCDATA
 * Boolean) and reads any non-zero value as present.
 */
public final class NspiBodies {

  /** Bounds the auxiliary buffer and every count the client decodes. */
  public static final int MAX_AUXILIARY = 0x10000;
  public static final int MAX_ROWS = 0x10000;
  public static final int MAX_MIDS = 0x10000;

  private NspiBodies() {}

  // ---- requests ---------------------------------------------------------------------------

  /** 2.2.5.1.1 Bind: Flags, HasState, State, AuxiliaryBufferSize. */
  public static byte[] bindRequest(int flags, Stat state) {
    WireWriter out = new WireWriter().i32(flags);
    optionalState(out, state);
    return out.i32(0).toByteArray();
  }

  /** 2.2.5.2.1 Unbind: Reserved, AuxiliaryBufferSize. */
  public static byte[] unbindRequest() {
    return new WireWriter().i32(0).i32(0).toByteArray();
  }

  /** 2.2.5.4.1 DNToMId: Reserved, HasNames, Names (StringArray_r: Count, NUL-terminated 8-bit strings). */
  public static byte[] dnToMIdRequest(List<String> dns) {
    WireWriter out = new WireWriter().i32(0).u8(1).i32(dns.size());
    dns.forEach(out::asciiz);
    return out.i32(0).toByteArray();
  }

  /**
   * 2.2.5.5.1 GetMatches: Reserved, HasState, State, HasMinimalIds, MinimalIdCount, MinimalIds,
   * InterfaceOptionFlags, HasFilter, Filter, HasPropertyName, PropertyNameGuid, PropertyNameId,
   * RowCount, HasColumns, Columns, AuxiliaryBufferSize.
   */
  public static byte[] getMatchesRequest(Stat state, AbRestriction filter, int rowCount, int[] columns) {
    WireWriter out = new WireWriter().i32(0);
    optionalState(out, state);
    out.u8(0).i32(0);
    if (filter == null) {
      out.u8(0);
    } else {
      filter.write(out.u8(1));
    }
    out.u8(0).i32(rowCount);
    optionalTags(out, columns);
    return out.i32(0).toByteArray();
  }

  /** 2.2.5.7.1 GetProps: Flags, HasState, State, HasPropertyTags, PropertyTags, AuxiliaryBufferSize. */
  public static byte[] getPropsRequest(int flags, Stat state, int[] tags) {
    WireWriter out = new WireWriter().i32(flags);
    optionalState(out, state);
    optionalTags(out, tags);
    return out.i32(0).toByteArray();
  }

  /** 2.2.5.8.1 GetSpecialTable: Flags, HasState, State, HasVersion, Version, AuxiliaryBufferSize. */
  public static byte[] getSpecialTableRequest(int flags, Stat state, Integer version) {
    WireWriter out = new WireWriter().i32(flags);
    optionalState(out, state);
    if (version == null) {
      out.u8(0);
    } else {
      out.u8(1).i32(version);
    }
    return out.i32(0).toByteArray();
  }

  /**
   * 2.2.5.13.1 QueryRows: Flags, HasState, State, ExplicitTableCount, ExplicitTable, RowCount,
   * HasColumns, Columns, AuxiliaryBufferSize. With an explicit table the server reads those MIds,
   * otherwise it walks the STAT's container from CurrentRec.
   */
  public static byte[] queryRowsRequest(int flags, Stat state, int[] explicitTable, int rowCount, int[] columns) {
    WireWriter out = new WireWriter().i32(flags);
    optionalState(out, state);
    out.i32(explicitTable.length);
    for (int mid : explicitTable) {
      out.i32(mid);
    }
    out.i32(rowCount);
    optionalTags(out, columns);
    return out.i32(0).toByteArray();
  }

  /**
   * 2.2.5.14.1 ResolveNames: Reserved, HasState, State, HasPropertyTags, PropertyTags, HasNames,
   * Names (WStringArray_r: Count, NUL-terminated UTF-16LE strings), AuxiliaryBufferSize.
   */
  public static byte[] resolveNamesRequest(Stat state, int[] tags, List<String> names) {
    WireWriter out = new WireWriter().i32(0);
    optionalState(out, state);
    optionalTags(out, tags);
    out.u8(1).i32(names.size());
    names.forEach(out::utf16z);
    return out.i32(0).toByteArray();
  }

  /**
   * 2.2.5.16.1 SeekEntries: Reserved, HasState, State, HasTarget, Target
   * (AddressBookTaggedPropertyValue), HasExplicitTable, ExplicitTableCount, ExplicitTable,
   * HasColumns, Columns, AuxiliaryBufferSize.
   */
  public static byte[] seekEntriesRequest(Stat state, PropertyValue target, int[] columns) {
    WireWriter out = new WireWriter().i32(0);
    optionalState(out, state);
    out.u8(1);
    AbValues.writeTagged(out, target);
    out.u8(0);
    optionalTags(out, columns);
    return out.i32(0).toByteArray();
  }

  private static void optionalState(WireWriter out, Stat state) {
    if (state == null) {
      out.u8(0);
    } else {
      out.u8(1);
      state.write(out);
    }
  }

  private static void optionalTags(WireWriter out, int[] tags) {
    if (tags == null) {
      out.u8(0);
    } else {
      out.u8(1);
      AbValues.writeTags(out, tags);
    }
  }

  // ---- responses --------------------------------------------------------------------------

  /** 2.2.5.1.2 Bind: StatusCode, ErrorCode, ServerGuid, AuxiliaryBufferSize, AuxiliaryBuffer. */
  public record BindResponse(int statusCode, int errorCode, UUID serverGuid) {}

  public static BindResponse bindResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new BindResponse(status, 0, null));
    }
    int error = in.i32("ErrorCode");
    UUID guid = guid(in.bytes(16, "ServerGuid"));
    return done(in, new BindResponse(status, error, guid));
  }

  /** 2.2.5.2.2 Unbind: StatusCode, ErrorCode, AuxiliaryBufferSize, AuxiliaryBuffer. */
  public record UnbindResponse(int statusCode, int errorCode) {}

  public static UnbindResponse unbindResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new UnbindResponse(status, 0));
    }
    return done(in, new UnbindResponse(status, in.i32("ErrorCode")));
  }

  /** 2.2.5.4.2 DNToMId: StatusCode, ErrorCode, HasMinimalIds, MinimalIdCount, MinimalIds, aux. */
  public record DnToMIdResponse(int statusCode, int errorCode, int[] minimalIds) {}

  public static DnToMIdResponse dnToMIdResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new DnToMIdResponse(status, 0, null));
    }
    int error = in.i32("ErrorCode");
    return done(in, new DnToMIdResponse(status, error, optionalMids(in)));
  }

  /**
   * 2.2.5.5.2 GetMatches: StatusCode, ErrorCode, HasState, State, HasMinimalIds, MinimalIdCount,
   * MinimalIds, HasColumnsAndRows, Columns, RowCount, RowData, aux.
   */
  public record GetMatchesResponse(int statusCode, int errorCode, Stat state, int[] minimalIds, int[] columns,
      List<List<PropertyValue>> rows) {}

  public static GetMatchesResponse getMatchesResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new GetMatchesResponse(status, 0, null, null, null, null));
    }
    int error = in.i32("ErrorCode");
    Stat state = optionalState(in);
    int[] mids = optionalMids(in);
    Table table = optionalTable(in);
    return done(in, new GetMatchesResponse(status, error, state, mids, table.columns, table.rows));
  }

  /** 2.2.5.7.2 GetProps: StatusCode, ErrorCode, CodePage, HasPropertyValues, PropertyValues, aux. */
  public record GetPropsResponse(int statusCode, int errorCode, int codePage, List<PropertyValue> values) {}

  public static GetPropsResponse getPropsResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new GetPropsResponse(status, 0, 0, null));
    }
    int error = in.i32("ErrorCode");
    int codePage = in.i32("CodePage");
    List<PropertyValue> values = in.u8("HasPropertyValues") != 0 ? AbValues.readValueList(in) : null;
    return done(in, new GetPropsResponse(status, error, codePage, values));
  }

  /**
   * 2.2.5.8.2 GetSpecialTable: StatusCode, ErrorCode, CodePage, HasVersion, Version, HasRows,
   * RowsCount, Rows (AddressBookPropertyValueList each), aux.
   */
  public record GetSpecialTableResponse(int statusCode, int errorCode, int codePage, Integer version,
      List<List<PropertyValue>> rows) {}

  public static GetSpecialTableResponse getSpecialTableResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new GetSpecialTableResponse(status, 0, 0, null, null));
    }
    int error = in.i32("ErrorCode");
    int codePage = in.i32("CodePage");
    Integer version = in.u8("HasVersion") != 0 ? in.i32("Version") : null;
    List<List<PropertyValue>> rows = null;
    if (in.u8("HasRows") != 0) {
      int count = in.u32Bounded("RowsCount", MAX_ROWS);
      rows = new ArrayList<>(Math.min(count, 64));
      for (int i = 0; i < count; i++) {
        rows.add(AbValues.readValueList(in));
      }
    }
    return done(in, new GetSpecialTableResponse(status, error, codePage, version, rows));
  }

  /**
   * 2.2.5.13.2 QueryRows, 2.2.5.16.2 SeekEntries: StatusCode, ErrorCode, HasState, State,
   * HasColumnsAndRows, Columns, RowCount, RowData, aux.
   */
  public record RowsResponse(int statusCode, int errorCode, Stat state, int[] columns, List<List<PropertyValue>> rows) {}

  public static RowsResponse rowsResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new RowsResponse(status, 0, null, null, null));
    }
    int error = in.i32("ErrorCode");
    Stat state = optionalState(in);
    Table table = optionalTable(in);
    return done(in, new RowsResponse(status, error, state, table.columns, table.rows));
  }

  /**
   * 2.2.5.14.2 ResolveNames: StatusCode, ErrorCode, CodePage, HasMinimalIds, MinimalIdCount,
   * MinimalIds, HasRowsAndCols, PropertyTags, RowCount, RowData, aux.
   */
  public record ResolveNamesResponse(int statusCode, int errorCode, int codePage, int[] minimalIds, int[] columns,
      List<List<PropertyValue>> rows) {}

  public static ResolveNamesResponse resolveNamesResponse(byte[] body) throws MapiWireException {
    WireReader in = new WireReader(body);
    int status = in.i32("StatusCode");
    if (status != 0) {
      return done(in, new ResolveNamesResponse(status, 0, 0, null, null, null));
    }
    int error = in.i32("ErrorCode");
    int codePage = in.i32("CodePage");
    int[] mids = optionalMids(in);
    Table table = optionalTable(in);
    return done(in, new ResolveNamesResponse(status, error, codePage, mids, table.columns, table.rows));
  }

  private record Table(int[] columns, List<List<PropertyValue>> rows) {}

  private static Table optionalTable(WireReader in) throws MapiWireException {
    if (in.u8("HasColumnsAndRows") == 0) {
      return new Table(null, null);
    }
    int[] columns = AbValues.readTags(in);
    int count = in.u32Bounded("RowCount", MAX_ROWS);
    List<List<PropertyValue>> rows = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count; i++) {
      rows.add(AbValues.readRow(in, columns));
    }
    return new Table(columns, rows);
  }

  private static Stat optionalState(WireReader in) throws MapiWireException {
    return in.u8("HasState") != 0 ? Stat.read(in) : null;
  }

  private static int[] optionalMids(WireReader in) throws MapiWireException {
    if (in.u8("HasMinimalIds") == 0) {
      return null;
    }
    int count = in.u32Bounded("MinimalIdCount", MAX_MIDS);
    if ((long) count * 4 > in.remaining()) {
      throw new MapiWireException("MinimalIdCount " + count + " exceeds the " + in.remaining() + " bytes left");
    }
    int[] mids = new int[count];
    for (int i = 0; i < count; i++) {
      mids[i] = in.i32("MinimalId");
    }
    return mids;
  }

  /** A GUID in its wire form (MS-DTYP 2.3.4.2: Data1-3 little-endian, Data4 as bytes). */
  static UUID guid(byte[] wire) {
    ByteBuffer le = ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN);
    long data1 = le.getInt() & 0xFFFFFFFFL;
    long data2 = le.getShort() & 0xFFFF;
    long data3 = le.getShort() & 0xFFFF;
    long high = data1 << 32 | data2 << 16 | data3;
    long low = ByteBuffer.wrap(wire, 8, 8).getLong();
    return new UUID(high, low);
  }

  private static <T> T done(WireReader in, T response) throws MapiWireException {
    in.bytes(in.u32Bounded("AuxiliaryBufferSize", MAX_AUXILIARY), "AuxiliaryBuffer");
    if (in.remaining() != 0) {
      throw new MapiWireException(in.remaining() + " bytes after the AuxiliaryBuffer");
    }
    return response;
  }
}

package io.convene.mapi.nspi.wire;

import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.data.PropertyRow;
import java.util.List;
import java.util.UUID;

/**
 * Encodes the response bodies of MS-OXCMAPIHTTP 2.2.5.x.2. Each starts with StatusCode 0 (the
 * transport succeeded; transport failures are X-ResponseCode values without a body) and the NSPI
 * ErrorCode (MS-OXNSPI 2.2.1.2), and ends with an empty AuxiliaryBuffer. A response with a failing
 * ErrorCode still carries every field, with its Has... bytes 0.
 */
public final class NspiResponses {

  private NspiResponses() {}

  /** Columns and rows of a table answer (AddressBookPropertyRow per row). */
  public record Rows(int[] columns, List<List<PropertyRow.Cell>> rows) {}

  private static LittleEndianWriter start(long errorCode) {
    return new LittleEndianWriter(256).u32(0).u32(errorCode & 0xffffffffL);
  }

  private static byte[] end(LittleEndianWriter out) {
    return out.u32(0).toByteArray();
  }

  private static void state(LittleEndianWriter out, Stat state) {
    if (state == null) {
      out.u8(0);
    } else {
      out.u8(1);
      state.write(out);
    }
  }

  private static void mids(LittleEndianWriter out, int[] mids) {
    if (mids == null) {
      out.u8(0);
      return;
    }
    out.u8(1).u32(mids.length);
    for (int mid : mids) {
      out.u32(mid & 0xffffffffL);
    }
  }

  private static void rows(LittleEndianWriter out, Rows rows) {
    if (rows == null) {
      out.u8(0);
      return;
    }
    out.u8(1);
    AbValues.writeTags(out, rows.columns());
    out.u32(rows.rows().size());
    for (List<PropertyRow.Cell> row : rows.rows()) {
      AbValues.writeRow(out, rows.columns(), row);
    }
  }

  /** 2.2.5.1.2 */
  public static byte[] bind(long errorCode, UUID serverGuid) {
    LittleEndianWriter out = start(errorCode);
    out.bytes(io.convene.api.store.Guids.toBytes(serverGuid));
    return end(out);
  }

  /** 2.2.5.2.2, 2.2.5.10.2, 2.2.5.11.2: nothing but the ErrorCode. */
  public static byte[] errorOnly(long errorCode) {
    return end(start(errorCode));
  }

  /** 2.2.5.3.2 */
  public static byte[] compareMIds(long errorCode, int result) {
    return end(start(errorCode).u32(result & 0xffffffffL));
  }

  /** 2.2.5.4.2 */
  public static byte[] dnToMId(long errorCode, int[] mids) {
    LittleEndianWriter out = start(errorCode);
    mids(out, mids);
    return end(out);
  }

  /** 2.2.5.5.2 */
  public static byte[] getMatches(long errorCode, Stat state, int[] mids, Rows rows) {
    LittleEndianWriter out = start(errorCode);
    state(out, state);
    mids(out, mids);
    rows(out, rows);
    return end(out);
  }

  /** 2.2.5.6.2 */
  public static byte[] getPropList(long errorCode, int[] tags) {
    LittleEndianWriter out = start(errorCode);
    if (tags == null) {
      out.u8(0);
    } else {
      out.u8(1);
      AbValues.writeTags(out, tags);
    }
    return end(out);
  }

  /** 2.2.5.7.2 and 2.2.5.9.2: a code page and one optional AddressBookPropertyValueList. */
  public static byte[] valueList(long errorCode, int codePage, List<AbValues.Tagged> values) {
    LittleEndianWriter out = start(errorCode).u32(codePage & 0xffffffffL);
    if (values == null) {
      out.u8(0);
    } else {
      out.u8(1);
      AbValues.writeValueList(out, values);
    }
    return end(out);
  }

  /** 2.2.5.8.2 */
  public static byte[] getSpecialTable(long errorCode, int codePage, Integer version, List<List<AbValues.Tagged>> rows) {
    LittleEndianWriter out = start(errorCode).u32(codePage & 0xffffffffL);
    if (version == null) {
      out.u8(0);
    } else {
      out.u8(1).u32(version & 0xffffffffL);
    }
    if (rows == null) {
      out.u8(0);
    } else {
      out.u8(1).u32(rows.size());
      rows.forEach(row -> AbValues.writeValueList(out, row));
    }
    return end(out);
  }

  /** 2.2.5.12.2 */
  public static byte[] queryColumns(long errorCode, int[] columns) {
    return getPropList(errorCode, columns);
  }

  /** 2.2.5.13.2 and 2.2.5.16.2 */
  public static byte[] queryRows(long errorCode, Stat state, Rows rows) {
    LittleEndianWriter out = start(errorCode);
    state(out, state);
    rows(out, rows);
    return end(out);
  }

  /** 2.2.5.14.2 */
  public static byte[] resolveNames(long errorCode, int codePage, int[] mids, Rows rows) {
    LittleEndianWriter out = start(errorCode).u32(codePage & 0xffffffffL);
    mids(out, mids);
    rows(out, rows);
    return end(out);
  }

  /** 2.2.5.15.2 */
  public static byte[] resortRestriction(long errorCode, Stat state, int[] mids) {
    LittleEndianWriter out = start(errorCode);
    state(out, state);
    mids(out, mids);
    return end(out);
  }

  /** 2.2.5.17.2 */
  public static byte[] updateStat(long errorCode, Stat state, Integer delta) {
    LittleEndianWriter out = start(errorCode);
    state(out, state);
    if (delta == null) {
      out.u8(0);
    } else {
      out.u8(1).u32(delta & 0xffffffffL);
    }
    return end(out);
  }

  /** 2.2.5.18.2 and 2.2.5.19.2 */
  public static byte[] url(long errorCode, String url) {
    return end(start(errorCode).utf16z(url));
  }
}

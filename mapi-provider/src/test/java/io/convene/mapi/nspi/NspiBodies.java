package io.convene.mapi.nspi;

import io.convene.api.store.query.Restriction;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.nspi.wire.AbRestrictions;
import io.convene.mapi.nspi.wire.AbValues;
import io.convene.mapi.nspi.wire.NspiLimits;
import io.convene.mapi.nspi.wire.Stat;
import io.convene.mapi.rop.data.PropertyRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies as a client writes them and response bodies as a client reads them, from the
 * structure tables of MS-OXCMAPIHTTP 2.2.5 (test side only: the server has decoders, not encoders,
 * for requests).
 */
final class NspiBodies {

  static final Stat GAL_START = new Stat(0, 0, Stat.MID_BEGINNING_OF_TABLE, 0, 0, 0, 0x4E4, 0x409, 0x409);

  private NspiBodies() {}

  static LittleEndianWriter state(LittleEndianWriter out, Stat stat) {
    out.u8(1);
    stat.write(out);
    return out;
  }

  static LittleEndianWriter tags(LittleEndianWriter out, int... tags) {
    if (tags == null) {
      return out.u8(0);
    }
    out.u8(1);
    AbValues.writeTags(out, tags);
    return out;
  }

  static byte[] end(LittleEndianWriter out) {
    return out.u32(0).toByteArray();
  }

  static byte[] bind(int flags) {
    return end(state(new LittleEndianWriter().u32(flags), GAL_START));
  }

  static byte[] unbind() {
    return end(new LittleEndianWriter().u32(0));
  }

  static byte[] specialTable(int flags, Integer version) {
    LittleEndianWriter out = state(new LittleEndianWriter().u32(flags), GAL_START);
    if (version == null) {
      out.u8(0);
    } else {
      out.u8(1).u32(version);
    }
    return end(out);
  }

  static byte[] updateStat(Stat stat, boolean delta) {
    return end(state(new LittleEndianWriter().u32(0), stat).u8(delta ? 1 : 0));
  }

  static byte[] queryRows(int flags, Stat stat, int[] explicit, long rowCount, int... columns) {
    LittleEndianWriter out = state(new LittleEndianWriter().u32(flags), stat).u32(explicit.length);
    for (int mid : explicit) {
      out.u32(mid & 0xffffffffL);
    }
    return end(tags(out.u32(rowCount), columns));
  }

  static byte[] resolveNames(int[] columns, String... names) {
    LittleEndianWriter out = tags(state(new LittleEndianWriter().u32(0), GAL_START), columns);
    out.u8(1).u32(names.length);
    for (String name : names) {
      out.utf16z(name);
    }
    return end(out);
  }

  static byte[] getMatches(Stat stat, Restriction filter, long rowCount, int... columns) {
    LittleEndianWriter out = state(new LittleEndianWriter().u32(0), stat).u8(0).u32(0);
    out.u8(1);
    AbRestrictions.write(out, filter);
    return end(tags(out.u8(0).u32(rowCount), columns));
  }

  static byte[] dnToMId(String... dns) {
    LittleEndianWriter out = new LittleEndianWriter().u32(0).u8(1).u32(dns.length);
    for (String dn : dns) {
      out.asciiz(dn);
    }
    return end(out);
  }

  static byte[] getProps(int flags, Stat stat, int... tags) {
    return end(tags(state(new LittleEndianWriter().u32(flags), stat), tags));
  }

  static byte[] getPropList(int mid) {
    return end(new LittleEndianWriter().u32(0).u32(mid & 0xffffffffL).u32(0x4E4));
  }

  static byte[] compareMIds(Stat stat, int mid1, int mid2) {
    return end(state(new LittleEndianWriter().u32(0), stat).u32(mid1 & 0xffffffffL).u32(mid2 & 0xffffffffL));
  }

  static byte[] seekEntries(Stat stat, String displayName, int... columns) {
    LittleEndianWriter out = state(new LittleEndianWriter().u32(0), stat).u8(1);
    AbValues.writeTagged(out, new AbValues.Tagged(0x3001001F, displayName));
    return end(tags(out.u8(0), columns));
  }

  static byte[] queryColumns(int flags) {
    return end(new LittleEndianWriter().u32(0).u32(flags));
  }

  static byte[] resortRestriction(Stat stat, int... mids) {
    LittleEndianWriter out = state(new LittleEndianWriter().u32(0), stat).u8(1).u32(mids.length);
    for (int mid : mids) {
      out.u32(mid & 0xffffffffL);
    }
    return end(out);
  }

  static byte[] templateInfo() {
    return end(new LittleEndianWriter().u32(0).u32(0).u8(0).u32(0x4E4).u32(0x409));
  }

  static byte[] modProps(Stat stat) {
    return modProps(stat, new int[] {0x3A701102}, List.of(new AbValues.Tagged(0x3A701102, List.of(new byte[] {1, 2}))));
  }

  /** @param removed the PropTags whose values go, or {@code null} for none */
  static byte[] modProps(Stat stat, int[] removed, List<AbValues.Tagged> values) {
    LittleEndianWriter out = tags(state(new LittleEndianWriter().u32(0), stat), removed);
    out.u8(1);
    AbValues.writeValueList(out, values);
    return end(out);
  }

  static byte[] modLinkAtt(int mid) {
    return end(new LittleEndianWriter().u32(0).u32(0x8009101F).u32(mid & 0xffffffffL).u8(0));
  }

  static byte[] url() {
    return end(new LittleEndianWriter().u32(0).utf16z("/o=Convene"));
  }

  /** A response body as a client reads it: StatusCode, ErrorCode, then the request's fields. */
  static final class Response {
    final LittleEndianReader in;
    final long errorCode;

    Response(byte[] body) throws WireFormatException {
      in = new LittleEndianReader(body);
      long status = in.u32("StatusCode");
      if (status != 0) {
        throw new IllegalStateException("StatusCode " + status);
      }
      errorCode = in.u32("ErrorCode");
    }

    Stat state() throws WireFormatException {
      return in.u8("HasState") != 0 ? Stat.read(in) : null;
    }

    int[] mids() throws WireFormatException {
      return in.u8("HasMinimalIds") != 0 ? AbValues.readMids(in, NspiLimits.DEFAULT) : null;
    }

    int[] tags() throws WireFormatException {
      return in.u8("HasTags") != 0 ? AbValues.readTags(in, NspiLimits.DEFAULT) : null;
    }

    List<List<PropertyRow.Cell>> rows() throws WireFormatException {
      if (in.u8("HasColsAndRows") == 0) {
        return null;
      }
      int[] columns = AbValues.readTags(in, NspiLimits.DEFAULT);
      int count = (int) in.u32("RowCount");
      List<List<PropertyRow.Cell>> rows = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        rows.add(AbValues.readRow(in, columns, NspiLimits.DEFAULT));
      }
      return rows;
    }

    List<AbValues.Tagged> valueList() throws WireFormatException {
      return in.u8("HasValues") != 0 ? AbValues.readValueList(in, NspiLimits.DEFAULT) : null;
    }

    int u32() throws WireFormatException {
      return (int) in.u32("field");
    }

    /** The AuxiliaryBufferSize and nothing after it. */
    void end() throws WireFormatException {
      if (in.u32("AuxiliaryBufferSize") != 0 || in.hasRemaining()) {
        throw new IllegalStateException("bytes after the response");
      }
    }
  }

  static Object value(List<PropertyRow.Cell> row, int index) {
    PropertyRow.Cell cell = row.get(index);
    return cell instanceof PropertyRow.Value v ? v.value() : cell;
  }
}

package io.convene.mapi.rop.permission;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import java.util.ArrayList;
import java.util.List;

/** The request buffers of MS-OXCROPS 2.2.10.1 (RopModifyPermissions) and 2.2.10.2 (RopGetPermissionsTable). */
public final class PermissionRequests {

  public static final int MODIFY_PERMISSIONS = 0x40;
  public static final int GET_PERMISSIONS_TABLE = 0x3E;
  /** Most PermissionData entries, and most values in one. */
  public static final int MAX_ENTRIES = 1024;

  private PermissionRequests() {}

  private static LittleEndianWriter start(RopHeader header) {
    return new LittleEndianWriter().u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex());
  }

  /** RopGetPermissionsTable: OutputHandleIndex, TableFlags. */
  public record GetPermissionsTableRequest(RopHeader header, int outputHandleIndex, int tableFlags)
      implements RopRequest {

    /** TableFlags (MS-OXCPERM 2.2.1.1): show the free/busy rights bits. */
    public static final int INCLUDE_FREE_BUSY = 0x02;

    public static GetPermissionsTableRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      return new GetPermissionsTableRequest(header, in.u8("OutputHandleIndex"), in.u8("TableFlags"));
    }

    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }

    public byte[] encode() {
      return start(header).u8(outputHandleIndex).u8(tableFlags).toByteArray();
    }
  }

  /** One PermissionData structure (MS-OXCROPS 2.2.10.1.1.1). */
  public record PermissionData(int flags, List<TaggedPropertyValue> values) {

    /** PermissionDataFlags (MS-OXCPERM 2.2.2.1). */
    public static final int ADD_ROW = 0x01;
    public static final int MODIFY_ROW = 0x02;
    public static final int REMOVE_ROW = 0x04;

    public PermissionData {
      values = List.copyOf(values);
    }
  }

  /** RopModifyPermissions: ModifyFlags, ModifyCount, PermissionsData. */
  public record ModifyPermissionsRequest(RopHeader header, int modifyFlags, List<PermissionData> entries)
      implements RopRequest {

    /** ModifyFlags (MS-OXCPERM 2.2.2.1). */
    public static final int REPLACE_ROWS = 0x01;
    public static final int INCLUDE_FREE_BUSY = 0x02;

    public ModifyPermissionsRequest {
      entries = List.copyOf(entries);
    }

    public static ModifyPermissionsRequest decode(RopHeader header, LittleEndianReader in)
        throws WireFormatException {
      int flags = in.u8("ModifyFlags");
      int count = in.u16("ModifyCount");
      // A PermissionData takes at least three bytes.
      if (count > MAX_ENTRIES || count * 3L > in.remaining()) {
        throw new WireFormatException("ModifyCount " + count + " with " + in.remaining() + " bytes left");
      }
      List<PermissionData> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int entryFlags = in.u8("PermissionDataFlags");
        int valueCount = in.u16("PropertyValueCount");
        if (valueCount > MAX_ENTRIES || valueCount * 4L > in.remaining()) {
          throw new WireFormatException("PropertyValueCount " + valueCount + " with " + in.remaining() + " bytes left");
        }
        List<TaggedPropertyValue> values = new ArrayList<>(valueCount);
        for (int v = 0; v < valueCount; v++) {
          values.add(TaggedPropertyValue.read(in, PropertyLimits.ROP));
        }
        entries.add(new PermissionData(entryFlags, values));
      }
      return new ModifyPermissionsRequest(header, flags, entries);
    }

    public byte[] encode() {
      LittleEndianWriter out = start(header).u8(modifyFlags).u16(entries.size());
      for (PermissionData entry : entries) {
        out.u8(entry.flags()).u16(entry.values().size());
        entry.values().forEach(value -> value.write(out));
      }
      return out.toByteArray();
    }
  }
}

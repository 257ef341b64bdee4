package io.convene.mapiclient.rop;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PropertyValue, TaggedPropertyValue and PropertyRow structures of MS-OXCDATA 2.8 and 2.11 in ROP
 * buffers (16-bit byte counts for binary values, 32-bit element counts for multi-valued ones).
 */
public final class PropertyValueCodec {

  /** Bounds a decoded multi-value count, so a lying count cannot ask for a huge list. */
  public static final int MAX_VALUES = 0x10000;

  private PropertyValueCodec() {}

  public static void writeTagged(WireWriter out, PropertyValue value) {
    out.i32(value.tag());
    writeValue(out, value.type(), value.value());
  }

  public static void writeValue(WireWriter out, int type, Object value) {
    if ((type & PropertyTypes.MULTIPLE) != 0) {
      List<?> values = (List<?>) value;
      out.i32(values.size());
      values.forEach(v -> writeValue(out, type & ~PropertyTypes.MULTIPLE, v));
      return;
    }
    switch (type) {
      case PropertyTypes.INTEGER16 -> out.u16((Integer) value);
      case PropertyTypes.INTEGER32, PropertyTypes.ERROR_CODE -> out.i32((Integer) value);
      case PropertyTypes.FLOATING32 -> out.i32(Float.floatToIntBits(((Number) value).floatValue()));
      case PropertyTypes.FLOATING64, PropertyTypes.FLOATING_TIME -> out.i64(Double.doubleToLongBits((Double) value));
      case PropertyTypes.CURRENCY, PropertyTypes.INTEGER64, PropertyTypes.TIME -> out.i64((Long) value);
      case PropertyTypes.BOOLEAN -> out.u8((Boolean) value ? 1 : 0);
      case PropertyTypes.STRING -> out.utf16z((String) value);
      case PropertyTypes.STRING8 -> out.bytes(((String) value).getBytes(StandardCharsets.ISO_8859_1)).u8(0);
      case PropertyTypes.GUID -> out.bytes((byte[]) value);
      case PropertyTypes.BINARY, PropertyTypes.SERVER_ID -> out.u16(((byte[]) value).length).bytes((byte[]) value);
      default -> throw new IllegalArgumentException("type 0x" + Integer.toHexString(type) + " is not written by this client");
    }
  }

  public static PropertyValue readTagged(WireReader in) throws MapiWireException {
    int tag = in.i32("PropertyTag");
    return new PropertyValue(tag, readValue(in, tag & 0xFFFF));
  }

  public static Object readValue(WireReader in, int type) throws MapiWireException {
    if ((type & PropertyTypes.MULTIPLE) != 0) {
      int count = in.u32Bounded("multi-value count", MAX_VALUES);
      List<Object> values = new ArrayList<>(Math.min(count, 64));
      for (int i = 0; i < count; i++) {
        values.add(readValue(in, type & ~PropertyTypes.MULTIPLE));
      }
      return values;
    }
    return switch (type) {
      case PropertyTypes.INTEGER16 -> (int) (short) in.u16("PtypInteger16");
      case PropertyTypes.INTEGER32 -> in.i32("PtypInteger32");
      case PropertyTypes.ERROR_CODE -> new PropertyValue.ErrorValue(in.i32("PtypErrorCode"));
      case PropertyTypes.FLOATING32 -> (double) Float.intBitsToFloat(in.i32("PtypFloating32"));
      case PropertyTypes.FLOATING64, PropertyTypes.FLOATING_TIME -> Double.longBitsToDouble(in.i64("PtypFloating64"));
      case PropertyTypes.CURRENCY, PropertyTypes.INTEGER64, PropertyTypes.TIME -> in.i64("64-bit value");
      case PropertyTypes.BOOLEAN -> in.u8("PtypBoolean") != 0;
      case PropertyTypes.STRING -> in.utf16z("PtypString");
      case PropertyTypes.STRING8 -> in.asciiz("PtypString8");
      case PropertyTypes.GUID -> in.bytes(16, "PtypGuid");
      case PropertyTypes.BINARY, PropertyTypes.SERVER_ID -> in.bytes(in.u16("PtypBinary count"), "PtypBinary");
      case PropertyTypes.NULL -> 0;
      default -> throw new MapiWireException("property type 0x" + Integer.toHexString(type) + " is not read by this client");
    };
  }

  /**
   * A PropertyRow (MS-OXCDATA 2.8.1) for {@code columns}: Flag 0 (StandardPropertyRow, plain values)
   * or 1 (FlaggedPropertyRow, each value behind a flag: 0x00 value, 0x01 absent, 0x0A error code).
   * PtypUnspecified columns carry their own type.
   */
  public static List<PropertyValue> readRow(WireReader in, int[] columns) throws MapiWireException {
    int flag = in.u8("PropertyRow Flag");
    if (flag > 1) {
      throw new MapiWireException("PropertyRow Flag " + flag + ", expected 0 or 1");
    }
    List<PropertyValue> row = new ArrayList<>(columns.length);
    for (int column : columns) {
      int type = column & 0xFFFF;
      if (type == PropertyTypes.UNSPECIFIED) {
        type = in.u16("PropertyValueWithType type");
      }
      int tag = (column & 0xFFFF0000) | type;
      if (flag == 1) {
        int valueFlag = in.u8("FlaggedPropertyValue flag");
        switch (valueFlag) {
          case 0x00 -> row.add(new PropertyValue(tag, readValue(in, type)));
          case 0x01 -> row.add(new PropertyValue((column & 0xFFFF0000) | PropertyTypes.ERROR_CODE, new PropertyValue.ErrorValue(0x8004010F)));
          case 0x0A -> row.add(new PropertyValue((column & 0xFFFF0000) | PropertyTypes.ERROR_CODE, new PropertyValue.ErrorValue(in.i32("error code"))));
          default -> throw new MapiWireException("FlaggedPropertyValue flag 0x" + Integer.toHexString(valueFlag));
        }
      } else {
        row.add(new PropertyValue(tag, readValue(in, type)));
      }
    }
    return row;
  }
}

package io.convene.mapiclient.nspi;

import io.convene.mapiclient.rop.PropertyTypes;
import io.convene.mapiclient.rop.PropertyValue;
import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The address book structures of MS-OXCMAPIHTTP 2.2.1: AddressBookPropertyValue (a HasValue byte
 * before strings, binaries and multi-valued values), its typed, tagged and flagged forms,
 * AddressBookPropertyRow, AddressBookPropertyValueList and LargePropertyTagArray. Unlike ROP buffers,
 * binary byte counts are 32 bits wide here (MS-OXCDATA 2.11.1.1 COUNT in the MAPI/HTTP context).
 *
 * <p>One reading goes beyond the text of 2.2.1.1: each element of a multi-valued string, string8 or
 * binary value carries its own HasValue byte. The specification only names the HasValue before the
 * whole value, but Exchange sends one per element and Microsoft's own MAPI Inspector parses it so;
 * a client that follows the letter fails on the first PidTagProxyAddresses.
 */
public final class AbValues {

  /** HasValue when the value follows (MS-OXCMAPIHTTP 2.2.1.1). */
  public static final int HAS_VALUE = 0xFF;
  /** Bounds a decoded count of values, tags, rows or bytes. */
  public static final int MAX_COUNT = 0x10000;
  public static final int MAX_BINARY = 1024 * 1024;

  /** The value of a column whose AddressBookPropertyValue said HasValue 0x00. */
  public enum Absent {
    VALUE
  }

  private AbValues() {}

  static boolean hasHasValue(int type) {
    return type == PropertyTypes.STRING || type == PropertyTypes.STRING8 || type == PropertyTypes.BINARY
        || (type & PropertyTypes.MULTIPLE) != 0;
  }

  /** An AddressBookPropertyValue of {@code type}. */
  public static Object readValue(WireReader in, int type) throws MapiWireException {
    if (hasHasValue(type)) {
      int hasValue = in.u8("HasValue");
      if (hasValue == 0) {
        return Absent.VALUE;
      }
      if (hasValue != HAS_VALUE) {
        throw new MapiWireException("HasValue 0x" + Integer.toHexString(hasValue) + ", expected 0x00 or 0xFF");
      }
    }
    if ((type & PropertyTypes.MULTIPLE) != 0) {
      int single = type & ~PropertyTypes.MULTIPLE;
      int count = in.u32Bounded("multi-value count", MAX_COUNT);
      List<Object> values = new ArrayList<>(Math.min(count, 64));
      for (int i = 0; i < count; i++) {
        // Exchange's per-element HasValue (see the class comment)
        values.add(hasHasValue(single) ? readValue(in, single) : readPlain(in, single));
      }
      return values;
    }
    return readPlain(in, type);
  }

  /** A PropertyValue (MS-OXCDATA 2.11.2.1) with the COUNT widths of MAPI/HTTP: 32-bit binary counts. */
  static Object readPlain(WireReader in, int type) throws MapiWireException {
    return switch (type) {
      case PropertyTypes.NULL -> Absent.VALUE;
      case PropertyTypes.INTEGER16 -> (int) (short) in.u16("PtypInteger16");
      case PropertyTypes.INTEGER32 -> in.i32("PtypInteger32");
      case PropertyTypes.ERROR_CODE -> new PropertyValue.ErrorValue(in.i32("PtypErrorCode"));
      case PropertyTypes.FLOATING32 -> (double) Float.intBitsToFloat(in.i32("PtypFloating32"));
      case PropertyTypes.FLOATING64, PropertyTypes.FLOATING_TIME -> Double.longBitsToDouble(in.i64("PtypFloating64"));
      case PropertyTypes.CURRENCY, PropertyTypes.INTEGER64, PropertyTypes.TIME -> in.i64("64-bit value");
      case PropertyTypes.BOOLEAN -> booleanValue(in.u8("PtypBoolean"));
      case PropertyTypes.STRING -> in.utf16z("PtypString");
      case PropertyTypes.STRING8 -> in.asciiz("PtypString8");
      case PropertyTypes.GUID -> in.bytes(16, "PtypGuid");
      case PropertyTypes.BINARY -> in.bytes(in.u32Bounded("PtypBinary count", MAX_BINARY), "PtypBinary");
      default -> throw new MapiWireException("address book property type 0x" + Integer.toHexString(type) + " is not read by this client");
    };
  }

  private static Boolean booleanValue(int value) throws MapiWireException {
    // MS-OXCDATA 2.11.1: PtypBoolean is one byte restricted to 1 or 0
    if (value > 1) {
      throw new MapiWireException("PtypBoolean 0x" + Integer.toHexString(value));
    }
    return value == 1;
  }

  /** AddressBookTaggedPropertyValue: PropertyType, PropertyId, AddressBookPropertyValue. */
  public static PropertyValue readTagged(WireReader in) throws MapiWireException {
    int type = in.u16("PropertyType");
    int id = in.u16("PropertyId");
    int tag = id << 16 | type;
    return new PropertyValue(tag, readValue(in, type));
  }

  /** AddressBookPropertyValueList: PropertyValueCount, then tagged values. */
  public static List<PropertyValue> readValueList(WireReader in) throws MapiWireException {
    int count = in.u32Bounded("PropertyValueCount", MAX_COUNT);
    List<PropertyValue> values = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count; i++) {
      values.add(readTagged(in));
    }
    return values;
  }

  /** LargePropertyTagArray: PropertyTagCount, then 32-bit tags. */
  public static int[] readTags(WireReader in) throws MapiWireException {
    int count = in.u32Bounded("PropertyTagCount", MAX_COUNT);
    if ((long) count * 4 > in.remaining()) {
      throw new MapiWireException("PropertyTagCount " + count + " exceeds the " + in.remaining() + " bytes left");
    }
    int[] tags = new int[count];
    for (int i = 0; i < count; i++) {
      tags[i] = in.i32("PropertyTag");
    }
    return tags;
  }

  public static void writeTags(WireWriter out, int[] tags) {
    out.i32(tags.length);
    for (int tag : tags) {
      out.i32(tag);
    }
  }

  /**
   * An AddressBookPropertyRow for {@code columns}: Flags 0x0 (every value present, typed where the
   * column is PtypUnspecified) or 0x1 (each value behind a flag: 0x0 value, 0x1 not present, 0xA
   * PtypErrorCode). A missing value reads as PtypErrorCode ecNotFound, an error as its code.
   */
  public static List<PropertyValue> readRow(WireReader in, int[] columns) throws MapiWireException {
    int flags = in.u8("AddressBookPropertyRow Flags");
    if (flags > 1) {
      throw new MapiWireException("AddressBookPropertyRow Flags 0x" + Integer.toHexString(flags) + ", expected 0x0 or 0x1");
    }
    List<PropertyValue> row = new ArrayList<>(columns.length);
    for (int column : columns) {
      int id = column & 0xFFFF0000;
      int type = column & 0xFFFF;
      if (type == PropertyTypes.UNSPECIFIED) {
        type = in.u16("PropertyType");
      }
      int flag = flags == 0 ? 0 : in.u8("Flag");
      switch (flag) {
        case 0x0 -> row.add(new PropertyValue(id | type, readValue(in, type)));
        case 0x1 -> row.add(new PropertyValue(id | PropertyTypes.ERROR_CODE, new PropertyValue.ErrorValue(Nspi.NOT_FOUND)));
        case 0xA -> row.add(new PropertyValue(id | PropertyTypes.ERROR_CODE, readPlain(in, PropertyTypes.ERROR_CODE)));
        default -> throw new MapiWireException("AddressBookFlaggedPropertyValue Flag 0x" + Integer.toHexString(flag));
      }
    }
    return row;
  }

  /** An AddressBookTaggedPropertyValue, as SeekEntries sends its target. */
  public static void writeTagged(WireWriter out, PropertyValue value) {
    out.u16(value.type()).u16(value.tag() >>> 16);
    writeValue(out, value.type(), value.value());
  }

  /** An AddressBookPropertyValue of a single-valued type (the client sends no multi-valued ones). */
  public static void writeValue(WireWriter out, int type, Object value) {
    if (hasHasValue(type)) {
      out.u8(HAS_VALUE);
    }
    writePlain(out, type, value);
  }

  /** A PropertyValue (MS-OXCDATA 2.11.2.1) with 32-bit binary counts. */
  static void writePlain(WireWriter out, int type, Object value) {
    switch (type) {
      case PropertyTypes.INTEGER16 -> out.u16((Integer) value);
      case PropertyTypes.INTEGER32, PropertyTypes.ERROR_CODE -> out.i32((Integer) value);
      case PropertyTypes.INTEGER64, PropertyTypes.TIME, PropertyTypes.CURRENCY -> out.i64((Long) value);
      case PropertyTypes.BOOLEAN -> out.u8((Boolean) value ? 1 : 0);
      case PropertyTypes.STRING -> out.utf16z((String) value);
      case PropertyTypes.STRING8 -> out.bytes(((String) value).getBytes(StandardCharsets.ISO_8859_1)).u8(0);
      case PropertyTypes.BINARY -> out.i32(((byte[]) value).length).bytes((byte[]) value);
      default -> throw new IllegalArgumentException("type 0x" + Integer.toHexString(type) + " is not written by this client");
    }
  }
}

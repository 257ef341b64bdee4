package io.convene.mapi.nspi.wire;

import io.convene.api.store.FileTimes;
import io.convene.api.store.Guids;
import io.convene.api.store.PropType;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.Utf16Units;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.data.PropertyRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The address book property structures of MS-OXCMAPIHTTP 2.2.1: AddressBookPropertyValue (2.2.1.1)
 * with its HasValue byte before PtypString, PtypString8, PtypBinary and every multi-valued type,
 * AddressBookTaggedPropertyValue (2.2.1.3), AddressBookTypedPropertyValue (2.2.1.4), the flagged
 * forms (2.2.1.5, 2.2.1.6), AddressBookPropertyRow (2.2.1.7), AddressBookPropertyValueList (2.2.1.2)
 * and LargePropertyTagArray (2.2.1.8). Byte counts of PtypBinary and value counts of multi-valued
 * types are 32 bits wide (MS-OXCDATA 2.11.1.1 COUNT in MAPI/HTTP); the elements of a multi-valued
 * string or binary carry their own HasValue byte, as Outlook sends them. Java values follow {@link
 * io.convene.mapi.rop.data.PropertyValueCodec}; {@code null} is a value whose HasValue is 0.
 */
public final class AbValues {

  /** HasValue as Outlook and Exchange send it when a value follows; 0x00 means none. */
  public static final int HAS_VALUE = 0xFF;

  private AbValues() {}

  /** Whether values of this type are preceded by a HasValue byte. */
  public static boolean hasValueByte(int typeCode) {
    return typeCode == PropType.PT_STRING8.code()
        || typeCode == PropType.PT_UNICODE.code()
        || typeCode == PropType.PT_BINARY.code()
        || (typeCode & PropType.MV_FLAG) != 0;
  }

  /** Reads an AddressBookPropertyValue of type {@code typeCode}; {@code null} when HasValue is 0. */
  public static Object read(LittleEndianReader in, int typeCode, NspiLimits limits) throws WireFormatException {
    return read(in, typeCode, limits, true);
  }

  /**
   * Reads a value with ({@code withHasValue}) or without the HasValue bytes; without them it is the
   * plain MS-OXCDATA PropertyValue with 32-bit counts.
   */
  public static Object read(LittleEndianReader in, int typeCode, NspiLimits limits, boolean withHasValue)
      throws WireFormatException {
    if (withHasValue && hasValueByte(typeCode) && !presence(in)) {
      return null;
    }
    PropType type = type(typeCode);
    if (!type.isMultiValued()) {
      return readSingle(in, type, limits);
    }
    int count = in.count32("multi-value count", limits.maxValues());
    if (count > in.remaining()) {
      throw new WireFormatException("multi-value count " + count + " exceeds the " + in.remaining() + " bytes left");
    }
    PropType element = type.elementType();
    boolean flagged = withHasValue && hasValueByte(element.code());
    List<Object> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (flagged && !presence(in)) {
        // An absent element has no Java form in a list; an empty value stands for it.
        values.add(element == PropType.PT_BINARY ? new byte[0] : "");
        continue;
      }
      values.add(readSingle(in, element, limits));
    }
    return values;
  }

  private static boolean presence(LittleEndianReader in) throws WireFormatException {
    int flag = in.u8("HasValue");
    if (flag != 0 && flag != HAS_VALUE) {
      throw new WireFormatException("HasValue 0x" + Integer.toHexString(flag));
    }
    return flag != 0;
  }

  static PropType type(int typeCode) throws WireFormatException {
    try {
      PropType type = PropType.fromCode(typeCode);
      if (type == PropType.PT_UNSPECIFIED || type == PropType.PT_OBJECT
          || type == PropType.PT_SERVERID || type == PropType.PT_SRESTRICT || type == PropType.PT_ACTIONS) {
        throw new WireFormatException("property type " + type + " has no address book value");
      }
      return type;
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(String.format("unknown property type 0x%04X", typeCode));
    }
  }

  private static Object readSingle(LittleEndianReader in, PropType type, NspiLimits limits) throws WireFormatException {
    return switch (type) {
      case PT_I2 -> (short) in.u16("PtypInteger16");
      case PT_LONG, PT_ERROR -> (int) in.u32("PtypInteger32");
      case PT_FLOAT -> Float.intBitsToFloat((int) in.u32("PtypFloating32"));
      case PT_DOUBLE, PT_APPTIME -> Double.longBitsToDouble(u64(in));
      case PT_CURRENCY, PT_I8 -> u64(in);
      case PT_BOOLEAN -> in.u8("PtypBoolean") != 0;
      case PT_STRING8 -> in.asciiz(limits.maxStringBytes() - 1, "PtypString8");
      case PT_UNICODE -> utf16z(in, limits.maxStringBytes());
      case PT_SYSTIME -> time(u64(in));
      case PT_CLSID -> Guids.fromBytes(in.bytes(Guids.SIZE, "PtypGuid"));
      case PT_BINARY -> in.bytes(in.count32("PtypBinary count", limits.maxStringBytes()), "PtypBinary");
      default -> throw new WireFormatException("property type " + type + " has no address book value");
    };
  }

  /** Writes an AddressBookPropertyValue; {@code null} writes HasValue 0 where the type has one. */
  public static void write(LittleEndianWriter out, int typeCode, Object value) {
    PropType type = PropType.fromCode(typeCode);
    if (hasValueByte(typeCode)) {
      if (value == null) {
        out.u8(0);
        return;
      }
      out.u8(HAS_VALUE);
    }
    if (!type.isMultiValued()) {
      writeSingle(out, type, value);
      return;
    }
    List<?> values = (List<?>) value;
    PropType element = type.elementType();
    boolean flagged = hasValueByte(element.code());
    out.u32(values.size());
    for (Object v : values) {
      if (flagged) {
        out.u8(HAS_VALUE);
      }
      writeSingle(out, element, v);
    }
  }

  private static void writeSingle(LittleEndianWriter out, PropType type, Object value) {
    switch (type) {
      case PT_I2 -> out.u16((Short) value);
      case PT_LONG, PT_ERROR -> out.u32((Integer) value & 0xffffffffL);
      case PT_FLOAT -> out.u32(Float.floatToRawIntBits((Float) value) & 0xffffffffL);
      case PT_DOUBLE, PT_APPTIME -> u64(out, Double.doubleToRawLongBits((Double) value));
      case PT_CURRENCY, PT_I8 -> u64(out, (Long) value);
      case PT_BOOLEAN -> out.u8((Boolean) value ? 1 : 0);
      case PT_STRING8 -> out.asciiz((String) value);
      case PT_UNICODE -> out.utf16z((String) value);
      case PT_SYSTIME -> u64(out, FileTimes.toFileTime((Instant) value));
      case PT_CLSID -> out.bytes(Guids.toBytes((UUID) value));
      case PT_BINARY -> {
        byte[] bytes = (byte[]) value;
        out.u32(bytes.length).bytes(bytes);
      }
      default -> throw new IllegalArgumentException("property type " + type + " has no address book value");
    }
  }

  /** AddressBookTaggedPropertyValue: the 32-bit tag, then the value of its type. */
  public record Tagged(int tag, Object value) {
    public int typeCode() {
      return tag & 0xffff;
    }

    public int id() {
      return tag >>> 16;
    }
  }

  public static Tagged readTagged(LittleEndianReader in, NspiLimits limits) throws WireFormatException {
    int tag = (int) in.u32("PropertyTag");
    return new Tagged(tag, read(in, tag & 0xffff, limits));
  }

  public static void writeTagged(LittleEndianWriter out, Tagged value) {
    out.u32(value.tag() & 0xffffffffL);
    write(out, value.typeCode(), value.value());
  }

  /** AddressBookPropertyValueList: a 32-bit count and that many tagged values. */
  public static List<Tagged> readValueList(LittleEndianReader in, NspiLimits limits) throws WireFormatException {
    int count = in.count32("PropertyValueCount", limits.maxValues());
    if (count * 4L > in.remaining()) {
      throw new WireFormatException("PropertyValueCount " + count + " with " + in.remaining() + " bytes left");
    }
    List<Tagged> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(readTagged(in, limits));
    }
    return values;
  }

  public static void writeValueList(LittleEndianWriter out, List<Tagged> values) {
    out.u32(values.size());
    values.forEach(v -> writeTagged(out, v));
  }

  /** LargePropertyTagArray: a 32-bit count and that many tags. */
  public static int[] readTags(LittleEndianReader in, NspiLimits limits) throws WireFormatException {
    int count = in.count32("PropertyTagCount", limits.maxTags());
    return readU32s(in, count, "PropertyTag");
  }

  public static void writeTags(LittleEndianWriter out, int[] tags) {
    out.u32(tags.length);
    for (int tag : tags) {
      out.u32(tag & 0xffffffffL);
    }
  }

  /** A 32-bit count and that many Minimal Entry IDs. */
  public static int[] readMids(LittleEndianReader in, NspiLimits limits) throws WireFormatException {
    return readU32s(in, in.count32("MinimalIdCount", limits.maxIds()), "MinimalId");
  }

  static int[] readU32s(LittleEndianReader in, int count, String what) throws WireFormatException {
    if (count * 4L > in.remaining()) {
      throw new WireFormatException(what + " count " + count + " with " + in.remaining() + " bytes left");
    }
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = (int) in.u32(what);
    }
    return values;
  }

  /**
   * AddressBookPropertyRow: Flags 0 and one AddressBookPropertyValue per column, or Flags 1 and a
   * flagged value per column (0x00 value, 0x01 none, 0x0A PtypErrorCode). A PtypUnspecified column
   * carries the value's own type before it (typed forms 2.2.1.4 and 2.2.1.6).
   */
  public static void writeRow(LittleEndianWriter out, int[] columns, List<PropertyRow.Cell> cells) {
    if (cells.size() != columns.length) {
      throw new IllegalArgumentException(cells.size() + " cells for " + columns.length + " columns");
    }
    boolean flagged = PropertyRow.needsFlags(cells);
    out.u8(flagged ? PropertyRow.FLAGGED : PropertyRow.STANDARD);
    for (int i = 0; i < columns.length; i++) {
      boolean typed = (columns[i] & 0xffff) == PropType.PT_UNSPECIFIED.code();
      PropertyRow.Cell cell = cells.get(i);
      if (cell instanceof PropertyRow.Value v) {
        if (typed) {
          out.u16(v.typeCode());
        }
        if (flagged) {
          out.u8(0x00);
        }
        write(out, v.typeCode(), v.value());
      } else if (cell instanceof PropertyRow.Error e) {
        if (typed) {
          out.u16(PropType.PT_ERROR.code());
        }
        out.u8(0x0A).u32(e.errorCode() & 0xffffffffL);
      } else {
        if (typed) {
          out.u16(PropType.PT_NULL.code());
        }
        out.u8(0x01);
      }
    }
  }

  /** Reads an AddressBookPropertyRow for {@code columns} (the client side; tests and fuzzing). */
  public static List<PropertyRow.Cell> readRow(LittleEndianReader in, int[] columns, NspiLimits limits)
      throws WireFormatException {
    int flags = in.u8("AddressBookPropertyRow Flags");
    if (flags != PropertyRow.STANDARD && flags != PropertyRow.FLAGGED) {
      throw new WireFormatException("AddressBookPropertyRow Flags 0x" + Integer.toHexString(flags));
    }
    List<PropertyRow.Cell> cells = new ArrayList<>(columns.length);
    for (int column : columns) {
      int type = column & 0xffff;
      if (type == PropType.PT_UNSPECIFIED.code()) {
        type = in.u16("PropertyType");
      }
      int flag = flags == PropertyRow.FLAGGED ? in.u8("Flag") : 0x00;
      switch (flag) {
        case 0x00 -> cells.add(new PropertyRow.Value(type, read(in, type, limits)));
        case 0x01 -> cells.add(new PropertyRow.Missing());
        case 0x0A -> cells.add(new PropertyRow.Error((int) in.u32("ErrorCode")));
        default -> throw new WireFormatException("flagged value Flag 0x" + Integer.toHexString(flag));
      }
    }
    return cells;
  }

  private static long u64(LittleEndianReader in) throws WireFormatException {
    long low = in.u32("64-bit value");
    long high = in.u32("64-bit value");
    return low | high << 32;
  }

  private static void u64(LittleEndianWriter out, long value) {
    out.u32(value & 0xffffffffL).u32(value >>> 32);
  }

  private static Instant time(long fileTime) throws WireFormatException {
    try {
      return FileTimes.toInstant(fileTime);
    } catch (RuntimeException e) {
      throw new WireFormatException("PtypTime " + Long.toUnsignedString(fileTime) + " out of range");
    }
  }

  /** A NUL-terminated UTF-16LE string of at most {@code maxBytes} bytes with the terminator. */
  public static String utf16z(LittleEndianReader in, int maxBytes) throws WireFormatException {
    int start = in.position();
    StringBuilder text = new StringBuilder();
    while (true) {
      if (in.position() - start + 2 > maxBytes) {
        throw new WireFormatException("string has no terminating NUL within " + maxBytes + " bytes");
      }
      int unit = in.u16("PtypString");
      if (unit == 0) {
        return text.toString();
      }
      text.append((char) unit);
    }
  }

  static byte[] utf16(String value) {
    return Utf16Units.encode(value);
  }
}

package io.convene.mapi.rop.data;

import io.convene.api.store.FileTimes;
import io.convene.api.store.Guids;
import io.convene.api.store.PropType;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PropertyValue structure of MS-OXCDATA 2.11.2.1 as ROP buffers carry it: fixed-size types
 * little-endian, PtypBoolean one byte, strings NUL-terminated (8-bit or UTF-16LE), PtypBinary and
 * PtypServerId with a 16-bit byte count, multi-valued types with a 32-bit value count (MS-OXCDATA
 * 2.11.1 COUNT in ROPs). Java values follow {@link io.convene.api.store.PropValue}; PtypObject and
 * PtypErrorCode are an {@link Integer}. PtypRestriction and PtypRuleAction values have no length on
 * the wire and belong to the restriction and rule codecs, so they are refused here.
 */
public final class PropertyValueCodec {

  private PropertyValueCodec() {}

  /** Reads one value of the type with code {@code typeCode}. */
  public static Object read(LittleEndianReader in, int typeCode, PropertyLimits limits)
      throws WireFormatException {
    PropType type = typeOf(typeCode);
    if (type.isMultiValued()) {
      int count = in.count32("multi-value count", limits.maxValues());
      // Each element takes at least one byte, so a count beyond the bytes left is a lie.
      if (count > in.remaining()) {
        throw new WireFormatException("multi-value count " + count + " exceeds the " + in.remaining() + " bytes left");
      }
      List<Object> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(readSingle(in, type.elementType(), limits));
      }
      return values;
    }
    return readSingle(in, type, limits);
  }

  /** Writes {@code value} (the Java representation of {@code typeCode}). */
  public static void write(LittleEndianWriter out, int typeCode, Object value) {
    PropType type = PropType.fromCode(typeCode);
    if (type.isMultiValued()) {
      List<?> values = (List<?>) value;
      out.u32(values.size());
      for (Object element : values) {
        writeSingle(out, type.elementType(), element);
      }
      return;
    }
    writeSingle(out, type, value);
  }

  static PropType typeOf(int typeCode) throws WireFormatException {
    try {
      return PropType.fromCode(typeCode);
    } catch (RuntimeException e) {
      throw new WireFormatException(String.format("unknown property type 0x%04X", typeCode));
    }
  }

  private static Object readSingle(LittleEndianReader in, PropType type, PropertyLimits limits)
      throws WireFormatException {
    return switch (type) {
      case PT_I2 -> (short) in.u16("PtypInteger16");
      case PT_LONG, PT_ERROR, PT_OBJECT -> (int) in.u32("PtypInteger32");
      case PT_FLOAT -> Float.intBitsToFloat((int) in.u32("PtypFloating32"));
      case PT_DOUBLE, PT_APPTIME -> Double.longBitsToDouble(u64(in, "PtypFloating64"));
      case PT_CURRENCY, PT_I8 -> u64(in, "PtypInteger64");
      case PT_BOOLEAN -> in.u8("PtypBoolean") != 0;
      case PT_STRING8 -> in.asciiz(limits.maxStringBytes() - 1, "PtypString8");
      case PT_UNICODE -> utf16z(in, limits.maxStringBytes(), "PtypString");
      case PT_SYSTIME -> time(u64(in, "PtypTime"));
      case PT_CLSID -> Guids.fromBytes(in.bytes(Guids.SIZE, "PtypGuid"));
      case PT_BINARY, PT_SERVERID -> in.bytes(in.u16("PtypBinary count"), "PtypBinary");
      default -> throw new WireFormatException("property type " + type + " has no value here");
    };
  }

  private static void writeSingle(LittleEndianWriter out, PropType type, Object value) {
    switch (type) {
      case PT_I2 -> out.u16((Short) value);
      case PT_LONG, PT_ERROR, PT_OBJECT -> out.u32((Integer) value & 0xffffffffL);
      case PT_FLOAT -> out.u32(Float.floatToRawIntBits((Float) value) & 0xffffffffL);
      case PT_DOUBLE, PT_APPTIME -> u64(out, Double.doubleToRawLongBits((Double) value));
      case PT_CURRENCY, PT_I8 -> u64(out, (Long) value);
      case PT_BOOLEAN -> out.u8((Boolean) value ? 1 : 0);
      case PT_STRING8 -> out.asciiz((String) value);
      case PT_UNICODE -> out.utf16z((String) value);
      case PT_SYSTIME -> u64(out, FileTimes.toFileTime((Instant) value));
      case PT_CLSID -> out.bytes(Guids.toBytes((UUID) value));
      case PT_BINARY, PT_SERVERID -> {
        byte[] bytes = (byte[]) value;
        if (bytes.length > 0xffff) {
          throw new IllegalArgumentException("a binary value in a ROP buffer is at most 65,535 bytes");
        }
        out.u16(bytes.length).bytes(bytes);
      }
      default -> throw new IllegalArgumentException("property type " + type + " has no value encoding here");
    }
  }

  /** Bytes {@code value} takes on the wire, to size responses before writing them. */
  public static int size(int typeCode, Object value) {
    LittleEndianWriter probe = new LittleEndianWriter(16);
    write(probe, typeCode, value);
    return probe.size();
  }

  static long u64(LittleEndianReader in, String what) throws WireFormatException {
    long low = in.u32(what);
    long high = in.u32(what);
    return low | high << 32;
  }

  static void u64(LittleEndianWriter out, long value) {
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
  static String utf16z(LittleEndianReader in, int maxBytes, String what) throws WireFormatException {
    int start = in.position();
    StringBuilder text = new StringBuilder();
    while (true) {
      if (in.position() - start + 2 > maxBytes) {
        throw new WireFormatException(what + " has no terminating NUL within " + maxBytes + " bytes");
      }
      int unit = in.u16(what);
      if (unit == 0) {
        return text.toString();
      }
      text.append((char) unit);
    }
  }

  static byte[] utf16(String value) {
    return io.convene.mapi.codec.Utf16Units.encode(value);
  }
}

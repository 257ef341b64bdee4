package io.convene.mapi.rop.data;

import io.convene.api.store.PropType;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * PropertyRow (MS-OXCDATA 2.8.1): the values of a known column list without their tags. A
 * StandardPropertyRow (Flag 0x00) holds one PropertyValue per column; a FlaggedPropertyRow (Flag
 * 0x01) prefixes each with a flag: 0x00 value, 0x01 no value, 0x0A a PtypErrorCode instead.
 * Columns of type PtypUnspecified carry a TypedPropertyValue. A cell is a {@link Cell}.
 */
public final class PropertyRow {

  public static final int STANDARD = 0x00;
  public static final int FLAGGED = 0x01;

  /** One column value: a value of the column's (or, for PtypUnspecified, its own) type, or an error. */
  public sealed interface Cell permits Value, Error, Missing {}

  /** A value; {@code typeCode} is the column's type, or the actual type for PtypUnspecified columns. */
  public record Value(int typeCode, Object value) implements Cell {}

  /** An error code instead of a value (flag 0x0A). */
  public record Error(int errorCode) implements Cell {}

  /** No value (flag 0x01). */
  public record Missing() implements Cell {}

  private PropertyRow() {}

  /** Whether {@code cells} needs the flagged form: any cell that is not a plain value. */
  public static boolean needsFlags(List<Cell> cells) {
    return cells.stream().anyMatch(cell -> !(cell instanceof Value));
  }

  /** Writes a row for {@code columns}; flagged when any cell is an error or missing. */
  public static void write(LittleEndianWriter out, int[] columns, List<Cell> cells) {
    if (cells.size() != columns.length) {
      throw new IllegalArgumentException(cells.size() + " cells for " + columns.length + " columns");
    }
    boolean flagged = needsFlags(cells);
    out.u8(flagged ? FLAGGED : STANDARD);
    for (int i = 0; i < columns.length; i++) {
      int columnType = columns[i] & 0xffff;
      Cell cell = cells.get(i);
      if (!flagged) {
        writeValue(out, columnType, (Value) cell);
      } else if (columnType == PropType.PT_UNSPECIFIED.code()) {
        writeFlaggedWithType(out, cell);
      } else if (cell instanceof Value v) {
        out.u8(0x00);
        PropertyValueCodec.write(out, columnType, v.value());
      } else if (cell instanceof Error e) {
        out.u8(0x0A).u32(e.errorCode() & 0xffffffffL);
      } else {
        out.u8(0x01);
      }
    }
  }

  /**
   * A FlaggedPropertyValueWithType (MS-OXCDATA 2.11.6): the type comes before the flag, then the
   * value without a type of its own; an error is typed PtypErrorCode, a missing value PtypNull (as
   * the address book's AddressBookFlaggedPropertyValueWithType writer does).
   */
  private static void writeFlaggedWithType(LittleEndianWriter out, Cell cell) {
    if (cell instanceof Value v) {
      out.u16(v.typeCode()).u8(0x00);
      PropertyValueCodec.write(out, v.typeCode(), v.value());
    } else if (cell instanceof Error e) {
      out.u16(PropType.PT_ERROR.code()).u8(0x0A).u32(e.errorCode() & 0xffffffffL);
    } else {
      out.u16(PropType.PT_NULL.code()).u8(0x01);
    }
  }

  private static void writeValue(LittleEndianWriter out, int columnType, Value v) {
    if (columnType == PropType.PT_UNSPECIFIED.code()) {
      new TypedPropertyValue(v.typeCode(), v.value()).write(out);
    } else {
      PropertyValueCodec.write(out, columnType, v.value());
    }
  }

  public static List<Cell> read(LittleEndianReader in, int[] columns, PropertyLimits limits)
      throws WireFormatException {
    int flag = in.u8("PropertyRow Flag");
    if (flag != STANDARD && flag != FLAGGED) {
      throw new WireFormatException("PropertyRow Flag 0x" + Integer.toHexString(flag));
    }
    List<Cell> cells = new ArrayList<>(columns.length);
    for (int column : columns) {
      int columnType = column & 0xffff;
      if (flag == FLAGGED && columnType == PropType.PT_UNSPECIFIED.code()) {
        cells.add(readFlaggedWithType(in, limits));
        continue;
      }
      int cellFlag = flag == FLAGGED ? in.u8("FlaggedPropertyValue Flag") : 0x00;
      switch (cellFlag) {
        case 0x00 -> cells.add(readValue(in, columnType, limits));
        case 0x01 -> cells.add(new Missing());
        case 0x0A -> cells.add(new Error((int) in.u32("ErrorCode")));
        default -> throw new WireFormatException("FlaggedPropertyValue Flag 0x" + Integer.toHexString(cellFlag));
      }
    }
    return cells;
  }

  private static Cell readFlaggedWithType(LittleEndianReader in, PropertyLimits limits) throws WireFormatException {
    int type = in.u16("FlaggedPropertyValueWithType PropertyType");
    int cellFlag = in.u8("FlaggedPropertyValueWithType Flag");
    return switch (cellFlag) {
      case 0x00 -> new Value(type, PropertyValueCodec.read(in, type, limits));
      case 0x01 -> new Missing();
      case 0x0A -> new Error((int) in.u32("ErrorCode"));
      default -> throw new WireFormatException("FlaggedPropertyValueWithType Flag 0x" + Integer.toHexString(cellFlag));
    };
  }

  private static Value readValue(LittleEndianReader in, int columnType, PropertyLimits limits)
      throws WireFormatException {
    if (columnType == PropType.PT_UNSPECIFIED.code()) {
      TypedPropertyValue typed = TypedPropertyValue.read(in, limits);
      return new Value(typed.typeCode(), typed.value());
    }
    return new Value(columnType, PropertyValueCodec.read(in, columnType, limits));
  }
}

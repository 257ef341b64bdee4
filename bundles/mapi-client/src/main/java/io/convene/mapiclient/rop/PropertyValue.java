package io.convene.mapiclient.rop;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A property tag and its value as the client sees it (MS-OXCDATA 2.11): Integer for PtypInteger16
 * and PtypInteger32, Long for PtypInteger64, PtypTime (FILETIME ticks) and PtypCurrency, Boolean,
 * Double, String for PtypString/PtypString8, byte[] for PtypBinary/PtypGuid/PtypServerId, a List
 * for multi-valued types, and {@link ErrorValue} where a row carries an error instead of a value.
 */
public record PropertyValue(int tag, Object value) {

  /** A PtypErrorCode in place of a value (a property that is missing, too big, ...). */
  public record ErrorValue(int errorCode) {
    @Override
    public String toString() {
      return "error 0x" + Integer.toHexString(errorCode);
    }
  }

  public PropertyValue {
    Objects.requireNonNull(value, "value");
  }

  public int type() {
    return tag & 0xFFFF;
  }

  public boolean isError() {
    return value instanceof ErrorValue;
  }

  public String asString() {
    return (String) value;
  }

  public int asInt() {
    return (Integer) value;
  }

  public long asLong() {
    return (Long) value;
  }

  public boolean asBoolean() {
    return (Boolean) value;
  }

  public byte[] asBytes() {
    return (byte[]) value;
  }

  public List<?> asList() {
    return (List<?>) value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PropertyValue p && p.tag == tag && Arrays.deepEquals(new Object[] {value}, new Object[] {p.value});
  }

  @Override
  public int hashCode() {
    return 31 * tag + Arrays.deepHashCode(new Object[] {value});
  }

  @Override
  public String toString() {
    String shown = value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(value);
    return String.format("0x%08X=%s", tag, shown);
  }
}

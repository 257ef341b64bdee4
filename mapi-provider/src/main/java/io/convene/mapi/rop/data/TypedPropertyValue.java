package io.convene.mapi.rop.data;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.Objects;

/**
 * TypedPropertyValue (MS-OXCDATA 2.11.3): a 16-bit type code and a value, used where the column
 * is PtypUnspecified and the server picks the type.
 */
public record TypedPropertyValue(int typeCode, Object value) {

  public TypedPropertyValue {
    Objects.requireNonNull(value, "value");
  }

  public static TypedPropertyValue read(LittleEndianReader in, PropertyLimits limits)
      throws WireFormatException {
    int type = in.u16("PropertyType");
    return new TypedPropertyValue(type, PropertyValueCodec.read(in, type, limits));
  }

  public void write(LittleEndianWriter out) {
    out.u16(typeCode);
    PropertyValueCodec.write(out, typeCode, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypedPropertyValue other
        && typeCode == other.typeCode
        && PropertyValues.same(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * typeCode + PropertyValues.hash(value);
  }
}

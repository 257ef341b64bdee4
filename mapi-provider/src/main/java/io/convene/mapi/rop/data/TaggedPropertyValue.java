package io.convene.mapi.rop.data;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.Objects;

/**
 * TaggedPropertyValue (MS-OXCDATA 2.11.4): a 32-bit property tag and the value its type gives. An
 * error in place of a value (GetPropertiesSpecific on a missing property) is the same id with
 * type PtypErrorCode and the error code as value.
 *
 * @param tag the packed tag, id in the high 16 bits, type code in the low
 * @param value the value in the {@link PropertyValueCodec} representation
 */
public record TaggedPropertyValue(int tag, Object value) {

  public TaggedPropertyValue {
    Objects.requireNonNull(value, "value");
  }

  public static TaggedPropertyValue of(PropValue value) {
    return new TaggedPropertyValue(value.tag().tag(), value.value());
  }

  /** The PtypErrorCode value standing for property {@code id}: "not found", say. */
  public static TaggedPropertyValue error(int id, int errorCode) {
    return new TaggedPropertyValue(id << 16 | PropType.PT_ERROR.code(), errorCode);
  }

  public int id() {
    return tag >>> 16;
  }

  public int typeCode() {
    return tag & 0xffff;
  }

  /** The store's form; {@link IllegalArgumentException} for types the store cannot hold. */
  public PropValue toPropValue() {
    return PropValue.of(PropTag.of(tag), value);
  }

  public static TaggedPropertyValue read(LittleEndianReader in, PropertyLimits limits)
      throws WireFormatException {
    int tag = (int) in.u32("PropertyTag");
    return new TaggedPropertyValue(tag, PropertyValueCodec.read(in, tag & 0xffff, limits));
  }

  public void write(LittleEndianWriter out) {
    out.u32(tag & 0xffffffffL);
    PropertyValueCodec.write(out, typeCode(), value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaggedPropertyValue other
        && tag == other.tag
        && PropertyValues.same(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * tag + PropertyValues.hash(value);
  }
}

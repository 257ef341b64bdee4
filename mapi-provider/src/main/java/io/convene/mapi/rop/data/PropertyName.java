package io.convene.mapi.rop.data;

import io.convene.api.store.Guids;
import io.convene.api.store.NamedProperty;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.Optional;
import java.util.UUID;

/**
 * PropertyName (MS-OXCDATA 2.6.1): Kind 0x00 with a LID, Kind 0x01 with a UTF-16 name whose byte
 * size (terminator included) is one byte, or Kind 0xFF "no name" in responses, which carries no
 * GUID at all.
 *
 * @param kind 0x00, 0x01 or 0xFF
 * @param guid the property set; null only for kind 0xFF
 * @param lid the LID for kind 0x00
 * @param name the name for kind 0x01, else null
 */
public record PropertyName(int kind, UUID guid, long lid, String name) {

  public static final int KIND_LID = 0x00;
  public static final int KIND_NAME = 0x01;
  public static final int KIND_NONE = 0xFF;

  public static final PropertyName NONE = new PropertyName(KIND_NONE, null, 0, null);

  public static PropertyName of(NamedProperty property) {
    return property.isLid()
        ? new PropertyName(KIND_LID, property.propertySet(), property.lid(), null)
        : new PropertyName(KIND_NAME, property.propertySet(), 0, property.name());
  }

  /** The store's form; empty for kind 0xFF or an empty name. */
  public Optional<NamedProperty> toNamedProperty() {
    return switch (kind) {
      case KIND_LID -> Optional.of(NamedProperty.ofLid(guid, lid));
      case KIND_NAME -> name.isEmpty() ? Optional.empty() : Optional.of(NamedProperty.ofName(guid, name));
      default -> Optional.empty();
    };
  }

  public static PropertyName read(LittleEndianReader in) throws WireFormatException {
    int kind = in.u8("Kind");
    if (kind == KIND_NONE) {
      return NONE;
    }
    if (kind != KIND_LID && kind != KIND_NAME) {
      throw new WireFormatException("PropertyName Kind 0x" + Integer.toHexString(kind));
    }
    UUID guid = Guids.fromBytes(in.bytes(Guids.SIZE, "GUID"));
    if (kind == KIND_LID) {
      return new PropertyName(kind, guid, in.u32("LID"), null);
    }
    int size = in.u8("NameSize");
    if (size < 2 || size % 2 != 0) {
      throw new WireFormatException("PropertyName NameSize " + size + " is not a terminated UTF-16 string");
    }
    byte[] bytes = in.bytes(size, "Name");
    if (bytes[size - 1] != 0 || bytes[size - 2] != 0) {
      throw new WireFormatException("PropertyName Name is not NUL-terminated");
    }
    return new PropertyName(kind, guid, 0, io.convene.mapi.codec.Utf16Units.decode(bytes, 0, size - 2));
  }

  public void write(LittleEndianWriter out) {
    out.u8(kind);
    if (kind == KIND_NONE) {
      return;
    }
    out.bytes(Guids.toBytes(guid));
    if (kind == KIND_LID) {
      out.u32(lid);
      return;
    }
    byte[] bytes = PropertyValueCodec.utf16(name);
    if (bytes.length + 2 > 0xff) {
      throw new IllegalArgumentException("a property name of " + bytes.length + " bytes does not fit NameSize");
    }
    out.u8(bytes.length + 2).bytes(bytes).u16(0);
  }
}

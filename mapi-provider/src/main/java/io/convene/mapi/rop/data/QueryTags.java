package io.convene.mapi.rop.data;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.StoreValueFormatException;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.WireFormatException;

/**
 * Reads PropertyTag structures (MS-OXCDATA 2.9) of restrictions and sort orders, turning an
 * unknown property type into the bundle's one decoding error instead of the store API's unchecked
 * exception.
 */
final class QueryTags {

  private QueryTags() {}

  static PropTag read(LittleEndianReader in, String what) throws WireFormatException {
    long tag = in.u32(what);
    return PropTag.of((int) (tag >>> 16), type((int) (tag & 0xFFFF), what));
  }

  static PropType type(int code, String what) throws WireFormatException {
    try {
      return PropType.fromCode(code);
    } catch (StoreValueFormatException e) {
      throw new WireFormatException(what + ": " + e.getMessage());
    }
  }
}

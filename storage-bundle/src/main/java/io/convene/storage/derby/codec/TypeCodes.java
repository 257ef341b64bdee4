package io.convene.storage.derby.codec;

import io.convene.api.store.PropType;

/**
 * Property types by code for the decoders' inner loop. {@link PropType#fromCode} looks codes up in
 * a hash map whose integer keys collide (codes differ in the bits above the table's mask, e.g. the
 * multi-value flag 0x1000), so every tag read walked a tree bin: a tenth of decoding a bag.
 */
final class TypeCodes {

  private static final PropType[] BY_CODE = table();

  private TypeCodes() {}

  /** The type with {@code code}, or {@code null} if none has it. */
  static PropType of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  private static PropType[] table() {
    int highest = 0;
    for (PropType type : PropType.values()) {
      highest = Math.max(highest, type.code());
    }
    PropType[] table = new PropType[highest + 1];
    for (PropType type : PropType.values()) {
      table[type.code()] = type;
    }
    return table;
  }
}

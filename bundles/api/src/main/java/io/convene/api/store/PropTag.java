package io.convene.api.store;

import java.util.Objects;

/**
 * A property tag: a 16-bit property id and a {@link PropType}, packed on the wire as {@code id <<
 * 16 | type code} (MS-OXCDATA 2.9). Ids {@code 0x8000}-{@code 0xFFFE} are named-property ids,
 * mapped per mailbox from a {@link NamedProperty} (MS-OXCDATA 2.6); {@code 0xFFFF} is never a
 * valid property id for a stored value but is representable.
 *
 * @param id the property id, {@code 0..0xFFFF}
 * @param type the property type, never {@code null}
 */
public record PropTag(int id, PropType type) implements Comparable<PropTag> {

  /** Lowest id of the named-property range. */
  public static final int FIRST_NAMED_ID = 0x8000;

  /** Highest id of the named-property range. */
  public static final int LAST_NAMED_ID = 0xFFFE;

  public PropTag {
    Objects.requireNonNull(type, "type");
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException("property id out of 16 bits: " + id);
    }
  }

  /**
   * The tag of a packed 32-bit value such as {@code 0x3001001F}.
   *
   * @throws StoreValueFormatException if the low 16 bits are not a known {@link PropType}
   */
  public static PropTag of(int tag) {
    return new PropTag(tag >>> 16, PropType.fromCode(tag & 0xFFFF));
  }

  /** Shorthand for {@code new PropTag(id, type)}. */
  public static PropTag of(int id, PropType type) {
    return new PropTag(id, type);
  }

  /** The packed 32-bit tag, {@code id << 16 | type.code()}. */
  public int tag() {
    return id << 16 | type.code();
  }

  /**
   * Equal tags have the same id and type. Written out because property bags are maps keyed by
   * tags and every read of a row looks them up: the record's generated methods showed in profiles.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof PropTag that && that.id == id && that.type == type;
  }

  /**
   * The id in the low bits, the type code in the high ones: maps place keys by the low bits of
   * {@code hashCode} (immutable maps modulo a small table, {@code HashMap} after folding the high
   * half in), where the packed tag's low bits, its type, would crowd all strings into one slot.
   */
  @Override
  public int hashCode() {
    return type.code() << 16 | id;
  }

  /** Whether the id is in the named-property range {@code 0x8000}-{@code 0xFFFE}. */
  public boolean isNamed() {
    return id >= FIRST_NAMED_ID && id <= LAST_NAMED_ID;
  }

  /** The same id with another type. */
  public PropTag withType(PropType newType) {
    return new PropTag(id, newType);
  }

  /** Orders by packed tag as an unsigned 32-bit number, i.e. by id, then type code. */
  @Override
  public int compareTo(PropTag other) {
    return Integer.compareUnsigned(tag(), other.tag());
  }

  /** The packed tag in hex, e.g. {@code 0x0037001F}. */
  @Override
  public String toString() {
    return String.format("0x%08X", tag());
  }
}

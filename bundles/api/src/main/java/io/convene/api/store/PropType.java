package io.convene.api.store;

/**
 * A MAPI property type and its 16-bit code, MS-OXCDATA 2.11.1 (names as in MAPI's {@code
 * mapidefs.h}; the specification's {@code Ptyp*} name is given for each). Multi-valued types are
 * the single-valued code with {@link #MV_FLAG} set (MS-OXCDATA 2.11.1.1).
 *
 * <p>The Java representation each type takes in a {@link PropValue} is listed on the constant.
 * {@link #PT_UNSPECIFIED}, {@link #PT_NULL} and {@link #PT_OBJECT} exist only in requests and
 * responses and cannot be stored ({@link #isStorable()}).
 */
public enum PropType {
  /** {@code PtypUnspecified}: "any type" in requests; never a stored value. */
  PT_UNSPECIFIED(0x0000),
  /** {@code PtypNull}: a placeholder; never a stored value. */
  PT_NULL(0x0001),
  /** {@code PtypInteger16}: {@code short}. */
  PT_I2(0x0002),
  /** {@code PtypInteger32}: {@code int}. */
  PT_LONG(0x0003),
  /** {@code PtypFloating32}: {@code float}. */
  PT_FLOAT(0x0004),
  /** {@code PtypFloating64}: {@code double}. */
  PT_DOUBLE(0x0005),
  /** {@code PtypCurrency}: {@code long}, the amount scaled by 10<sup>4</sup>. */
  PT_CURRENCY(0x0006),
  /** {@code PtypFloatingTime}: {@code double}, OLE automation date (days since 1899-12-30). */
  PT_APPTIME(0x0007),
  /** {@code PtypErrorCode}: {@code int}, an error code (MS-OXCDATA 2.4). */
  PT_ERROR(0x000A),
  /** {@code PtypBoolean}: {@code boolean}. */
  PT_BOOLEAN(0x000B),
  /** {@code PtypObject} / {@code PtypEmbeddedTable}: opened as a stream or object; not stored. */
  PT_OBJECT(0x000D),
  /** {@code PtypInteger64}: {@code long}. */
  PT_I8(0x0014),
  /** {@code PtypString8}: {@link String}, already converted from the client's code page. */
  PT_STRING8(0x001E),
  /** {@code PtypString}: {@link String} (UTF-16 on the MAPI wire). */
  PT_UNICODE(0x001F),
  /** {@code PtypTime}: {@link java.time.Instant} at FILETIME precision, see {@link FileTimes}. */
  PT_SYSTIME(0x0040),
  /** {@code PtypGuid}: {@link java.util.UUID}, see {@link Guids} for the wire byte order. */
  PT_CLSID(0x0048),
  /**
   * {@code PtypServerId} (MAPI {@code PT_SVREID}, MS-OXCDATA 2.11.1.4): {@code byte[]}, the
   * structure as the client sent it.
   */
  PT_SERVERID(0x00FB),
  /**
   * {@code PtypRestriction} (MS-OXCDATA 2.12): {@code byte[]}, the restriction in its serialized
   * wire form, kept opaque by the store.
   */
  PT_SRESTRICT(0x00FD),
  /**
   * {@code PtypRuleAction} (MS-OXORULE 2.2.5): {@code byte[]}, the rule actions in their
   * serialized wire form, kept opaque by the store.
   */
  PT_ACTIONS(0x00FE),
  /** {@code PtypBinary}: {@code byte[]}. */
  PT_BINARY(0x0102),
  /** {@code PtypMultipleInteger16}: {@code List<Short>}. */
  PT_MV_I2(0x1002),
  /** {@code PtypMultipleInteger32}: {@code List<Integer>}. */
  PT_MV_LONG(0x1003),
  /** {@code PtypMultipleFloating32}: {@code List<Float>}. */
  PT_MV_FLOAT(0x1004),
  /** {@code PtypMultipleFloating64}: {@code List<Double>}. */
  PT_MV_DOUBLE(0x1005),
  /** {@code PtypMultipleCurrency}: {@code List<Long>}. */
  PT_MV_CURRENCY(0x1006),
  /** {@code PtypMultipleFloatingTime}: {@code List<Double>}. */
  PT_MV_APPTIME(0x1007),
  /** {@code PtypMultipleInteger64}: {@code List<Long>}. */
  PT_MV_I8(0x1014),
  /** {@code PtypMultipleString8}: {@code List<String>}. */
  PT_MV_STRING8(0x101E),
  /** {@code PtypMultipleString}: {@code List<String>}. */
  PT_MV_UNICODE(0x101F),
  /** {@code PtypMultipleTime}: {@code List<Instant>}. */
  PT_MV_SYSTIME(0x1040),
  /** {@code PtypMultipleGuid}: {@code List<UUID>}. */
  PT_MV_CLSID(0x1048),
  /** {@code PtypMultipleBinary}: {@code List<byte[]>}. */
  PT_MV_BINARY(0x1102);

  /** The bit that marks a multi-valued type code, MS-OXCDATA 2.11.1.1. */
  public static final int MV_FLAG = 0x1000;

  /**
   * Indexed by type code (at most {@code 0x1102}): this look-up runs for every value read or
   * written, and a boxed {@code HashMap} look-up, with codes colliding in its bins, showed in
   * profiles of contents tables.
   */
  private static final PropType[] BY_CODE;

  static {
    int max = 0;
    for (PropType type : values()) {
      max = Math.max(max, type.code);
    }
    BY_CODE = new PropType[max + 1];
    for (PropType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private static PropType byCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  private final int code;

  PropType(int code) {
    this.code = code;
  }

  /** The 16-bit type code, e.g. {@code 0x001F} for {@link #PT_UNICODE}. */
  public int code() {
    return code;
  }

  /** Whether this is a multi-valued type ({@code PT_MV_*}). */
  public boolean isMultiValued() {
    return (code & MV_FLAG) != 0;
  }

  /** For a multi-valued type the type of its elements, otherwise this type itself. */
  public PropType elementType() {
    return isMultiValued() ? byCode(code & ~MV_FLAG) : this;
  }

  /**
   * Whether a {@link PropValue} of this type can exist and be stored; {@code false} only for
   * {@link #PT_UNSPECIFIED}, {@link #PT_NULL} and {@link #PT_OBJECT}.
   */
  public boolean isStorable() {
    return this != PT_UNSPECIFIED && this != PT_NULL && this != PT_OBJECT;
  }

  /**
   * The type with the given code.
   *
   * @param code a 16-bit property type code
   * @return the type, never {@code null}
   * @throws StoreValueFormatException if no MAPI property type has this code (also for codes
   *     outside {@code 0..0xFFFF})
   */
  public static PropType fromCode(int code) {
    PropType type = byCode(code);
    if (type == null) {
      throw new StoreValueFormatException(
          String.format("unknown property type 0x%04X (MS-OXCDATA 2.11.1)", code));
    }
    return type;
  }
}

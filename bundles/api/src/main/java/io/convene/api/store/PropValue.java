package io.convene.api.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One property of a bag: a {@link PropTag} and a Java value of the representation its {@link
 * PropType} prescribes (MS-OXCDATA 2.11.1):
 *
 * <table>
 *   <caption>Java representation per type</caption>
 *   <tr><th>type</th><th>Java value</th></tr>
 *   <tr><td>{@code PT_I2}</td><td>{@link Short}</td></tr>
 *   <tr><td>{@code PT_LONG}, {@code PT_ERROR}</td><td>{@link Integer}</td></tr>
 *   <tr><td>{@code PT_FLOAT}</td><td>{@link Float}</td></tr>
 *   <tr><td>{@code PT_DOUBLE}, {@code PT_APPTIME}</td><td>{@link Double}</td></tr>
 *   <tr><td>{@code PT_I8}, {@code PT_CURRENCY} (scaled by 10<sup>4</sup>)</td>
 *       <td>{@link Long}</td></tr>
 *   <tr><td>{@code PT_BOOLEAN}</td><td>{@link Boolean}</td></tr>
 *   <tr><td>{@code PT_STRING8}, {@code PT_UNICODE}</td><td>{@link String}</td></tr>
 *   <tr><td>{@code PT_SYSTIME}</td><td>{@link Instant}, truncated to 100 ns</td></tr>
 *   <tr><td>{@code PT_CLSID}</td><td>{@link UUID}</td></tr>
 *   <tr><td>{@code PT_BINARY}, {@code PT_SERVERID}, {@code PT_SRESTRICT}, {@code PT_ACTIONS}</td>
 *       <td>{@code byte[]}</td></tr>
 *   <tr><td>{@code PT_MV_*}</td><td>{@link List} of the element type's value, possibly empty</td></tr>
 * </table>
 *
 * <p>{@code PT_STRING8} strings are held as Java strings: the protocol layer converts them from and
 * to the session's code page, the store keeps the characters. Strings may contain any UTF-16 code
 * units, unpaired surrogates included, and are kept as given.
 *
 * <p>Instances are immutable: byte arrays are copied in and out. {@link #equals} compares by
 * content (arrays by their bytes, floating point by {@link Double#equals}, so {@code NaN} equals
 * {@code NaN} and {@code 0.0} differs from {@code -0.0}).
 */
public final class PropValue {

  private final PropTag tag;
  private final Object value;

  private PropValue(PropTag tag, Object value) {
    this.tag = tag;
    this.value = value;
  }

  /**
   * A value of any storable type, checked against the tag's type.
   *
   * @param tag the tag, its type {@link PropType#isStorable() storable}
   * @param value the Java value the tag's type prescribes (see the class comment), not {@code
   *     null}; arrays and lists are copied, instants truncated to 100 ns
   * @throws IllegalArgumentException if the type is not storable or the value does not match it
   */
  public static PropValue of(PropTag tag, Object value) {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(value, "value");
    PropType type = tag.type();
    if (!type.isStorable()) {
      throw new IllegalArgumentException(type + " values cannot be stored: " + tag);
    }
    if (type.isMultiValued()) {
      if (!(value instanceof List<?> list)) {
        throw mismatch(tag, value);
      }
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        if (element == null) {
          throw new IllegalArgumentException("null element in " + tag);
        }
        copy.add(single(tag, type.elementType(), element));
      }
      return new PropValue(tag, Collections.unmodifiableList(copy));
    }
    return new PropValue(tag, single(tag, type, value));
  }

  /** A {@code PT_I2} value. */
  public static PropValue ofShort(PropTag tag, short value) {
    return of(tag, value);
  }

  /** A {@code PT_LONG} or {@code PT_ERROR} value. */
  public static PropValue ofInt(PropTag tag, int value) {
    return of(tag, value);
  }

  /** A {@code PT_FLOAT} value. */
  public static PropValue ofFloat(PropTag tag, float value) {
    return of(tag, value);
  }

  /** A {@code PT_DOUBLE} or {@code PT_APPTIME} value. */
  public static PropValue ofDouble(PropTag tag, double value) {
    return of(tag, value);
  }

  /** A {@code PT_I8} or {@code PT_CURRENCY} (amount times 10<sup>4</sup>) value. */
  public static PropValue ofLong(PropTag tag, long value) {
    return of(tag, value);
  }

  /** A {@code PT_BOOLEAN} value. */
  public static PropValue ofBoolean(PropTag tag, boolean value) {
    return of(tag, value);
  }

  /** A {@code PT_UNICODE} or {@code PT_STRING8} value. */
  public static PropValue ofString(PropTag tag, String value) {
    return of(tag, value);
  }

  /** A {@code PT_SYSTIME} value, truncated to 100 ns; it must be in the FILETIME range. */
  public static PropValue ofTime(PropTag tag, Instant value) {
    return of(tag, value);
  }

  /** A {@code PT_CLSID} value. */
  public static PropValue ofGuid(PropTag tag, UUID value) {
    return of(tag, value);
  }

  /**
   * A {@code PT_BINARY}, {@code PT_SERVERID}, {@code PT_SRESTRICT} or {@code PT_ACTIONS} value;
   * the array is copied.
   */
  public static PropValue ofBytes(PropTag tag, byte[] value) {
    return of(tag, value);
  }

  /** A {@code PT_MV_*} value; the list and any arrays in it are copied. */
  public static PropValue ofList(PropTag tag, List<?> values) {
    return of(tag, values);
  }

  /** The tag, never {@code null}. */
  public PropTag tag() {
    return tag;
  }

  /** The tag's type. */
  public PropType type() {
    return tag.type();
  }

  /**
   * The value in the representation of the class comment; arrays (also inside lists) are fresh
   * copies, lists unmodifiable.
   */
  public Object value() {
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    if (value instanceof List<?> list && tag.type() == PropType.PT_MV_BINARY) {
      List<byte[]> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(((byte[]) element).clone());
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** The {@code PT_I2} value; {@link IllegalStateException} for another type. */
  public short asShort() {
    return (Short) expect(PropType.PT_I2);
  }

  /** The {@code PT_LONG} or {@code PT_ERROR} value. */
  public int asInt() {
    return (Integer) expect(PropType.PT_LONG, PropType.PT_ERROR);
  }

  /** The {@code PT_FLOAT} value. */
  public float asFloat() {
    return (Float) expect(PropType.PT_FLOAT);
  }

  /** The {@code PT_DOUBLE} or {@code PT_APPTIME} value. */
  public double asDouble() {
    return (Double) expect(PropType.PT_DOUBLE, PropType.PT_APPTIME);
  }

  /** The {@code PT_I8} or {@code PT_CURRENCY} value. */
  public long asLong() {
    return (Long) expect(PropType.PT_I8, PropType.PT_CURRENCY);
  }

  /** The {@code PT_BOOLEAN} value. */
  public boolean asBoolean() {
    return (Boolean) expect(PropType.PT_BOOLEAN);
  }

  /** The {@code PT_UNICODE} or {@code PT_STRING8} value. */
  public String asString() {
    return (String) expect(PropType.PT_UNICODE, PropType.PT_STRING8);
  }

  /** The {@code PT_SYSTIME} value. */
  public Instant asTime() {
    return (Instant) expect(PropType.PT_SYSTIME);
  }

  /** The {@code PT_CLSID} value. */
  public UUID asGuid() {
    return (UUID) expect(PropType.PT_CLSID);
  }

  /** A copy of the {@code PT_BINARY}, {@code PT_SERVERID}, {@code PT_SRESTRICT} or {@code PT_ACTIONS} value. */
  public byte[] asBytes() {
    return ((byte[])
            expect(
                PropType.PT_BINARY,
                PropType.PT_SERVERID,
                PropType.PT_SRESTRICT,
                PropType.PT_ACTIONS))
        .clone();
  }

  /** The elements of a {@code PT_MV_*} value, as {@link #value()} gives them. */
  public List<?> asList() {
    if (!tag.type().isMultiValued()) {
      throw new IllegalStateException(tag + " is not multi-valued");
    }
    return (List<?>) value();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PropValue other) || !tag.equals(other.tag)) {
      return false;
    }
    if (value instanceof List<?> a && other.value instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!Objects.deepEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.deepEquals(value, other.value);
  }

  @Override
  public int hashCode() {
    int h = tag.hashCode();
    if (value instanceof List<?> list) {
      for (Object element : list) {
        h = 31 * h + elementHash(element);
      }
      return h;
    }
    return 31 * h + elementHash(value);
  }

  /** {@code tag=value}, binary shown as hex (the first 32 bytes). */
  @Override
  public String toString() {
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>(list.size());
      for (Object element : list) {
        parts.add(show(element));
      }
      return tag + "=" + parts;
    }
    return tag + "=" + show(value);
  }

  // One and two types without varargs: the array per call showed in the converters' allocation
  // profiles (the accessors are called for every property they read).
  private Object expect(PropType type) {
    if (tag.type() == type) {
      return value;
    }
    throw new IllegalStateException(tag + " is not of type " + Arrays.toString(new PropType[] {type}));
  }

  private Object expect(PropType type, PropType other) {
    if (tag.type() == type || tag.type() == other) {
      return value;
    }
    throw new IllegalStateException(tag + " is not of type " + Arrays.toString(new PropType[] {type, other}));
  }

  private Object expect(PropType... types) {
    for (PropType type : types) {
      if (tag.type() == type) {
        return value;
      }
    }
    throw new IllegalStateException(tag + " is not of type " + Arrays.toString(types));
  }

  private static Object single(PropTag tag, PropType type, Object value) {
    boolean ok =
        switch (type) {
          case PT_I2 -> value instanceof Short;
          case PT_LONG, PT_ERROR -> value instanceof Integer;
          case PT_FLOAT -> value instanceof Float;
          case PT_DOUBLE, PT_APPTIME -> value instanceof Double;
          case PT_I8, PT_CURRENCY -> value instanceof Long;
          case PT_BOOLEAN -> value instanceof Boolean;
          case PT_STRING8, PT_UNICODE -> value instanceof String;
          case PT_SYSTIME -> value instanceof Instant;
          case PT_CLSID -> value instanceof UUID;
          case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS -> value instanceof byte[];
          default -> false;
        };
    if (!ok) {
      throw mismatch(tag, value);
    }
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    if (value instanceof Instant instant) {
      if (!FileTimes.inRange(instant)) {
        throw new IllegalArgumentException(tag + ": instant outside the FILETIME range: " + value);
      }
      return FileTimes.truncate(instant);
    }
    return value;
  }

  private static IllegalArgumentException mismatch(PropTag tag, Object value) {
    return new IllegalArgumentException(
        tag + " (" + tag.type() + ") cannot hold a " + value.getClass().getName());
  }

  private static int elementHash(Object element) {
    return element instanceof byte[] bytes ? Arrays.hashCode(bytes) : element.hashCode();
  }

  private static String show(Object element) {
    if (element instanceof byte[] bytes) {
      StringBuilder hex = new StringBuilder("0x");
      for (int i = 0; i < Math.min(bytes.length, 32); i++) {
        hex.append(String.format("%02X", bytes[i]));
      }
      return bytes.length > 32 ? hex + "...(" + bytes.length + " bytes)" : hex.toString();
    }
    if (element instanceof String s) {
      return '"' + s + '"';
    }
    return String.valueOf(element);
  }
}

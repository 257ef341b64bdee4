package io.convene.storage.derby.codec;

import io.convene.api.store.FileTimes;
import io.convene.api.store.Guids;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.StoreValueFormatException;
import io.convene.api.store.PropValue;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Encodes a property bag to the compact binary form the store keeps in one column, and back.
 *
 * <p>Layout (integers little-endian unless noted; {@code varint} is unsigned LEB128, at most 5
 * bytes, minimal, at most {@code 2^31-1}):
 *
 * <pre>
 * bag      = version:u8 (= 1)  count:varint  property{count}
 * property = tag:u32 (id &lt;&lt; 16 | type)  value        -- strictly ascending by id
 * value    = single | count:varint single{count}      -- the latter for PT_MV_*
 * single   = PT_I2 u16 | PT_LONG, PT_ERROR u32 | PT_FLOAT u32 (IEEE bits) |
 *            PT_DOUBLE, PT_APPTIME u64 (IEEE bits) | PT_I8, PT_CURRENCY u64 |
 *            PT_BOOLEAN u8 (0 or 1) | PT_SYSTIME u64 (FILETIME) |
 *            PT_CLSID 16 bytes (GUID wire form, MS-DTYP 2.3.4.2) |
 *            PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS  length:varint bytes |
 *            PT_UNICODE, PT_STRING8  (length &lt;&lt; 1 | form):varint bytes
 * </pre>
 *
 * <p>Strings are UTF-8 ({@code form} 0) unless they hold an unpaired surrogate, which UTF-8 cannot
 * carry; those are UTF-16LE ({@code form} 1), so every Java string round-trips. {@code PT_STRING8}
 * values are stored the same way: they are Java strings already converted from the client's code
 * page by the protocol layer.
 *
 * <p>The encoding is canonical: one value per property id, ids ascending, minimal varints,
 * booleans 0 or 1, strictly valid UTF-8, form 1 only where form 0 cannot be used. The decoder
 * rejects anything else, so {@code encode(decode(b))} equals {@code b} for every accepted {@code
 * b}. Types {@code PT_UNSPECIFIED}, {@code PT_NULL}, {@code PT_OBJECT} and unknown codes are
 * rejected.
 *
 * <p>Thread-safe and stateless apart from its limits.
 */
public final class PropertyBagCodec {

  /** The format version written as the first byte. */
  public static final int VERSION = 1;

  // Smallest encodings, used to cap pre-allocation by what the input can possibly hold.
  private static final int MIN_PROPERTY_BYTES = 5;
  private static final int MIN_ELEMENT_BYTES = 1;

  private final CodecLimits limits;

  /** A codec with {@link CodecLimits#DEFAULT}. */
  public PropertyBagCodec() {
    this(CodecLimits.DEFAULT);
  }

  public PropertyBagCodec(CodecLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public CodecLimits limits() {
    return limits;
  }

  /**
   * Encodes the values in canonical order (ascending property id).
   *
   * @param values the bag, at most one value per property id, never {@code null}
   * @return the encoded bag
   * @throws IllegalArgumentException if two values share a property id
   * @throws PropertyBagFormatException if the bag exceeds the limits
   */
  public byte[] encode(Collection<PropValue> values) {
    if (values.size() > limits.maxProperties()) {
      throw new PropertyBagFormatException(
          values.size() + " properties exceed the limit of " + limits.maxProperties());
    }
    List<PropValue> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingInt((PropValue v) -> v.tag().id()));
    BagWriter out = new BagWriter(limits.maxBagBytes());
    out.u8(VERSION);
    out.varint(sorted.size());
    int lastId = -1;
    for (PropValue value : sorted) {
      PropTag tag = value.tag();
      if (tag.id() == lastId) {
        throw new IllegalArgumentException("two values for property id " + tag);
      }
      lastId = tag.id();
      out.i32(tag.tag());
      PropType type = tag.type();
      if (type.isMultiValued()) {
        List<?> list = (List<?>) value.value();
        if (list.size() > limits.maxValueCount()) {
          throw new PropertyBagFormatException(
              tag + ": " + list.size() + " values exceed the limit of " + limits.maxValueCount());
        }
        out.varint(list.size());
        for (Object element : list) {
          writeSingle(out, type.elementType(), element);
        }
      } else {
        writeSingle(out, type, value.value());
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes a bag.
   *
   * @param encoded the encoded bag, never {@code null}
   * @return the values in ascending property id order, unmodifiable
   * @throws PropertyBagFormatException if the input is not a canonical encoding within the limits;
   *     nothing else is thrown for any input
   */
  public List<PropValue> decode(byte[] encoded) {
    return decode(encoded, null);
  }

  /**
   * Decodes only the values whose property id {@code propertyIds} accepts, for work that needs a
   * few properties of many bags (sorting and filtering a folder before its page is decoded). The
   * structure is checked as by {@link #decode(byte[])} (version, count, tags, ids ascending,
   * lengths within the input, nothing after the last property) and the values returned are
   * checked as there; skipped values are only measured, so a bag this accepts may still be
   * refused by {@code decode} (a bad UTF-8 string or boolean byte it skipped).
   *
   * @return the accepted values in ascending property id order, unmodifiable
   * @throws PropertyBagFormatException if the input is not a well-formed encoding within the
   *     limits; nothing else is thrown for any input
   */
  public List<PropValue> decodeOnly(byte[] encoded, IntPredicate propertyIds) {
    return decode(encoded, Objects.requireNonNull(propertyIds, "propertyIds"));
  }

  /** The {@link #decodeOnly} filter accepting exactly {@code propertyIds} (a bit per possible id). */
  public static IntPredicate accepting(IntStream propertyIds) {
    BitSet ids = new BitSet(1 << 16);
    propertyIds.forEach(ids::set);
    return ids::get;
  }

  private List<PropValue> decode(byte[] encoded, IntPredicate propertyIds) {
    if (encoded.length > limits.maxBagBytes()) {
      throw new PropertyBagFormatException(
          "encoded bag of " + encoded.length + " bytes exceeds the limit of " + limits.maxBagBytes());
    }
    BagReader in = new BagReader(encoded);
    int version = in.u8("version");
    if (version != VERSION) {
      throw new PropertyBagFormatException("unknown bag format version " + version);
    }
    int count = in.varint(limits.maxProperties(), "property count");
    List<PropValue> values = new ArrayList<>(Math.min(count, in.remaining() / MIN_PROPERTY_BYTES));
    int lastId = -1;
    for (int i = 0; i < count; i++) {
      int tagAt = in.position();
      PropTag tag = readTag(in);
      if (tag.id() <= lastId) {
        throw new PropertyBagFormatException(
            "property " + tag + " not in ascending id order at offset " + tagAt);
      }
      lastId = tag.id();
      PropType type = tag.type();
      if (propertyIds != null && !propertyIds.test(tag.id())) {
        skipValue(in, tag);
        continue;
      }
      Object value;
      if (type.isMultiValued()) {
        int n = in.varint(limits.maxValueCount(), tag, " value count");
        List<Object> list = new ArrayList<>(Math.min(n, in.remaining() / MIN_ELEMENT_BYTES));
        PropType elementType = type.elementType();
        for (int j = 0; j < n; j++) {
          list.add(readSingle(in, tag, elementType));
        }
        value = list;
      } else {
        value = readSingle(in, tag, type);
      }
      values.add(PropValue.of(tag, value));
    }
    if (in.remaining() != 0) {
      throw in.error(in.remaining() + " bytes after the last property");
    }
    return Collections.unmodifiableList(values);
  }

  /** Moves past one value (all elements of a multi-valued one) without converting it. */
  private void skipValue(BagReader in, PropTag tag) {
    PropType type = tag.type();
    if (!type.isMultiValued()) {
      skipSingle(in, tag, type);
      return;
    }
    int n = in.varint(limits.maxValueCount(), tag, " value count");
    for (int j = 0; j < n; j++) {
      skipSingle(in, tag, type.elementType());
    }
  }

  private static void skipSingle(BagReader in, PropTag tag, PropType type) {
    switch (type) {
      case PT_I2 -> in.skip(2, tag);
      case PT_LONG, PT_ERROR, PT_FLOAT -> in.skip(4, tag);
      case PT_DOUBLE, PT_APPTIME, PT_I8, PT_CURRENCY, PT_SYSTIME -> in.skip(8, tag);
      case PT_BOOLEAN -> in.skip(1, tag);
      case PT_CLSID -> in.skip(Guids.SIZE, tag);
      case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS -> in.skip(in.varint(Integer.MAX_VALUE, tag, " length"), tag);
      case PT_UNICODE, PT_STRING8 -> in.skip(in.varint(Integer.MAX_VALUE, tag, " string length") >>> 1, tag);
      default -> throw new IllegalStateException("not a storable single type: " + type);
    }
  }

  private static PropTag readTag(BagReader in) {
    int at = in.position();
    int raw = in.i32("property tag");
    PropType type;
    try {
      type = PropType.fromCode(raw & 0xFFFF);
    } catch (StoreValueFormatException e) {
      throw new PropertyBagFormatException(
          String.format("unknown property type 0x%04X (MS-OXCDATA 2.11.1) at offset %d", raw & 0xFFFF, at));
    }
    if (!type.isStorable()) {
      throw new PropertyBagFormatException(
          String.format("type %s is not storable, tag 0x%08X at offset %d", type, raw, at));
    }
    return PropTag.of(raw >>> 16, type);
  }

  private static void writeSingle(BagWriter out, PropType type, Object value) {
    switch (type) {
      case PT_I2 -> out.i16((Short) value);
      case PT_LONG, PT_ERROR -> out.i32((Integer) value);
      // Raw bits, so a NaN payload survives as the client sent it.
      case PT_FLOAT -> out.i32(Float.floatToRawIntBits((Float) value));
      case PT_DOUBLE, PT_APPTIME -> out.i64(Double.doubleToRawLongBits((Double) value));
      case PT_I8, PT_CURRENCY -> out.i64((Long) value);
      case PT_BOOLEAN -> out.u8((Boolean) value ? 1 : 0);
      case PT_SYSTIME -> out.i64(FileTimes.toFileTime((Instant) value));
      case PT_CLSID -> out.bytes(Guids.toBytes((UUID) value));
      case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS -> {
        byte[] bytes = (byte[]) value;
        out.varint(bytes.length);
        out.bytes(bytes);
      }
      case PT_UNICODE, PT_STRING8 -> writeString(out, (String) value);
      default -> throw new IllegalStateException("not a storable single type: " + type);
    }
  }

  private static Object readSingle(BagReader in, PropTag tag, PropType type) {
    return switch (type) {
      case PT_I2 -> in.i16(tag);
      case PT_LONG, PT_ERROR -> in.i32(tag);
      case PT_FLOAT -> Float.intBitsToFloat(in.i32(tag));
      case PT_DOUBLE, PT_APPTIME -> Double.longBitsToDouble(in.i64(tag));
      case PT_I8, PT_CURRENCY -> in.i64(tag);
      case PT_BOOLEAN -> readBoolean(in, tag);
      case PT_SYSTIME -> FileTimes.toInstant(in.i64(tag));
      case PT_CLSID -> Guids.fromBytes(in.bytes(Guids.SIZE, tag));
      case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS ->
          in.bytes(in.varint(Integer.MAX_VALUE, tag, " length"), tag);
      case PT_UNICODE, PT_STRING8 -> readString(in, tag);
      default -> throw new IllegalStateException("not a storable single type: " + type);
    };
  }

  private static boolean readBoolean(BagReader in, PropTag tag) {
    int b = in.u8(tag);
    if (b > 1) {
      throw new PropertyBagFormatException(
          tag + ": boolean byte " + b + " at offset " + (in.position() - 1));
    }
    return b == 1;
  }

  private static void writeString(BagWriter out, String s) {
    if (isWellFormed(s)) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      out.varint(header(utf8.length, 0));
      out.bytes(utf8);
    } else {
      byte[] utf16 = new byte[Math.multiplyExact(s.length(), 2)];
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        utf16[2 * i] = (byte) c;
        utf16[2 * i + 1] = (byte) (c >>> 8);
      }
      out.varint(header(utf16.length, 1));
      out.bytes(utf16);
    }
  }

  private static int header(int length, int form) {
    // Lengths are bounded by maxBagBytes <= 1 GiB long before this could overflow.
    if (length > Integer.MAX_VALUE >>> 1) {
      throw new PropertyBagFormatException("string of " + length + " bytes is too long");
    }
    return length << 1 | form;
  }

  private static String readString(BagReader in, PropTag tag) {
    int at = in.position();
    int header = in.varint(Integer.MAX_VALUE, tag, " string length");
    if ((header & 1) == 0) {
      // The JDK's lenient decoder is much faster than a strict CharsetDecoder and puts U+FFFD for
      // every malformed sequence, so a result without one came from valid UTF-8; only a string
      // holding U+FFFD (valid or not) is decoded again strictly to tell.
      int from = in.position();
      String lenient = in.lenientUtf8(header >>> 1, tag);
      if (lenient.indexOf('\uFFFD') < 0) {
        return lenient;
      }
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in.reread(from, header >>> 1))
            .toString();
      } catch (CharacterCodingException e) {
        throw new PropertyBagFormatException(tag + ": invalid UTF-8 at offset " + at);
      }
    }
    byte[] bytes = in.bytes(header >>> 1, tag);
    if (bytes.length % 2 != 0) {
      throw new PropertyBagFormatException(tag + ": odd UTF-16 length at offset " + at);
    }
    char[] chars = new char[bytes.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
    }
    String s = CharBuffer.wrap(chars).toString();
    if (isWellFormed(s)) {
      throw new PropertyBagFormatException(
          tag + ": UTF-16 form used for a string UTF-8 can hold, at offset " + at);
    }
    return s;
  }

  /** Whether every surrogate in {@code s} is part of a pair, i.e. UTF-8 can encode it. */
  static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}

package io.convene.storage.derby.query;

import io.convene.api.store.Guids;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The MAPI value semantics shared by evaluation and sorting: lookup, order, size, folding. */
final class Values {

  private Values() {}

  /**
   * The bag's property for a tag from a query: the exact tag; else, for string types, the same id
   * with the other string type (a client may ask for {@code PT_STRING8} what the store keeps as
   * {@code PT_UNICODE}, and Exchange converts); else, for {@code PT_UNSPECIFIED}, any property with
   * that id. {@code null} if none.
   */
  static PropValue lookup(Map<PropTag, PropValue> bag, PropTag tag) {
    PropValue value = bag.get(tag);
    if (value != null) {
      return value;
    }
    PropType alias = stringAlias(tag.type());
    if (alias != null) {
      return bag.get(tag.withType(alias));
    }
    if (tag.type() == PropType.PT_UNSPECIFIED) {
      for (PropValue candidate : bag.values()) {
        if (candidate.tag().id() == tag.id()) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Whether two types hold comparable values: equal, or both (single or multi) strings. */
  static boolean sameKind(PropType a, PropType b) {
    return a == b
        || (isString(a.elementType())
            && isString(b.elementType())
            && a.isMultiValued() == b.isMultiValued());
  }

  static boolean isString(PropType type) {
    return type == PropType.PT_UNICODE || type == PropType.PT_STRING8;
  }

  private static PropType stringAlias(PropType type) {
    return switch (type) {
      case PT_UNICODE -> PropType.PT_STRING8;
      case PT_STRING8 -> PropType.PT_UNICODE;
      case PT_MV_UNICODE -> PropType.PT_MV_STRING8;
      case PT_MV_STRING8 -> PropType.PT_MV_UNICODE;
      default -> null;
    };
  }

  /** The values of a property: the list of a multi-valued one, else the one value. */
  static List<?> elements(PropValue value) {
    return value.type().isMultiValued() ? value.asList() : List.of(value.value());
  }

  /**
   * Compares two single values of one element type (strings of either string type): numbers
   * numerically ({@code 0.0 == -0.0}, {@code NaN} above everything and equal to itself), strings as
   * {@code strings} says, binary unsigned lexicographically, times by instant, GUIDs by their 16
   * wire bytes, {@code false < true}.
   */
  static int compare(PropType elementType, Object a, Object b, StringOrder strings) {
    return switch (elementType) {
      case PT_I2 -> Short.compare((Short) a, (Short) b);
      case PT_LONG, PT_ERROR -> Integer.compare((Integer) a, (Integer) b);
      case PT_I8, PT_CURRENCY -> Long.compare((Long) a, (Long) b);
      case PT_FLOAT -> {
        float x = (Float) a;
        float y = (Float) b;
        yield x == y ? 0 : Float.compare(x, y);
      }
      case PT_DOUBLE, PT_APPTIME -> {
        double x = (Double) a;
        double y = (Double) b;
        yield x == y ? 0 : Double.compare(x, y);
      }
      case PT_BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
      case PT_STRING8, PT_UNICODE ->
          strings == StringOrder.IGNORE_CASE
              ? foldCase((String) a).compareTo(foldCase((String) b))
              : ((String) a).compareTo((String) b);
      case PT_SYSTIME -> ((Instant) a).compareTo((Instant) b);
      case PT_CLSID -> Arrays.compareUnsigned(Guids.toBytes((UUID) a), Guids.toBytes((UUID) b));
      case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS ->
          Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      default -> throw new IllegalArgumentException("no order for " + elementType);
    };
  }

  /**
   * Locale-independent simple case folding, code point by code point, so that lengths in code
   * points and substring positions are kept ({@code "ß"} stays {@code "ß"}, Turkish dotted and
   * dotless i fold as in the root locale).
   */
  static String foldCase(String s) {
    StringBuilder folded = new StringBuilder(s.length());
    s.codePoints()
        .forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return folded.toString();
  }

  /** Removes non-spacing marks (general category Mn) after canonical decomposition (NFD). */
  static String stripNonSpacing(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder stripped = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(stripped::appendCodePoint);
    return stripped.toString();
  }

  /**
   * The size in bytes a size restriction compares, counted as the value's wire size in MS-OXCDATA
   * 2.11.1 for the type the restriction names ({@code asType}; the value's own type if {@code
   * asType} is {@code PT_UNSPECIFIED}):
   *
   * <ul>
   *   <li>fixed-size types their wire size ({@code PT_BOOLEAN} 1, {@code PT_I2} 2, {@code PT_LONG}
   *       4, {@code PT_CLSID} 16, ...);
   *   <li>{@code PT_UNICODE} two bytes per UTF-16 code unit plus a two-byte terminator, as Exchange
   *       counts a Unicode string;
   *   <li>{@code PT_STRING8} the UTF-8 bytes plus a one-byte terminator: the store does not keep
   *       the client's code page, and for ASCII every code page agrees;
   *   <li>binary types their length, without the count;
   *   <li>multi-valued types the sum over their values (terminators included, counts not).
   * </ul>
   */
  static long size(PropType asType, PropValue value) {
    PropType type = asType == PropType.PT_UNSPECIFIED ? value.type() : asType;
    PropType element = type.elementType();
    long total = 0;
    for (Object e : elements(value)) {
      total += elementSize(element, e);
    }
    return total;
  }

  private static long elementSize(PropType type, Object value) {
    return switch (type) {
      case PT_BOOLEAN -> 1;
      case PT_I2 -> 2;
      case PT_LONG, PT_ERROR, PT_FLOAT -> 4;
      case PT_I8, PT_CURRENCY, PT_DOUBLE, PT_APPTIME, PT_SYSTIME -> 8;
      case PT_CLSID -> 16;
      case PT_UNICODE -> 2L * ((String) value).length() + 2;
      case PT_STRING8 -> ((String) value).getBytes(StandardCharsets.UTF_8).length + 1L;
      case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS -> ((byte[]) value).length;
      default -> 0;
    };
  }

  /** The first index of {@code needle} in {@code haystack}, or -1. */
  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

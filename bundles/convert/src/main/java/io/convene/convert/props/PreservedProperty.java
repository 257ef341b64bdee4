package io.convene.convert.props;

import io.convene.api.convert.ConversionException;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A MAPI property carried through iCalendar or vCard as {@code X-CONVENE-PROP}, because no
 * standard property holds it: parameters {@code TAG} (tagged property, packed tag in hex) or
 * {@code PSET} + {@code LID}/{@code NAME} + {@code TYPE} (named property, whose id is only
 * meaningful in one mailbox), the value {@link PropValueCodec} bytes in base64.
 */
public final class PreservedProperty {

  /** The iCalendar / vCard property name. */
  public static final String NAME = "X-CONVENE-PROP";

  private PreservedProperty() {}

  /** The parameters that identify a property; {@code null} if a named id has no mapping. */
  public static Map<String, String> parameters(PropValue value, Bag bag) throws ConversionException {
    Map<String, String> params = new LinkedHashMap<>();
    PropTag tag = value.tag();
    if (!tag.isNamed()) {
      params.put("TAG", hex(tag.tag() & 0xFFFF_FFFFL, 8));
      return params;
    }
    NamedProperty name = bag.nameOf(tag.id());
    if (name == null) {
      return null;
    }
    params.put("PSET", setName(name.propertySet()));
    if (name.isLid()) {
      params.put("LID", hex(name.lid(), 4));
    } else {
      params.put("NAME", name.name());
    }
    params.put("TYPE", hex(tag.type().code(), 4));
    return params;
  }

  /** Upper-case hex of a non-negative value, zero-padded to {@code digits} (as {@code %0nX}). */
  static String hex(long value, int digits) {
    int length = Math.max(digits, (64 - Long.numberOfLeadingZeros(value) + 3) / 4);
    char[] out = new char[length];
    for (int i = length - 1; i >= 0; i--, value >>>= 4) {
      out[i] = HEX_DIGITS[(int) (value & 0xF)];
    }
    return new String(out);
  }

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  // The sets nearly every X-CONVENE-PROP names, as PSET writes them: a UUID's text, upper-cased,
  // was two strings per property on export and its parsing a UUID per property on import.
  private static final Map<UUID, String> SET_NAMES = Map.of(
      NamedProperty.PSETID_APPOINTMENT, upper(NamedProperty.PSETID_APPOINTMENT),
      NamedProperty.PSETID_MEETING, upper(NamedProperty.PSETID_MEETING),
      NamedProperty.PSETID_COMMON, upper(NamedProperty.PSETID_COMMON),
      NamedProperty.PSETID_TASK, upper(NamedProperty.PSETID_TASK),
      NamedProperty.PSETID_ADDRESS, upper(NamedProperty.PSETID_ADDRESS),
      NamedProperty.PS_PUBLIC_STRINGS, upper(NamedProperty.PS_PUBLIC_STRINGS),
      NamedProps.PSETID_CONVENE_INTERNET, upper(NamedProps.PSETID_CONVENE_INTERNET));
  private static final Map<String, UUID> SETS_BY_NAME = new java.util.HashMap<>();

  static {
    SET_NAMES.forEach((set, name) -> SETS_BY_NAME.put(name, set));
  }

  private static String upper(UUID set) {
    return set.toString().toUpperCase(Locale.ROOT);
  }

  /** A property set as PSET writes it: its GUID in upper case. */
  static String setName(UUID set) {
    String known = SET_NAMES.get(set);
    return known != null ? known : upper(set);
  }

  /** The property set a PSET names (any case); {@link IllegalArgumentException} if it is no GUID. */
  static UUID set(String name) {
    UUID known = SETS_BY_NAME.get(name);
    return known != null ? known : UUID.fromString(name);
  }

  private static String stripWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        StringBuilder out = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
          if (!Character.isWhitespace(s.charAt(j))) {
            out.append(s.charAt(j));
          }
        }
        return out.toString();
      }
    }
    return s;
  }

  /** The base64 value of a property. */
  public static String value(PropValue value) {
    return Base64.getEncoder().encodeToString(PropValueCodec.encode(value));
  }

  /**
   * Puts the property an {@code X-CONVENE-PROP} describes into the bag and returns it.
   *
   * @param param a lookup of the property's parameters by upper-case name
   * @throws IllegalArgumentException if the parameters or the value are malformed
   */
  public static PropValue restore(java.util.function.Function<String, String> param, String base64, Bag bag)
      throws ConversionException {
    // Strict base64 (whitespace aside): the MIME decoder would silently skip garbage.
    byte[] bytes = Base64.getDecoder().decode(stripWhitespace(base64));
    String tagHex = param.apply("TAG");
    PropTag tag;
    if (tagHex != null) {
      tag = PropTag.of((int) Long.parseLong(tagHex, 16));
      if (tag.isNamed() || tag.id() == 0xFFFF) {
        throw new IllegalArgumentException("TAG " + tagHex + " is in the named range");
      }
      if (TaggedProps.isStoreMaintained(tag.id())) {
        throw new IllegalArgumentException("TAG " + tagHex + " is maintained by the store");
      }
    } else {
      String set = param.apply("PSET");
      String lid = param.apply("LID");
      String name = param.apply("NAME");
      String type = param.apply("TYPE");
      if (set == null || type == null || (lid == null) == (name == null)) {
        throw new IllegalArgumentException("needs TAG, or PSET, TYPE and one of LID and NAME");
      }
      NamedProperty named =
          lid != null
              ? NamedProperty.ofLid(set(set), Long.parseLong(lid, 16))
              : NamedProperty.ofName(set(set), name);
      int id = bag.idOf(named, true);
      tag = new PropTag(id, PropType.fromCode(Integer.parseInt(type, 16)));
    }
    PropValue value = PropValue.of(tag, PropValueCodec.decode(tag.type(), bytes));
    bag.put(value);
    return value;
  }
}

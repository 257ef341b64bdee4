package io.convene.mapi.nspi.book;

import io.convene.api.store.PropType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object of the address book, a mail user or a container, with its properties keyed by
 * property id in their natural type (strings as PtypString). Immutable.
 *
 * @param mid its Minimal Entry ID
 * @param dn its distinguished name (PidTagEmailAddress of a user)
 * @param accountId the directory id of a user, 0 for a container
 * @param displayType PidTagDisplayType, which entry ids carry
 */
public record AbObject(int mid, String dn, long accountId, int displayType, Map<Integer, Prop> properties) {

  /** A value in its natural type. */
  public record Prop(int tag, Object value) {
    public int typeCode() {
      return tag & 0xffff;
    }
  }

  public AbObject {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public Optional<Prop> property(int id) {
    return Optional.ofNullable(properties.get(id));
  }

  public String displayName() {
    return property(AbTags.DISPLAY_NAME >>> 16).map(p -> (String) p.value()).orElse("");
  }

  /** The tags present, in their natural types, or with PtypString8 for strings when asked. */
  public int[] tags(boolean string8) {
    return properties.values().stream()
        .mapToInt(p -> string8 ? toString8(p.tag()) : p.tag())
        .toArray();
  }

  /** {@code tag} with PtypString8 (or its multi-valued form) in place of PtypString. */
  public static int toString8(int tag) {
    int type = tag & 0xffff;
    if (type == PropType.PT_UNICODE.code()) {
      return tag & 0xffff0000 | PropType.PT_STRING8.code();
    }
    if (type == PropType.PT_MV_UNICODE.code()) {
      return tag & 0xffff0000 | PropType.PT_MV_STRING8.code();
    }
    return tag;
  }

  /** Builds the property map in insertion order. */
  static final class Builder {
    private final Map<Integer, Prop> properties = new LinkedHashMap<>();

    Builder put(int tag, Object value) {
      properties.put(tag >>> 16, new Prop(tag, value));
      return this;
    }

    Builder putIfNotEmpty(int tag, String value) {
      return value == null || value.isEmpty() ? this : put(tag, value);
    }

    Builder putList(int tag, List<String> values) {
      return values.isEmpty() ? this : put(tag, List.copyOf(values));
    }

    Map<Integer, Prop> build() {
      return properties;
    }
  }
}

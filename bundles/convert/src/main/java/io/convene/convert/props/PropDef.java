package io.convene.convert.props;

import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropType;
import java.util.Objects;
import java.util.UUID;

/**
 * A property the converters know: either a tagged property (a fixed id below {@code 0x8000}) or
 * a named property whose id each mailbox maps, and in both cases its type (MS-OXPROPS).
 *
 * @param name the canonical name, e.g. {@code PidLidAppointmentStartWhole}, for messages
 * @param named the named property, or {@code null} for a tagged property
 * @param id the property id of a tagged property; 0 for a named one
 * @param type the property type
 */
public record PropDef(String name, NamedProperty named, int id, PropType type) {

  public PropDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A tagged property from its packed tag, e.g. {@code 0x0037001F}. */
  public static PropDef tagged(String name, int tag) {
    return new PropDef(name, null, tag >>> 16, PropType.fromCode(tag & 0xFFFF));
  }

  /** A LID-kind named property. */
  public static PropDef lid(String name, UUID set, long lid, PropType type) {
    return new PropDef(name, NamedProperty.ofLid(set, lid), 0, type);
  }

  /** A string-named property. */
  public static PropDef named(String name, UUID set, String propertyName, PropType type) {
    return new PropDef(name, NamedProperty.ofName(set, propertyName), 0, type);
  }

  public boolean isNamed() {
    return named != null;
  }

  @Override
  public String toString() {
    return name;
  }
}

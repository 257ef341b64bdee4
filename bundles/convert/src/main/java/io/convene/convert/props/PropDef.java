package io.convene.convert.props;

import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import java.util.Objects;
import java.util.UUID;

/**
 * A property the converters know: either a tagged property (a fixed id below {@code 0x8000}) or
 * a named property whose id each mailbox maps, and in both cases its type (MS-OXPROPS). Equal by
 * value, like the record it was.
 *
 * <p>A definition remembers the tag it last resolved to and through which {@link
 * NamedPropertyIds} (see {@link #cachedTag}): converters resolve the same few dozen constants
 * in every conversion, and a per-conversion cache (a map per bag) was a tenth of what a round
 * trip allocated.
 */
public final class PropDef {

  private final String name;
  private final NamedProperty named;
  private final int id;
  private final PropType type;
  /** The tag of a tagged property; {@code null} for a named one. */
  private final PropTag tag;
  /** The last mapping resolved, with the ids it came from; replaced whole, so read without a lock. */
  private volatile Resolved resolved;
  private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
  /** Order of creation: a {@link Bag} remembers by it which definitions it found unmapped. */
  private final int index = COUNT.getAndIncrement();

  private record Resolved(NamedPropertyIds ids, PropTag tag) {}

  /**
   * @param name the canonical name, e.g. {@code PidLidAppointmentStartWhole}, for messages
   * @param named the named property, or {@code null} for a tagged property
   * @param id the property id of a tagged property; 0 for a named one
   * @param type the property type
   */
  private PropDef(String name, NamedProperty named, int id, PropType type) {
    this.name = Objects.requireNonNull(name, "name");
    this.named = named;
    this.id = id;
    this.type = Objects.requireNonNull(type, "type");
    this.tag = named == null ? new PropTag(id, type) : null;
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

  /** The canonical name, e.g. {@code PidLidAppointmentStartWhole}. */
  public String name() {
    return name;
  }

  /** The named property, or {@code null} for a tagged property. */
  public NamedProperty named() {
    return named;
  }

  /** The property id of a tagged property; 0 for a named one. */
  public int id() {
    return id;
  }

  public PropType type() {
    return type;
  }

  public boolean isNamed() {
    return named != null;
  }

  /** The tag of a tagged property (one instance, not a new one per call); {@code null} for a named one. */
  public PropTag taggedTag() {
    return tag;
  }

  /**
   * The tag this named property last resolved to through {@code ids}, or {@code null}. A mapping
   * once made stays (a mailbox never re-maps a named property, MS-OXCDATA 2.6), so it holds for
   * as long as the same {@link NamedPropertyIds} is used; an unmapped property is never cached.
   */
  PropTag cachedTag(NamedPropertyIds ids) {
    Resolved r = resolved;
    return r != null && r.ids == ids ? r.tag : null;
  }

  /** A number of its own, small for the few hundred constants (see {@link Bag}). */
  int index() {
    return index;
  }

  void cacheTag(NamedPropertyIds ids, PropTag resolvedTag) {
    resolved = new Resolved(ids, resolvedTag);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PropDef d && id == d.id && type == d.type && name.equals(d.name)
        && Objects.equals(named, d.named);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, named, id, type);
  }

  @Override
  public String toString() {
    return name;
  }
}

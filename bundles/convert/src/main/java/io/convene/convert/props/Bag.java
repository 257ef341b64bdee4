package io.convene.convert.props;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mutable property bag addressed by {@link PropDef}: named properties are resolved through the
 * caller's {@link NamedPropertyIds} (created on write, looked up on read). It also records which
 * properties an export has {@link #consume consumed}, so the rest can travel as {@code
 * X-CONVENE-PROP} and nothing is lost.
 *
 * <p>Not thread-safe: one bag per conversion.
 */
public final class Bag {

  private Map<PropTag, PropValue> values;
  // Bag.of reads the caller's map until the first write: every export made a copy of the whole
  // item that it never wrote to, a tenth of an export in profiles.
  private boolean borrowed;
  private final NamedPropertyIds ids;
  private Map<NamedProperty, Integer> idCache; // created on first use, like tagCache
  // Each named definition resolved once per bag: converters ask for the same few dozen constants
  // many times, and hashing a NamedProperty (UUID, name) each time showed in profiles. Sized for
  // an appointment's named properties, so that it is not rehashed on the way.
  private Map<PropDef, PropTag> tagCache;
  private final Set<PropTag> consumed = new HashSet<>();
  /** New named properties mapped so far, shared by the bags of one conversion ({@link #sibling()}). */
  private final int[] newNames;

  /**
   * Named properties one conversion may add to the mailbox's mapping. Imports keep unknown
   * iCalendar/vCard properties as named properties; without a bound, one crafted object could use
   * up a mailbox's 32K named-property ids for good.
   */
  public static final int MAX_NEW_NAMES = 256;

  private Bag(Map<PropTag, PropValue> values, NamedPropertyIds ids) {
    this(values, ids, new int[1]);
  }

  private Bag(Map<PropTag, PropValue> values, NamedPropertyIds ids, int[] newNames) {
    this.values = values;
    this.ids = ids;
    this.newNames = newNames;
  }

  /**
   * An empty bag for another item of the same conversion (e.g. an embedded message): it shares
   * this bag's budget of {@link #MAX_NEW_NAMES}, so one object cannot map more by holding many items.
   */
  public Bag sibling() {
    return new Bag(new LinkedHashMap<>(), ids, newNames);
  }

  /**
   * A bag over existing properties, for reading; the first write copies them, so {@code
   * properties} is never changed (and must not change while the bag reads it).
   */
  public static Bag of(Map<PropTag, PropValue> properties, NamedPropertyIds ids) {
    Bag bag = new Bag(properties, ids);
    bag.borrowed = true;
    return bag;
  }

  private Map<PropTag, PropValue> writable() {
    if (borrowed) {
      values = new LinkedHashMap<>(values);
      borrowed = false;
    }
    return values;
  }

  /** An empty bag, for writing. */
  public static Bag empty(NamedPropertyIds ids) {
    return new Bag(new LinkedHashMap<>(), ids);
  }

  public NamedPropertyIds ids() {
    return ids;
  }

  /** The tag of a property, or {@code null} if it is a named property without a mapping. */
  public PropTag tag(PropDef def, boolean create) throws ConversionException {
    if (!def.isNamed()) {
      return new PropTag(def.id(), def.type()); // cheaper than any look-up
    }
    if (tagCache == null) {
      tagCache = new IdentityHashMap<>(64);
    }
    PropTag cached = tagCache.get(def);
    if (cached != null) {
      return cached;
    }
    int id = idOf(def.named(), create);
    if (id == NamedPropertyIds.UNMAPPED) {
      return null; // not cached: a later write may map it
    }
    PropTag tag = new PropTag(id, def.type());
    tagCache.put(def, tag);
    return tag;
  }

  /** The id of a named property, or {@link NamedPropertyIds#UNMAPPED}. */
  public int idOf(NamedProperty name, boolean create) throws ConversionException {
    if (idCache == null) {
      idCache = new HashMap<>(64);
    }
    Integer cached = idCache.get(name);
    if (cached != null && (cached != NamedPropertyIds.UNMAPPED || !create)) {
      return cached;
    }
    int id;
    try {
      if (create && ids.id(name, false) == NamedPropertyIds.UNMAPPED && ++newNames[0] > MAX_NEW_NAMES) {
        throw new ConversionException(ConversionError.TOO_LARGE,
            "conversion would map more than " + MAX_NEW_NAMES + " new named properties");
      }
      id = ids.id(name, create);
    } catch (StoreException e) {
      throw new ConversionException(ConversionError.STORE, "cannot map named property " + name, e);
    }
    if (id != NamedPropertyIds.UNMAPPED && (id < PropTag.FIRST_NAMED_ID || id > PropTag.LAST_NAMED_ID)) {
      throw new ConversionException(
          ConversionError.STORE, "named property " + name + " mapped outside 0x8000-0xFFFE: " + id);
    }
    idCache.put(name, id);
    return id;
  }

  /** The named property an id maps to, or {@code null}. */
  public NamedProperty nameOf(int id) throws ConversionException {
    try {
      return ids.property(id);
    } catch (StoreException e) {
      throw new ConversionException(ConversionError.STORE, "cannot read named property " + id, e);
    }
  }

  /**
   * The value of a property, if present with the defined type; a {@code PT_STRING8} value is
   * accepted where {@code PT_UNICODE} is defined.
   */
  public Optional<PropValue> get(PropDef def) throws ConversionException {
    PropTag tag = tag(def, false);
    if (tag == null) {
      return Optional.empty();
    }
    PropValue value = values.get(tag);
    if (value == null && def.type() == PropType.PT_UNICODE) {
      value = values.get(tag.withType(PropType.PT_STRING8));
    } else if (value == null && def.type() == PropType.PT_MV_UNICODE) {
      value = values.get(tag.withType(PropType.PT_MV_STRING8));
    }
    return Optional.ofNullable(value);
  }

  public String string(PropDef def) throws ConversionException {
    return get(def).map(PropValue::asString).orElse(null);
  }

  public Instant time(PropDef def) throws ConversionException {
    return get(def).map(PropValue::asTime).orElse(null);
  }

  public Integer integer(PropDef def) throws ConversionException {
    return get(def).map(PropValue::asInt).orElse(null);
  }

  public Boolean bool(PropDef def) throws ConversionException {
    return get(def).map(PropValue::asBoolean).orElse(null);
  }

  public Double real(PropDef def) throws ConversionException {
    return get(def).map(PropValue::asDouble).orElse(null);
  }

  public byte[] bytes(PropDef def) throws ConversionException {
    return get(def).map(PropValue::asBytes).orElse(null);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(PropDef def) throws ConversionException {
    return get(def).map(v -> (List<String>) v.asList()).orElse(null);
  }

  /** Sets a property; {@code null} removes it. */
  public void put(PropDef def, Object value) throws ConversionException {
    PropTag tag = tag(def, value != null);
    if (tag == null) {
      return;
    }
    if (value == null) {
      writable().remove(tag);
    } else {
      writable().put(tag, PropValue.of(tag, value));
    }
  }

  /** Sets a property by tag, as taken from an {@code X-CONVENE-PROP}. */
  public void put(PropValue value) {
    writable().put(value.tag(), value);
  }

  /** Marks a property as carried by the export's mapped fields. */
  public void consume(PropDef def) throws ConversionException {
    PropTag tag = tag(def, false);
    if (tag != null) {
      consumed.add(tag);
      if (def.type() == PropType.PT_UNICODE) {
        consumed.add(tag.withType(PropType.PT_STRING8));
      } else if (def.type() == PropType.PT_MV_UNICODE) {
        consumed.add(tag.withType(PropType.PT_MV_STRING8));
      }
    }
  }

  /** Marks a property consumed when it holds exactly {@code expected} (a derived value). */
  public void consumeIfEquals(PropDef def, Object expected) throws ConversionException {
    Optional<PropValue> actual = get(def);
    if (actual.isPresent() && expected != null && actual.get().tag().type() == def.type()) {
      if (actual.get().equals(PropValue.of(actual.get().tag(), expected))) {
        consume(def);
      }
    }
  }

  /** Marks a property consumed by its tag. */
  public void consume(PropTag tag) {
    consumed.add(tag);
  }

  /** The properties no mapped field carried, store-maintained ones left out, by tag. */
  public Map<PropTag, PropValue> unconsumed() {
    Map<PropTag, PropValue> rest = new LinkedHashMap<>();
    for (Map.Entry<PropTag, PropValue> e : values.entrySet()) {
      if (!consumed.contains(e.getKey()) && !TaggedProps.isStoreMaintained(e.getKey().id())) {
        rest.put(e.getKey(), e.getValue());
      }
    }
    return rest;
  }

  /**
   * The properties as they stand, read-only and not copied: for handing to {@link
   * io.convene.api.convert.ItemContent}, which takes its own copy.
   */
  public Map<PropTag, PropValue> view() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** A snapshot of the properties. */
  public Map<PropTag, PropValue> toMap() {
    return new LinkedHashMap<>(values);
  }
}

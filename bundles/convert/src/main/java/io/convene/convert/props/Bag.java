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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
  // Named properties resolved by name (kept iCalendar properties, X-CONVENE-PROP), created on
  // first use; definitions cache their own tags (PropDef#cachedTag).
  private Map<NamedProperty, Integer> idCache;
  // Definitions this bag found unmapped, a bit per PropDef#index: a read of a property the item
  // lacks and no item has had (a counter proposal's times, a reply's time...) asked the mapping
  // again, through idCache, on every read: 7% of a round trip's CPU samples. Cleared
  // whenever this bag maps a name (it may be one of them).
  private long[] unmapped;
  private static final int UNMAPPED_BITS = 4096; // definitions made at run time, if any, go without
  // Packed tags, scanned: an export consumes a few dozen, and a hash set of PropTags (nodes,
  // tables, and a PT_STRING8 twin per string) was a twentieth of what an export allocated.
  private int[] consumed; // created on the first consume: an import's bags never consume
  private int consumedCount;
  /** New named properties mapped so far, shared by the bags of one conversion ({@link #sibling()}). */
  private final int[] newNames;

  /**
   * Named properties one conversion may add to the mailbox's mapping. Imports keep unknown
   * iCalendar/vCard properties as named properties; without a bound, one crafted object could use
   * up a mailbox's 32K named-property ids for good.
   */
  public static final int MAX_NEW_NAMES = 256;

  /** Id, then type: the order of {@link #unconsumed()}. */
  private static final Comparator<PropTag> TAG_ORDER =
      Comparator.comparingInt(PropTag::id).thenComparingInt(tag -> tag.type().code());

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
    return new Bag(newValues(), ids, newNames);
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
    return new Bag(newValues(), ids);
  }

  // Sized for an imported appointment's few dozen properties: the default size was rehashed twice.
  private static Map<PropTag, PropValue> newValues() {
    return new LinkedHashMap<>(64);
  }

  public NamedPropertyIds ids() {
    return ids;
  }

  /** The tag of a property, or {@code null} if it is a named property without a mapping. */
  public PropTag tag(PropDef def, boolean create) throws ConversionException {
    if (!def.isNamed()) {
      return def.taggedTag();
    }
    PropTag cached = def.cachedTag(ids);
    if (cached != null) {
      return cached;
    }
    if (!create && knownUnmapped(def.index())) {
      return null;
    }
    int id = idOf(def.named(), create);
    if (id == NamedPropertyIds.UNMAPPED) {
      markUnmapped(def.index());
      return null; // not cached in the definition: a later write may map it
    }
    PropTag tag = new PropTag(id, def.type());
    def.cacheTag(ids, tag);
    return tag;
  }

  private boolean knownUnmapped(int index) {
    return unmapped != null && (index >>> 6) < unmapped.length && (unmapped[index >>> 6] & 1L << index) != 0;
  }

  private void markUnmapped(int index) {
    if (index < UNMAPPED_BITS) {
      if (unmapped == null || (index >>> 6) >= unmapped.length) {
        unmapped = unmapped == null ? new long[(index >>> 6) + 1] : java.util.Arrays.copyOf(unmapped, (index >>> 6) + 1);
      }
      unmapped[index >>> 6] |= 1L << index;
    }
  }

  /** The id of a named property, or {@link NamedPropertyIds#UNMAPPED}. */
  public int idOf(NamedProperty name, boolean create) throws ConversionException {
    Integer cached = idCache == null ? null : idCache.get(name); // mapped names only
    if (cached != null) {
      return cached;
    }
    if (create) {
      unmapped = null; // the name may be one this bag found unmapped
    }
    int id;
    try {
      id = ids.id(name, false); // one look-up when the name is mapped, as it nearly always is
      if (create && id == NamedPropertyIds.UNMAPPED) {
        if (++newNames[0] > MAX_NEW_NAMES) {
          throw new ConversionException(ConversionError.TOO_LARGE,
              "conversion would map more than " + MAX_NEW_NAMES + " new named properties");
        }
        id = ids.id(name, true);
      }
    } catch (StoreException e) {
      throw new ConversionException(ConversionError.STORE, "cannot map named property " + name, e);
    }
    if (id != NamedPropertyIds.UNMAPPED && (id < PropTag.FIRST_NAMED_ID || id > PropTag.LAST_NAMED_ID)) {
      throw new ConversionException(
          ConversionError.STORE, "named property " + name + " mapped outside 0x8000-0xFFFE: " + id);
    }
    if (id != NamedPropertyIds.UNMAPPED) { // an unmapped definition is remembered in `unmapped`
      if (idCache == null) {
        idCache = new HashMap<>();
      }
      idCache.put(name, id);
    }
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
    return Optional.ofNullable(value(def));
  }

  /** As {@link #get}, {@code null} when absent: the typed getters called it dozens of times per item. */
  private PropValue value(PropDef def) throws ConversionException {
    PropTag tag = tag(def, false);
    if (tag == null) {
      return null;
    }
    PropValue value = values.get(tag);
    if (value == null && def.type() == PropType.PT_UNICODE) {
      value = values.get(tag.withType(PropType.PT_STRING8));
    } else if (value == null && def.type() == PropType.PT_MV_UNICODE) {
      value = values.get(tag.withType(PropType.PT_MV_STRING8));
    }
    return value;
  }

  public String string(PropDef def) throws ConversionException {
    PropValue v = value(def);
    return v == null ? null : v.asString();
  }

  public Instant time(PropDef def) throws ConversionException {
    PropValue v = value(def);
    return v == null ? null : v.asTime();
  }

  public Integer integer(PropDef def) throws ConversionException {
    PropValue v = value(def);
    return v == null ? null : v.asInt();
  }

  public Boolean bool(PropDef def) throws ConversionException {
    PropValue v = value(def);
    return v == null ? null : v.asBoolean();
  }

  public Double real(PropDef def) throws ConversionException {
    PropValue v = value(def);
    return v == null ? null : v.asDouble();
  }

  public byte[] bytes(PropDef def) throws ConversionException {
    PropValue v = value(def);
    return v == null ? null : v.asBytes();
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(PropDef def) throws ConversionException {
    PropValue v = value(def);
    return v == null ? null : (List<String>) v.asList();
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
      markConsumed(tag.tag());
      if (def.type() == PropType.PT_UNICODE) {
        markConsumed(tag.id() << 16 | PropType.PT_STRING8.code());
      } else if (def.type() == PropType.PT_MV_UNICODE) {
        markConsumed(tag.id() << 16 | PropType.PT_MV_STRING8.code());
      }
    }
  }

  /** Marks a property consumed when it holds exactly {@code expected} (a derived value). */
  public void consumeIfEquals(PropDef def, Object expected) throws ConversionException {
    PropValue actual = value(def);
    if (actual != null && expected != null && actual.tag().type() == def.type()) {
      if (actual.equals(PropValue.of(actual.tag(), expected))) {
        consume(def);
      }
    }
  }

  /** Marks a property consumed by its tag. */
  public void consume(PropTag tag) {
    markConsumed(tag.tag());
  }

  private void markConsumed(int packedTag) {
    if (isConsumed(packedTag)) {
      return;
    }
    if (consumed == null) {
      consumed = new int[32];
    } else if (consumedCount == consumed.length) {
      consumed = java.util.Arrays.copyOf(consumed, consumedCount * 2);
    }
    consumed[consumedCount++] = packedTag;
  }

  private boolean isConsumed(int packedTag) {
    for (int i = 0; i < consumedCount; i++) {
      if (consumed[i] == packedTag) {
        return true;
      }
    }
    return false;
  }

  /**
   * The properties no mapped field carried, store-maintained ones left out, in tag order (id, then
   * type): the bag's own order is its source map's, and an imported item's map (an immutable copy)
   * iterates in an order that changes from one JVM to the next, so the same item's export text did.
   */
  public Map<PropTag, PropValue> unconsumed() {
    Map<PropTag, PropValue> rest = new TreeMap<>(TAG_ORDER);
    for (Map.Entry<PropTag, PropValue> e : values.entrySet()) {
      if (!isConsumed(e.getKey().tag()) && !TaggedProps.isStoreMaintained(e.getKey().id())) {
        rest.put(e.getKey(), e.getValue());
      }
    }
    return rest;
  }

  /**
   * The properties as they stand, not copied and not wrapped: only for handing to {@link
   * io.convene.api.convert.ItemContent}, which takes its own copy (through a read-only wrapper
   * that copy wrapped every entry once more). Callers must not change the map.
   */
  public Map<PropTag, PropValue> view() {
    return values;
  }

  /** A snapshot of the properties. */
  public Map<PropTag, PropValue> toMap() {
    return new LinkedHashMap<>(values);
  }
}

package io.convene.api.convert;

import io.convene.api.store.NamedProperty;
import io.convene.api.store.StoreException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The mapping between named properties and the property ids ({@code 0x8000}-{@code 0xFFFE}) an
 * item's bag uses for them (MS-OXCDATA 2.6), normally a mailbox's mapping ({@code
 * Mailbox.namedPropertyId} / {@code Mailbox.namedProperty}). Converters read named properties
 * through it and create mappings for those they write.
 */
@ConsumerType
public interface NamedPropertyIds {

  /** Returned by {@link #id} for a property that has no mapping and was not to be created. */
  int UNMAPPED = -1;

  /**
   * The id of a named property.
   *
   * @param property the named property, never {@code null}
   * @param create whether to map it now if it has no id yet
   * @return the id, {@code 0x8000}-{@code 0xFFFE}, or {@link #UNMAPPED} if it has none and {@code
   *     create} is false
   * @throws StoreException if the mapping cannot be read or extended (e.g. the id range is full)
   */
  int id(NamedProperty property, boolean create) throws StoreException;

  /**
   * The named property an id maps to.
   *
   * @param id a property id {@code 0x8000}-{@code 0xFFFE}
   * @return the named property, or {@code null} if the id is not mapped
   * @throws StoreException if the mapping cannot be read
   */
  NamedProperty property(int id) throws StoreException;
}

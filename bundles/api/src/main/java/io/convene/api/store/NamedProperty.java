package io.convene.api.store;

import java.util.Objects;
import java.util.UUID;

/**
 * A named property (MS-OXCDATA 2.6.1 {@code PropertyName}): a property set GUID plus either a
 * numeric long id (LID, {@code Kind} 0x00) or a string name ({@code Kind} 0x01). Each mailbox maps
 * the named properties its items use to property ids {@code 0x8000}-{@code 0xFFFE}.
 *
 * <p>Exactly one of {@link #lid()} and {@link #name()} is non-null. Names compare case-sensitively,
 * as Exchange does.
 *
 * @param propertySet the property set GUID, never {@code null}
 * @param lid the LID, an unsigned 32-bit value, or {@code null} for a string name
 * @param name the name, non-empty, or {@code null} for a LID
 */
public record NamedProperty(UUID propertySet, Long lid, String name) {

  // Well-known property sets, MS-OXPROPS 1.3.2.

  /** {@code PS_MAPI}: names of ordinary (tagged) properties; LID = property id. */
  public static final UUID PS_MAPI = UUID.fromString("00020328-0000-0000-C000-000000000046");

  /** {@code PS_PUBLIC_STRINGS}: string-named properties any client may define. */
  public static final UUID PS_PUBLIC_STRINGS =
      UUID.fromString("00020329-0000-0000-C000-000000000046");

  /** {@code PS_INTERNET_HEADERS}: Internet message headers, by header name. */
  public static final UUID PS_INTERNET_HEADERS =
      UUID.fromString("00020386-0000-0000-C000-000000000046");

  /** {@code PSETID_Appointment}: calendar items (MS-OXOCAL). */
  public static final UUID PSETID_APPOINTMENT =
      UUID.fromString("00062002-0000-0000-C000-000000000046");

  /** {@code PSETID_Task}: tasks (MS-OXOTASK). */
  public static final UUID PSETID_TASK = UUID.fromString("00062003-0000-0000-C000-000000000046");

  /** {@code PSETID_Address}: contacts (MS-OXOCNTC). */
  public static final UUID PSETID_ADDRESS =
      UUID.fromString("00062004-0000-0000-C000-000000000046");

  /** {@code PSETID_Common}: properties common to all item kinds. */
  public static final UUID PSETID_COMMON = UUID.fromString("00062008-0000-0000-C000-000000000046");

  /** {@code PSETID_Meeting}: meeting objects (MS-OXOCAL). */
  public static final UUID PSETID_MEETING =
      UUID.fromString("6ED8DA90-450B-101B-98DA-00AA003F1305");

  public NamedProperty {
    Objects.requireNonNull(propertySet, "propertySet");
    if ((lid == null) == (name == null)) {
      throw new IllegalArgumentException("a named property has exactly one of lid and name");
    }
    if (lid != null && (lid < 0 || lid > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("LID out of 32 bits: " + lid);
    }
    if (name != null && name.isEmpty()) {
      throw new IllegalArgumentException("empty property name");
    }
  }

  /** A LID-kind named property, e.g. {@code ofLid(PSETID_APPOINTMENT, 0x820D)}. */
  public static NamedProperty ofLid(UUID propertySet, long lid) {
    return new NamedProperty(propertySet, lid, null);
  }

  /** A string-named property, e.g. {@code ofName(PS_PUBLIC_STRINGS, "Keywords")}. */
  public static NamedProperty ofName(UUID propertySet, String name) {
    return new NamedProperty(propertySet, null, Objects.requireNonNull(name, "name"));
  }

  /** Whether this is a LID-kind ({@code Kind} 0x00) property. */
  public boolean isLid() {
    return lid != null;
  }

  // Written out: the generated record methods go through method handles and showed in the
  // converters' profiles (named properties key every mapping look-up). Same equality as before.
  @Override
  public boolean equals(Object o) {
    return o instanceof NamedProperty n && propertySet.equals(n.propertySet) && Objects.equals(lid, n.lid)
        && Objects.equals(name, n.name);
  }

  @Override
  public int hashCode() {
    return (31 * propertySet.hashCode() + Objects.hashCode(lid)) * 31 + Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return "{" + propertySet + "}:" + (lid != null ? String.format("0x%04X", lid) : '"' + name + '"');
  }
}

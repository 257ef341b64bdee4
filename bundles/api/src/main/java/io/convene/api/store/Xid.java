package io.convene.api.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An external identifier (XID, MS-OXCFXICS 2.2.2.2): a namespace GUID and a local id of 1 to 8
 * bytes. A change key ({@code PidTagChangeKey}, MS-OXCFXICS 2.2.1.2.7) is one XID; a XID whose
 * local id is a 6-byte {@link GlobalCounter} is a GID (MS-OXCDATA 2.2.1.3), the form the server
 * generates from its own change numbers (MS-OXCFXICS 3.1.5.3).
 *
 * <p>Wire form: the GUID in its 16-byte wire form ({@link Guids}), then the local id; the length
 * is implied by the enclosing structure. Local ids of one namespace all have the same length and
 * grow with each change, compared as unsigned big-endian numbers.
 */
public final class Xid {

  /** The smallest wire size: a GUID and a 1-byte local id. */
  public static final int MIN_SIZE = Guids.SIZE + 1;

  /** The largest wire size: a GUID and an 8-byte local id. */
  public static final int MAX_SIZE = Guids.SIZE + 8;

  private final UUID namespaceGuid;
  private final byte[] localId;

  private Xid(UUID namespaceGuid, byte[] localId) {
    this.namespaceGuid = namespaceGuid;
    this.localId = localId;
  }

  /**
   * A XID with the given local id (copied).
   *
   * @throws IllegalArgumentException if the local id is not 1 to 8 bytes long
   */
  public static Xid of(UUID namespaceGuid, byte[] localId) {
    Objects.requireNonNull(namespaceGuid, "namespaceGuid");
    if (localId.length < 1 || localId.length > 8) {
      throw new IllegalArgumentException("an XID local id is 1 to 8 bytes, got " + localId.length);
    }
    return new Xid(namespaceGuid, localId.clone());
  }

  /** The GID form: the store's (replica) GUID and a 6-byte global counter. */
  public static Xid ofGid(UUID replicaGuid, GlobalCounter counter) {
    return new Xid(Objects.requireNonNull(replicaGuid, "replicaGuid"), counter.toBytes());
  }

  /**
   * The XID whose wire form is exactly {@code bytes}, e.g. a {@code PidTagChangeKey} value.
   *
   * @throws StoreValueFormatException unless {@code bytes} is 17 to 24 bytes long
   */
  public static Xid parse(byte[] bytes) {
    return parse(bytes, 0, bytes.length);
  }

  static Xid parse(byte[] src, int offset, int size) {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new StoreValueFormatException(
          "an XID is " + MIN_SIZE + " to " + MAX_SIZE + " bytes, got " + size);
    }
    if (offset < 0 || src.length - offset < size) {
      throw new StoreValueFormatException("XID of " + size + " bytes truncated at " + offset);
    }
    return new Xid(
        Guids.fromBytes(src, offset),
        Arrays.copyOfRange(src, offset + Guids.SIZE, offset + size));
  }

  /** The namespace GUID, never {@code null}. */
  public UUID namespaceGuid() {
    return namespaceGuid;
  }

  /** A copy of the local id, 1 to 8 bytes. */
  public byte[] localId() {
    return localId.clone();
  }

  /** Length of the local id in bytes. */
  public int localIdSize() {
    return localId.length;
  }

  /** Whether the local id is a 6-byte global counter (a GID). */
  public boolean isGid() {
    return localId.length == GlobalCounter.SIZE;
  }

  /**
   * The local id as a global counter.
   *
   * @throws IllegalStateException if this is not a {@link #isGid() GID}
   */
  public GlobalCounter counter() {
    if (!isGid()) {
      throw new IllegalStateException("not a GID: " + this);
    }
    return GlobalCounter.fromBytes(localId, 0);
  }

  /** Size of the wire form, 17 to 24. */
  public int size() {
    return Guids.SIZE + localId.length;
  }

  /** The wire form: GUID then local id. */
  public byte[] toBytes() {
    byte[] out = new byte[size()];
    Guids.write(namespaceGuid, out, 0);
    System.arraycopy(localId, 0, out, Guids.SIZE, localId.length);
    return out;
  }

  /**
   * Compares the local ids of two XIDs of the same namespace as unsigned big-endian numbers.
   *
   * @throws IllegalArgumentException if the namespaces or the local id lengths differ
   */
  public int compareLocalId(Xid other) {
    if (!namespaceGuid.equals(other.namespaceGuid) || localId.length != other.localId.length) {
      throw new IllegalArgumentException("XIDs not comparable: " + this + ", " + other);
    }
    return Arrays.compareUnsigned(localId, other.localId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Xid other
        && namespaceGuid.equals(other.namespaceGuid)
        && Arrays.equals(localId, other.localId);
  }

  @Override
  public int hashCode() {
    return 31 * namespaceGuid.hashCode() + Arrays.hashCode(localId);
  }

  /** {@code {guid}:hex}, e.g. {@code {...}:000000001234}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{").append(namespaceGuid).append("}:");
    for (byte b : localId) {
      s.append(String.format("%02X", b));
    }
    return s.toString();
  }
}

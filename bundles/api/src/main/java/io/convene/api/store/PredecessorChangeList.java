package io.convene.api.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A predecessor change list (PCL, MS-OXCFXICS 2.2.2.3; {@code PidTagPredecessorChangeList},
 * 2.2.1.2.8): for each namespace (replica) the latest change that has been folded into a version
 * of an object, used for conflict detection (MS-OXCFXICS 3.1.5.6.1).
 *
 * <p>Wire form: a sequence of {@code SizedXid}s (2.2.2.3.1), each a 1-byte {@code XidSize} (17 to
 * 24) followed by that many bytes of {@link Xid}. This class holds at most one XID per namespace,
 * keeping the greatest local id, and writes them ordered by the namespace GUID's wire bytes
 * (unsigned), so equal lists serialize identically.
 */
public final class PredecessorChangeList {

  /** The empty list. */
  public static final PredecessorChangeList EMPTY = new PredecessorChangeList(List.of());

  private final List<Xid> xids;

  private PredecessorChangeList(List<Xid> xids) {
    this.xids = xids;
  }

  /**
   * The list holding the given XIDs, keeping the greatest per namespace.
   *
   * @throws IllegalArgumentException if two XIDs of one namespace differ in local id length
   */
  public static PredecessorChangeList of(Collection<Xid> xids) {
    Map<byte[], Xid> byNamespace = new TreeMap<>(Arrays::compareUnsigned);
    for (Xid xid : xids) {
      byNamespace.merge(
          Guids.toBytes(xid.namespaceGuid()), xid, (a, b) -> a.compareLocalId(b) >= 0 ? a : b);
    }
    return new PredecessorChangeList(Collections.unmodifiableList(new ArrayList<>(byNamespace.values())));
  }

  /**
   * Parses the wire form. XIDs may come in any order; repeated namespaces are merged.
   *
   * @throws StoreValueFormatException if a {@code XidSize} is out of range, a XID is truncated or
   *     two XIDs of one namespace differ in local id length
   */
  public static PredecessorChangeList parse(byte[] bytes) {
    List<Xid> xids = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int size = bytes[at] & 0xFF;
      if (size < Xid.MIN_SIZE || size > Xid.MAX_SIZE) {
        throw new StoreValueFormatException("PCL: XidSize " + size + " at offset " + at);
      }
      if (bytes.length - at - 1 < size) {
        throw new StoreValueFormatException("PCL: XID of " + size + " bytes truncated at " + at);
      }
      xids.add(Xid.parse(bytes, at + 1, size));
      at += 1 + size;
    }
    try {
      return of(xids);
    } catch (IllegalArgumentException e) {
      throw new StoreValueFormatException("PCL: " + e.getMessage());
    }
  }

  /** The XIDs, one per namespace, ordered as written; unmodifiable. */
  public List<Xid> xids() {
    return xids;
  }

  /** Whether the list is empty. */
  public boolean isEmpty() {
    return xids.isEmpty();
  }

  /** The XID of a namespace, or {@code null} if the list has none. */
  public Xid get(UUID namespaceGuid) {
    for (Xid xid : xids) {
      if (xid.namespaceGuid().equals(namespaceGuid)) {
        return xid;
      }
    }
    return null;
  }

  /** This list with {@code xid} merged in (kept only if newer than the namespace's entry). */
  public PredecessorChangeList with(Xid xid) {
    List<Xid> all = new ArrayList<>(xids);
    all.add(xid);
    return of(all);
  }

  /** The union of two lists, keeping the greater XID per namespace. */
  public PredecessorChangeList merge(PredecessorChangeList other) {
    List<Xid> all = new ArrayList<>(xids);
    all.addAll(other.xids);
    return of(all);
  }

  /**
   * Whether this list already contains the change {@code xid}: it has a XID of the same namespace
   * with an equal or greater local id.
   */
  public boolean includes(Xid xid) {
    Xid mine = get(xid.namespaceGuid());
    return mine != null
        && mine.localIdSize() == xid.localIdSize()
        && mine.compareLocalId(xid) >= 0;
  }

  /**
   * Whether this list includes every change of {@code other} (MS-OXCFXICS 3.1.5.6.1): if so, the
   * version described by {@code other} is a predecessor of (or equal to) this one.
   */
  public boolean includes(PredecessorChangeList other) {
    for (Xid xid : other.xids) {
      if (!includes(xid)) {
        return false;
      }
    }
    return true;
  }

  /** The wire form: {@code XidSize} and XID for each entry. */
  public byte[] toBytes() {
    int size = 0;
    for (Xid xid : xids) {
      size += 1 + xid.size();
    }
    byte[] out = new byte[size];
    int at = 0;
    for (Xid xid : xids) {
      out[at] = (byte) xid.size();
      byte[] bytes = xid.toBytes();
      System.arraycopy(bytes, 0, out, at + 1, bytes.length);
      at += 1 + bytes.length;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PredecessorChangeList other && xids.equals(other.xids);
  }

  @Override
  public int hashCode() {
    return xids.hashCode();
  }

  @Override
  public String toString() {
    return "PCL" + xids;
  }
}

package io.convene.api.store;

import java.util.Objects;

/**
 * A change number (CN, MS-OXCFXICS 2.2.2.1): which change of a store, as {@code PidTagChangeNumber} carries it. Change numbers are drawn from the same {@link GlobalCounter} as folder and message ids, so a newer change has a greater counter.
 *
 * <p>Wire form, 8 bytes: the 16-bit replica id little-endian, then the 48-bit {@link
 * GlobalCounter} big-endian; e.g. {@code 01 00 00 00 0E 8E DF 36} is replica 1, counter {@code
 * 0x0E8EDF36} (MS-OXCFOLD 4.5.1). {@link #toLong()} reads those 8 bytes as a little-endian
 * {@code long}, the value a {@code PtypInteger64} property carries; that {@code long} does not
 * order like the counter, so sort by {@link #counter()}.
 *
 * @param replicaId the replica id ({@code REPLID}), {@code 0..0xFFFF}; 1 for a private mailbox
 * @param counter the global counter, never {@code null}
 */
public record ChangeNumber(int replicaId, GlobalCounter counter) {

  public ChangeNumber {
    ReplicaIds.checkReplicaId(replicaId);
    Objects.requireNonNull(counter, "counter");
  }

  /** Shorthand for {@code new ChangeNumber(replicaId, GlobalCounter.of(counter))}. */
  public static ChangeNumber of(int replicaId, long counter) {
    return new ChangeNumber(replicaId, GlobalCounter.of(counter));
  }

  /** The id whose 8 wire bytes, read little-endian, are {@code value} (see {@link #toLong()}). */
  public static ChangeNumber fromLong(long value) {
    return new ChangeNumber(ReplicaIds.replicaIdOf(value), ReplicaIds.counterOf(value));
  }

  /**
   * The id in the 8 wire bytes at {@code offset}.
   *
   * @throws StoreValueFormatException if fewer than 8 bytes are left
   */
  public static ChangeNumber fromBytes(byte[] src, int offset) {
    int replicaId = ReplicaIds.replicaIdOf(src, offset, "CN");
    return new ChangeNumber(replicaId, GlobalCounter.fromBytes(src, offset + 2));
  }

  /** The 8 wire bytes read as a little-endian {@code long} (MS-OXCFXICS 2.2.2.1 as {@code PtypInteger64}). */
  public long toLong() {
    return ReplicaIds.toLong(replicaId, counter);
  }

  /** The 8-byte wire form. */
  public byte[] toBytes() {
    return ReplicaIds.toBytes(replicaId, counter);
  }

  /** As the specifications print it, e.g. {@code 0001-00000E8EDF36}. */
  @Override
  public String toString() {
    return String.format("%04X-%s", replicaId, counter);
  }
}

package io.convene.api.store;

import java.util.Objects;

/**
 * A message id (MID, MS-OXCDATA 2.2.1.2): which message of a store, as {@code PidTagMid} and ROPs carry it.
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
public record MessageId(int replicaId, GlobalCounter counter) {

  public MessageId {
    ReplicaIds.checkReplicaId(replicaId);
    Objects.requireNonNull(counter, "counter");
  }

  /** Shorthand for {@code new MessageId(replicaId, GlobalCounter.of(counter))}. */
  public static MessageId of(int replicaId, long counter) {
    return new MessageId(replicaId, GlobalCounter.of(counter));
  }

  /** The id whose 8 wire bytes, read little-endian, are {@code value} (see {@link #toLong()}). */
  public static MessageId fromLong(long value) {
    return new MessageId(ReplicaIds.replicaIdOf(value), ReplicaIds.counterOf(value));
  }

  /**
   * The id in the 8 wire bytes at {@code offset}.
   *
   * @throws StoreValueFormatException if fewer than 8 bytes are left
   */
  public static MessageId fromBytes(byte[] src, int offset) {
    int replicaId = ReplicaIds.replicaIdOf(src, offset, "Message ID");
    return new MessageId(replicaId, GlobalCounter.fromBytes(src, offset + 2));
  }

  /** The 8 wire bytes read as a little-endian {@code long} (MS-OXCDATA 2.2.1.2 as {@code PtypInteger64}). */
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

package io.convene.api.store;

/**
 * The packing shared by {@link FolderId}, {@link MessageId} and {@link ChangeNumber}: a 16-bit
 * replica id (little-endian) followed by a 6-byte big-endian {@link GlobalCounter} (MS-OXCDATA
 * 2.2.1.1).
 */
final class ReplicaIds {

  static final int SIZE = 8;

  private ReplicaIds() {}

  static void checkReplicaId(int replicaId) {
    if (replicaId < 0 || replicaId > 0xFFFF) {
      throw new IllegalArgumentException("replica id out of 16 bits: " + replicaId);
    }
  }

  /** The 8 wire bytes read as a little-endian 64-bit integer, as in {@code PidTagFolderId}. */
  static long toLong(int replicaId, GlobalCounter counter) {
    // The counter's 6 big-endian bytes land in bytes 2..7 of the little-endian long.
    return Long.reverseBytes(counter.value()) | replicaId;
  }

  static int replicaIdOf(long packed) {
    return (int) (packed & 0xFFFF);
  }

  static GlobalCounter counterOf(long packed) {
    // Bytes 2..7 of the little-endian long hold the counter most significant first.
    return new GlobalCounter(Long.reverseBytes(packed & 0xFFFF_FFFF_FFFF_0000L));
  }

  static byte[] toBytes(int replicaId, GlobalCounter counter) {
    byte[] out = new byte[SIZE];
    out[0] = (byte) replicaId;
    out[1] = (byte) (replicaId >>> 8);
    counter.write(out, 2);
    return out;
  }

  static int replicaIdOf(byte[] src, int offset, String what) {
    if (offset < 0 || src.length - offset < SIZE) {
      throw new StoreValueFormatException("a " + what + " needs 8 bytes at offset " + offset);
    }
    return (src[offset] & 0xFF) | (src[offset + 1] & 0xFF) << 8;
  }
}

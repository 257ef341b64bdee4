package io.convene.mapi.rpc;

/**
 * The obfuscation of MS-OXCRPC 3.1.4.1.1.3: every payload byte XOR 0xA5. Its own inverse, so the
 * same call obfuscates and reverts.
 */
public final class XorMagic {

  private static final int MAGIC = 0xA5;

  private XorMagic() {}

  /** XORs {@code data[offset, offset + length)} in place. */
  public static void apply(byte[] data, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      data[i] ^= (byte) MAGIC;
    }
  }
}

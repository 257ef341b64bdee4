package io.convene.mapi.rpc;

/**
 * Bounds on an incoming extended buffer (the rgbIn / rgbAuxIn of MS-OXCRPC 3.1.4.2.1.1).
 *
 * @param maxSegments how many RPC_HEADER_EXT segments one buffer may chain
 * @param maxTotalPayload the sum of all uncompressed payloads in bytes; each one is at most 65,535
 *     by the 16-bit SizeActual field
 */
public record ExtendedBufferLimits(int maxSegments, int maxTotalPayload) {

  /** Outlook sends one segment per request unless the server advertises packing; allow a few. */
  public static final ExtendedBufferLimits DEFAULT = new ExtendedBufferLimits(16, 256 * 1024);

  public ExtendedBufferLimits {
    if (maxSegments < 1 || maxTotalPayload < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}

package io.convene.mapi.http;

/**
 * Bounds on the request bodies of the mailbox endpoint.
 *
 * @param maxBody request body bytes; beyond it X-ResponseCode 9 (Too Large)
 * @param maxRopIn RopBuffer bytes of an Execute (MS-OXCRPC 3.1.4.2 caps cbIn at 0x40000)
 * @param maxAuxIn AuxiliaryBuffer bytes (MS-OXCRPC caps rgbAuxIn at 0x1008)
 * @param maxUserDn bytes of the UserDn string of a Connect
 */
public record EmsmdbLimits(int maxBody, int maxRopIn, int maxAuxIn, int maxUserDn) {

  public static final EmsmdbLimits DEFAULT = new EmsmdbLimits(0x41000 + 64, 0x40000, 0x1008, 1024);

  public EmsmdbLimits {
    if (maxBody < 64 || maxRopIn < 1 || maxAuxIn < 0 || maxUserDn < 1) {
      throw new IllegalArgumentException("limits too small");
    }
  }
}

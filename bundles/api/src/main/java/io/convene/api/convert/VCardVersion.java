package io.convene.api.convert;

/** The vCard versions Convene writes. */
public enum VCardVersion {
  /** vCard 3.0, RFC 2426 (Outlook, older CardDAV clients). */
  V3_0,
  /** vCard 4.0, RFC 6350. */
  V4_0
}

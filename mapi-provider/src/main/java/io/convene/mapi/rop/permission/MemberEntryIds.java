package io.convene.mapi.rop.permission;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.Arrays;

/**
 * The PermanentEntryID of an address book object (MS-OXNSPI 2.2.9.3), the PidTagEntryId of a
 * permissions table row (MS-OXCPERM 2.2.4): IDType 0x00, three reserved bytes, the NSPI provider
 * GUID, R4 = 1, the display type, then the DN as a NUL-terminated 8-bit string.
 */
final class MemberEntryIds {

  /** GUID_NSPI {C840A7DC-42C0-1A10-B4B9-08002B2FE182} in wire byte order. */
  static final byte[] NSPI_PROVIDER = {
    (byte) 0xDC, (byte) 0xA7, 0x40, (byte) 0xC8, (byte) 0xC0, 0x42, 0x10, 0x1A,
    (byte) 0xB4, (byte) 0xB9, 0x08, 0x00, 0x2B, 0x2F, (byte) 0xE1, (byte) 0x82
  };
  /** DT_MAILUSER. */
  static final int DISPLAY_TYPE_MAIL_USER = 0x00000000;
  /** Longest DN accepted. */
  static final int MAX_DN = 1024;

  private MemberEntryIds() {}

  static byte[] of(String dn) {
    return new LittleEndianWriter(40 + dn.length())
        .u32(0)
        .bytes(NSPI_PROVIDER)
        .u32(1)
        .u32(DISPLAY_TYPE_MAIL_USER)
        .asciiz(dn)
        .toByteArray();
  }

  /** The DN in a PermanentEntryID. */
  static String distinguishedName(byte[] entryId) throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(entryId);
    if (in.u8("IDType") != 0x00) {
      throw new WireFormatException("not a permanent entry id");
    }
    in.skip(3, "R1-R3");
    if (!Arrays.equals(in.bytes(16, "ProviderUID"), NSPI_PROVIDER)) {
      throw new WireFormatException("entry id of another address book provider");
    }
    in.skip(8, "R4 and DisplayTypeString");
    String dn = in.asciiz(MAX_DN, "DistinguishedName");
    if (in.hasRemaining()) {
      throw new WireFormatException(in.remaining() + " bytes after the DN");
    }
    return dn;
  }
}

package io.convene.mapi.rop.message;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.PropertyValueCodec;
import java.util.Arrays;
import java.util.List;

/**
 * RecipientRow (MS-OXCDATA 2.8.3.2): one recipient as RopOpenMessage and RopReadRecipients carry
 * it. The RecipientFlags (2.8.3.1) say which standard fields follow; the Type in its low three bits
 * adds the X500DN part (X500DN), the EntryID and SearchKey (the two personal distribution list
 * types) or, with the O bit on NoType, the AddressType string. The remaining properties follow as a
 * PropertyRow over the first {@code columnCount} of the RecipientColumns the enclosing response
 * names. A field the flags do not announce is null.
 *
 * @param flags the RecipientFlags
 * @param addressPrefixUsed X500DN type only: leading characters shared with the logon's DN, left out
 * @param displayType X500DN type only: PidTagDisplayType
 * @param x500dn X500DN type only: the DN after the shared prefix, 8-bit
 * @param entryId personal distribution list types only
 * @param searchKey personal distribution list types only
 * @param addressType NoType with the O bit only: the address type, 8-bit
 * @param emailAddress with the E bit
 * @param displayName with the D bit
 * @param simpleDisplayName with the I bit
 * @param transmittableDisplayName with the T bit
 * @param columnCount how many of the RecipientColumns the row carries
 * @param properties one cell per carried column
 */
public record RecipientRow(
    int flags,
    int addressPrefixUsed,
    int displayType,
    String x500dn,
    byte[] entryId,
    byte[] searchKey,
    String addressType,
    String emailAddress,
    String displayName,
    String simpleDisplayName,
    String transmittableDisplayName,
    int columnCount,
    List<PropertyRow.Cell> properties) {

  /** R: another transport is responsible for delivering to this recipient. */
  public static final int RESPONSIBLE = 0x0080;
  /** S: the TransmittableDisplayName is the DisplayName, which is sent once. */
  public static final int SAME = 0x0040;
  /** T: TransmittableDisplayName follows. */
  public static final int TRANSMITTABLE = 0x0020;
  /** D: DisplayName follows. */
  public static final int DISPLAY = 0x0010;
  /** E: EmailAddress follows. */
  public static final int EMAIL = 0x0008;
  public static final int TYPE_MASK = 0x0007;
  /** O: a non-standard address type, named in AddressType (with Type NoType). */
  public static final int OTHER_ADDRESS_TYPE = 0x8000;
  /** I: SimpleDisplayName follows. */
  public static final int SIMPLE = 0x0400;
  /** U: the strings are UTF-16 with a 2-byte terminator, else 8-bit in the row's code page. */
  public static final int UNICODE = 0x0200;
  /** N: the recipient does not take rich text. */
  public static final int NON_RICH = 0x0100;

  /** The Type values of RecipientFlags. */
  public static final int NO_TYPE = 0x0;
  public static final int X500DN = 0x1;
  public static final int MS_MAIL = 0x2;
  public static final int SMTP = 0x3;
  public static final int FAX = 0x4;
  public static final int PROFESSIONAL_OFFICE_SYSTEM = 0x5;
  public static final int PERSONAL_DISTRIBUTION_LIST_1 = 0x6;
  public static final int PERSONAL_DISTRIBUTION_LIST_2 = 0x7;

  /** The 8-bit strings (X500DN, AddressType) are ASCII; one longer than a ROP buffer is corrupt. */
  private static final int MAX_ASCII_BYTES = 0xFFFF;

  public RecipientRow {
    properties = List.copyOf(properties);
    if (columnCount != properties.size()) {
      throw new IllegalArgumentException(properties.size() + " cells for a column count of " + columnCount);
    }
  }

  public int type() {
    return flags & TYPE_MASK;
  }

  public boolean unicode() {
    return (flags & UNICODE) != 0;
  }

  private boolean has(int flag) {
    return (flags & flag) != 0;
  }

  private boolean distributionList() {
    return type() == PERSONAL_DISTRIBUTION_LIST_1 || type() == PERSONAL_DISTRIBUTION_LIST_2;
  }

  private boolean namesAddressType() {
    return type() == NO_TYPE && has(OTHER_ADDRESS_TYPE);
  }

  /** Writes the row; {@code columns} are the enclosing response's RecipientColumns. */
  public void write(LittleEndianWriter out, int[] columns) {
    if (columnCount > columns.length) {
      throw new IllegalArgumentException(columnCount + " cells for " + columns.length + " recipient columns");
    }
    out.u16(flags);
    if (type() == X500DN) {
      out.u8(addressPrefixUsed).u8(displayType).asciiz(required(x500dn, "X500DN"));
    }
    if (distributionList()) {
      sized(out, required(entryId, "EntryID"));
      sized(out, required(searchKey, "SearchKey"));
    }
    if (namesAddressType()) {
      out.asciiz(required(addressType, "AddressType"));
    }
    string(out, EMAIL, emailAddress, "EmailAddress");
    string(out, DISPLAY, displayName, "DisplayName");
    string(out, SIMPLE, simpleDisplayName, "SimpleDisplayName");
    string(out, TRANSMITTABLE, transmittableDisplayName, "TransmittableDisplayName");
    out.u16(columnCount);
    PropertyRow.write(out, Arrays.copyOf(columns, columnCount), properties);
  }

  private void string(LittleEndianWriter out, int flag, String value, String what) {
    if (has(flag)) {
      PropertyValueCodec.write(out, unicode() ? 0x001F : 0x001E, required(value, what));
    }
  }

  private static void sized(LittleEndianWriter out, byte[] value) {
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException(value.length + " bytes do not fit a 16-bit size");
    }
    out.u16(value.length).bytes(value);
  }

  private static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("the RecipientFlags announce " + what + " but the row has none");
    }
    return value;
  }

  /** Reads a row whose RecipientProperties use (a prefix of) {@code columns}. */
  public static RecipientRow read(LittleEndianReader in, int[] columns, PropertyLimits limits)
      throws WireFormatException {
    int flags = in.u16("RecipientFlags");
    int type = flags & TYPE_MASK;
    boolean unicode = (flags & UNICODE) != 0;
    int prefix = 0;
    int displayType = 0;
    String x500dn = null;
    if (type == X500DN) {
      prefix = in.u8("AddressPrefixUsed");
      displayType = in.u8("DisplayType");
      x500dn = in.asciiz(Math.min(MAX_ASCII_BYTES, limits.maxStringBytes()), "X500DN");
    }
    byte[] entryId = null;
    byte[] searchKey = null;
    if (type == PERSONAL_DISTRIBUTION_LIST_1 || type == PERSONAL_DISTRIBUTION_LIST_2) {
      entryId = in.bytes(in.u16("EntryIdSize"), "EntryID");
      searchKey = in.bytes(in.u16("SearchKeySize"), "SearchKey");
    }
    String addressType = null;
    if (type == NO_TYPE && (flags & OTHER_ADDRESS_TYPE) != 0) {
      addressType = in.asciiz(Math.min(MAX_ASCII_BYTES, limits.maxStringBytes()), "AddressType");
    }
    String email = readString(in, flags, EMAIL, unicode, limits);
    String display = readString(in, flags, DISPLAY, unicode, limits);
    String simple = readString(in, flags, SIMPLE, unicode, limits);
    String transmittable = readString(in, flags, TRANSMITTABLE, unicode, limits);
    int columnCount = in.u16("RecipientColumnCount");
    if (columnCount > columns.length) {
      throw new WireFormatException(
          "RecipientColumnCount " + columnCount + " exceeds the " + columns.length + " RecipientColumns");
    }
    List<PropertyRow.Cell> cells = PropertyRow.read(in, Arrays.copyOf(columns, columnCount), limits);
    return new RecipientRow(flags, prefix, displayType, x500dn, entryId, searchKey, addressType, email, display,
        simple, transmittable, columnCount, cells);
  }

  private static String readString(LittleEndianReader in, int flags, int flag, boolean unicode, PropertyLimits limits)
      throws WireFormatException {
    if ((flags & flag) == 0) {
      return null;
    }
    return (String) PropertyValueCodec.read(in, unicode ? 0x001F : 0x001E, limits);
  }

  /** The row's bytes, for the RecipientRowSize that precedes it in the responses. */
  public byte[] encode(int[] columns) {
    LittleEndianWriter out = new LittleEndianWriter();
    write(out, columns);
    return out.toByteArray();
  }
}

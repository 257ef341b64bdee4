package io.convene.mapiclient.rop;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import java.util.Arrays;
import java.util.List;

/**
 * A recipient as RopOpenMessage (MS-OXCROPS 2.2.6.1.2, OpenRecipientRow) and RopReadRecipients
 * (2.2.6.6.2, ReadRecipientRow) return it: the row header fields and the RecipientRow of MS-OXCDATA
 * 2.8.3.2, whose RecipientFlags (2.8.3.1) say which of the standard fields are present. Fields the
 * flags leave out are null; {@code rowId} is -1 in an OpenRecipientRow, which has none.
 *
 * @param rowId RowId of a ReadRecipientRow, -1 for an OpenRecipientRow
 * @param recipientType 1 To, 2 Cc, 3 Bcc (PidTagRecipientType's low byte)
 * @param codePageId the code page of the row's 8-bit strings
 * @param flags the RecipientFlags
 * @param x500dn the DN, for Type X500DN (0x1)
 * @param displayType PidTagDisplayType, for Type X500DN
 * @param entryId for the personal distribution list Types (0x6, 0x7)
 * @param searchKey for the personal distribution list Types
 * @param addressType for Type NoType with the O bit
 * @param emailAddress with the E bit
 * @param displayName with the D bit
 * @param simpleDisplayName with the I bit
 * @param transmittableDisplayName with the T bit; the display name when the S bit is set
 * @param properties the RecipientProperties, one per carried RecipientColumn
 */
public record RecipientRow(
    long rowId,
    int recipientType,
    int codePageId,
    int flags,
    String x500dn,
    Integer displayType,
    byte[] entryId,
    byte[] searchKey,
    String addressType,
    String emailAddress,
    String displayName,
    String simpleDisplayName,
    String transmittableDisplayName,
    List<PropertyValue> properties) {

  /** The Type field, RecipientFlags' low three bits. */
  public static final int TYPE_NONE = 0x0;
  public static final int TYPE_X500DN = 0x1;
  public static final int TYPE_SMTP = 0x3;
  public static final int TYPE_PERSONAL_DISTRIBUTION_LIST_1 = 0x6;
  public static final int TYPE_PERSONAL_DISTRIBUTION_LIST_2 = 0x7;

  /** RecipientFlags bits as the little-endian 16-bit value shows them. */
  public static final int FLAG_R = 0x0080;
  public static final int FLAG_S = 0x0040;
  public static final int FLAG_T = 0x0020;
  public static final int FLAG_D = 0x0010;
  public static final int FLAG_E = 0x0008;
  public static final int FLAG_O = 0x8000;
  public static final int FLAG_I = 0x0400;
  public static final int FLAG_U = 0x0200;
  public static final int FLAG_N = 0x0100;

  public int type() {
    return flags & 0x7;
  }

  /** The property of the RecipientProperties with this tag, if the row carries it. */
  public PropertyValue property(int tag) {
    return properties.stream().filter(p -> p.tag() == tag).findFirst().orElse(null);
  }

  /** An OpenRecipientRow: RecipientType, CodePageId, Reserved, RecipientRowSize, RecipientRow. */
  static RecipientRow readOpenRow(WireReader in, int[] columns) throws MapiWireException {
    return readHeaded(in, -1, columns);
  }

  /** A ReadRecipientRow: RowId, then the OpenRecipientRow fields. */
  static RecipientRow readReadRow(WireReader in, int[] columns) throws MapiWireException {
    long rowId = in.i32("RowId") & 0xffffffffL;
    return readHeaded(in, rowId, columns);
  }

  private static RecipientRow readHeaded(WireReader in, long rowId, int[] columns) throws MapiWireException {
    int recipientType = in.u8("RecipientType");
    int codePage = in.u16("CodePageId");
    in.u16("Reserved");
    int size = in.u16("RecipientRowSize");
    WireReader row = new WireReader(in.bytes(size, "RecipientRow"));
    RecipientRow decoded = read(row, rowId, recipientType, codePage, columns);
    if (row.remaining() != 0) {
      throw new MapiWireException("RecipientRowSize " + size + " leaves " + row.remaining() + " bytes unread");
    }
    return decoded;
  }

  /** The RecipientRow structure (MS-OXCDATA 2.8.3.2) itself. */
  public static RecipientRow read(WireReader in, long rowId, int recipientType, int codePage, int[] columns)
      throws MapiWireException {
    int flags = in.u16("RecipientFlags");
    int type = flags & 0x7;
    boolean unicode = (flags & FLAG_U) != 0;
    String x500dn = null;
    Integer displayType = null;
    if (type == TYPE_X500DN) {
      in.u8("AddressPrefixUsed");
      displayType = in.u8("DisplayType");
      x500dn = in.asciiz("X500DN");
    }
    byte[] entryId = null;
    byte[] searchKey = null;
    if (type == TYPE_PERSONAL_DISTRIBUTION_LIST_1 || type == TYPE_PERSONAL_DISTRIBUTION_LIST_2) {
      entryId = in.bytes(in.u16("EntryIdSize"), "EntryID");
      searchKey = in.bytes(in.u16("SearchKeySize"), "SearchKey");
    }
    String addressType = type == TYPE_NONE && (flags & FLAG_O) != 0 ? in.asciiz("AddressType") : null;
    String email = (flags & FLAG_E) != 0 ? string(in, unicode, "EmailAddress") : null;
    String display = (flags & FLAG_D) != 0 ? string(in, unicode, "DisplayName") : null;
    String simple = (flags & FLAG_I) != 0 ? string(in, unicode, "SimpleDisplayName") : null;
    String transmittable = (flags & FLAG_T) != 0 ? string(in, unicode, "TransmittableDisplayName") : null;
    if ((flags & FLAG_S) != 0 && transmittable == null) {
      transmittable = display;
    }
    int columnCount = in.u16("RecipientColumnCount");
    if (columnCount > columns.length) {
      throw new MapiWireException("RecipientColumnCount " + columnCount + " beyond " + columns.length + " RecipientColumns");
    }
    List<PropertyValue> properties = PropertyValueCodec.readRow(in, Arrays.copyOf(columns, columnCount));
    return new RecipientRow(rowId, recipientType, codePage, flags, x500dn, displayType, entryId, searchKey, addressType,
        email, display, simple, transmittable, List.copyOf(properties));
  }

  private static String string(WireReader in, boolean unicode, String what) throws MapiWireException {
    return unicode ? in.utf16z(what) : in.asciiz(what);
  }
}

package io.convene.mapi.rop.message;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.PropertyValueCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the recipient rows the store keeps (MS-OXCMSG 2.2.1.1) into {@link RecipientRow}s. The
 * Type follows PidTagAddressType: EX becomes X500DN with the legacy DN, SMTP becomes SMTP, any other
 * type is NoType with the O bit and the type named, and a row without one (unresolved) is NoType.
 * Strings go out as UTF-16 (the U bit). The properties the standard fields or the row headers
 * already carry are left out of the RecipientColumns; the rest, the union over all rows in
 * property id order, follow as the RecipientProperties. The columns are computed from all rows of the message,
 * so OpenMessage and a later ReadRecipients from any RowId name the same ones.
 */
public final class RecipientRows {

  public static final int RECIPIENT_TYPE = 0x0C15;
  public static final int ROW_ID = 0x3000;
  public static final int DISPLAY_NAME = 0x3001;
  public static final int ADDRESS_TYPE = 0x3002;
  public static final int EMAIL_ADDRESS = 0x3003;
  public static final int DISPLAY_TYPE = 0x3900;
  public static final int SMTP_ADDRESS = 0x39FE;
  /** PidTagAddressBookDisplayNamePrintable: the SimpleDisplayName field. */
  public static final int SIMPLE_DISPLAY_NAME = 0x39FF;
  public static final int TRANSMITTABLE_DISPLAY_NAME = 0x3A20;
  public static final int SEND_RICH_INFO = 0x3A40;
  public static final int RESPONSIBILITY = 0x0E0F;

  /** Properties the RecipientRow fields or the OpenRecipientRow/ReadRecipientRow headers carry. */
  private static final Set<Integer> CARRIED = Set.of(RECIPIENT_TYPE, ROW_ID, DISPLAY_NAME, ADDRESS_TYPE,
      EMAIL_ADDRESS, SIMPLE_DISPLAY_NAME, TRANSMITTABLE_DISPLAY_NAME, SEND_RICH_INFO, RESPONSIBILITY);

  /** PtypUnspecified, PtypNull and the restriction/rule types have no value in a PropertyRow. */
  private static final Set<PropType> NOT_IN_ROWS =
      Set.of(PropType.PT_UNSPECIFIED, PropType.PT_NULL, PropType.PT_SRESTRICT, PropType.PT_ACTIONS);

  /** ecNotFound for a column the row has no value for, as in table rows. */
  static final int NOT_FOUND = 0x8004010F;
  /** ecTooBig for a value a 16-bit size cannot hold. */
  static final int TOO_BIG = 0x80040305;

  /** The CodePageId of the rows: CP_WINUNICODE, since every string is written as UTF-16. */
  public static final int CODE_PAGE = 1200;

  private RecipientRows() {}

  /** The RecipientColumns for a message's recipients. */
  public static int[] columns(List<Map<PropTag, PropValue>> recipients) {
    // one column per id; rows holding an id with different types share the first type met in row
    // and tag order, except that a Unicode string beats an 8-bit one (each row's value fits it)
    Map<Integer, PropTag> byId = new TreeMap<>();
    for (Map<PropTag, PropValue> recipient : recipients) {
      for (PropTag tag : new TreeSet<>(recipient.keySet())) {
        if (CARRIED.contains(tag.id()) || NOT_IN_ROWS.contains(tag.type())) {
          continue;
        }
        PropTag known = byId.putIfAbsent(tag.id(), tag);
        if (known != null && known.type() == PropType.PT_STRING8 && tag.type() == PropType.PT_UNICODE) {
          byId.put(tag.id(), tag);
        }
      }
    }
    return byId.values().stream().mapToInt(PropTag::tag).toArray();
  }

  /** The RecipientType byte of the row headers: PidTagRecipientType without its resend flags. */
  public static int recipientType(Map<PropTag, PropValue> recipient) {
    return integer(recipient, RECIPIENT_TYPE).orElse(0) & 0xFF;
  }

  /** PidTagRowid as the store numbers the rows, else the row's position. */
  public static long rowId(Map<PropTag, PropValue> recipient, int position) {
    return integer(recipient, ROW_ID).map(id -> id & 0xffffffffL).orElse((long) position);
  }

  public static RecipientRow of(Map<PropTag, PropValue> recipient, int[] columns) {
    int flags = RecipientRow.UNICODE;
    String addressType = string(recipient, ADDRESS_TYPE);
    String email = string(recipient, EMAIL_ADDRESS);
    int prefixUsed = 0;
    int displayType = 0;
    String x500dn = null;
    String otherType = null;
    if ("EX".equalsIgnoreCase(addressType) && email != null && printableAscii(email)) {
      flags |= RecipientRow.X500DN;
      displayType = integer(recipient, DISPLAY_TYPE).orElse(0) & 0xFF;
      x500dn = email; // no prefix shared with the logon's DN is assumed: AddressPrefixUsed 0
      email = null;
    } else if ("SMTP".equalsIgnoreCase(addressType)) {
      flags |= RecipientRow.SMTP;
      if (email == null) {
        email = string(recipient, SMTP_ADDRESS);
      }
    } else if (addressType != null && !addressType.isEmpty() && printableAscii(addressType)) {
      flags |= RecipientRow.NO_TYPE | RecipientRow.OTHER_ADDRESS_TYPE;
      otherType = addressType;
    }
    if (email != null) {
      flags |= RecipientRow.EMAIL;
    }
    String display = string(recipient, DISPLAY_NAME);
    if (display != null) {
      flags |= RecipientRow.DISPLAY;
    }
    String simple = string(recipient, SIMPLE_DISPLAY_NAME);
    if (simple != null) {
      flags |= RecipientRow.SIMPLE;
    }
    String transmittable = string(recipient, TRANSMITTABLE_DISPLAY_NAME);
    if (transmittable != null && transmittable.equals(display)) {
      flags |= RecipientRow.SAME;
      transmittable = null;
    } else if (transmittable != null) {
      flags |= RecipientRow.TRANSMITTABLE;
    }
    if (bool(recipient, RESPONSIBILITY, false)) {
      flags |= RecipientRow.RESPONSIBLE;
    }
    if (!bool(recipient, SEND_RICH_INFO, true)) {
      flags |= RecipientRow.NON_RICH;
    }
    return new RecipientRow(flags, prefixUsed, displayType, x500dn, null, null, otherType, email, display, simple,
        transmittable, columns.length, cells(recipient, columns));
  }

  private static List<PropertyRow.Cell> cells(Map<PropTag, PropValue> recipient, int[] columns) {
    List<PropertyRow.Cell> cells = new ArrayList<>(columns.length);
    for (int column : columns) {
      PropValue value = recipient.get(PropTag.of(column));
      if (value == null && (column & 0xFFFF) == PropType.PT_UNICODE.code()) {
        value = recipient.get(PropTag.of(column >>> 16, PropType.PT_STRING8));
      }
      if (value == null) {
        cells.add(new PropertyRow.Error(NOT_FOUND));
      } else if (!fits(column & 0xFFFF, value.value())) {
        cells.add(new PropertyRow.Error(TOO_BIG));
      } else {
        cells.add(new PropertyRow.Value(column & 0xFFFF, value.value()));
      }
    }
    return cells;
  }

  private static boolean fits(int typeCode, Object value) {
    try {
      return PropertyValueCodec.size(typeCode, value) <= 0xFFFF;
    } catch (IllegalArgumentException tooLong) {
      return false;
    }
  }

  /** The OpenRecipientRow/ReadRecipientRow tail: RecipientType, CodePageId, Reserved, size, row. */
  static void writeHeadedRow(LittleEndianWriter out, int recipientType, byte[] row) {
    out.u8(recipientType).u16(CODE_PAGE).u16(0).u16(row.length).bytes(row);
  }

  private static boolean printableAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
  }

  private static String string(Map<PropTag, PropValue> recipient, int id) {
    PropValue value = recipient.get(PropTag.of(id, PropType.PT_UNICODE));
    if (value == null) {
      value = recipient.get(PropTag.of(id, PropType.PT_STRING8));
    }
    if (value == null) {
      return null;
    }
    // the fields end at their first NUL, so a stored NUL would cut the rest of the row apart
    String text = value.asString();
    int nul = text.indexOf('\0');
    return nul < 0 ? text : text.substring(0, nul);
  }

  private static java.util.Optional<Integer> integer(Map<PropTag, PropValue> recipient, int id) {
    PropValue value = recipient.get(PropTag.of(id, PropType.PT_LONG));
    return value == null ? java.util.Optional.empty() : java.util.Optional.of(value.asInt());
  }

  private static boolean bool(Map<PropTag, PropValue> recipient, int id, boolean absent) {
    PropValue value = recipient.get(PropTag.of(id, PropType.PT_BOOLEAN));
    return value == null ? absent : value.asBoolean();
  }
}

package io.convene.mapi.rop.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.testing.SpecFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RecipientRow (MS-OXCDATA 2.8.3), the recipient part of RopOpenMessage (MS-OXCROPS 2.2.6.1.2) and
 * RopReadRecipients (MS-OXCROPS 2.2.6.6) against fixtures built field by field from the structure
 * tables: the specifications print no bytes of these structures in their examples (searched:
 * MS-OXCMSG section 4, MS-OXCROPS, MS-OXCDATA), so each fixture's header names the fields it holds.
 */
class RecipientRowExamplesTest {

  /** The RecipientColumns of the fixtures: PidTagDisplayType, PidTagSmtpAddress, PidTagRecipientFlags. */
  static final int[] COLUMNS = {0x39000003, 0x39FE001F, 0x5FFD0003};

  static final PropTag RECIPIENT_TYPE = PropTag.of(0x0C15, PropType.PT_LONG);
  static final PropTag ROW_ID = PropTag.of(0x3000, PropType.PT_LONG);
  static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  static final PropTag ADDRESS_TYPE = PropTag.of(0x3002, PropType.PT_UNICODE);
  static final PropTag EMAIL_ADDRESS = PropTag.of(0x3003, PropType.PT_UNICODE);
  static final PropTag DISPLAY_TYPE = PropTag.of(0x3900, PropType.PT_LONG);
  static final PropTag SMTP_ADDRESS = PropTag.of(0x39FE, PropType.PT_UNICODE);
  static final PropTag TRANSMITTABLE_DISPLAY_NAME = PropTag.of(0x3A20, PropType.PT_UNICODE);
  static final PropTag RECIPIENT_FLAGS = PropTag.of(0x5FFD, PropType.PT_LONG);

  /** The three recipients of the fixtures as the store keeps them. */
  static List<Map<PropTag, PropValue>> storedRecipients() {
    return List.of(
        bag(PropValue.ofInt(RECIPIENT_TYPE, 1), PropValue.ofInt(ROW_ID, 0), PropValue.ofString(DISPLAY_NAME, "Bob"),
            PropValue.ofString(ADDRESS_TYPE, "EX"), PropValue.ofString(EMAIL_ADDRESS, "/o=C/cn=bob"),
            PropValue.ofInt(DISPLAY_TYPE, 0), PropValue.ofString(TRANSMITTABLE_DISPLAY_NAME, "Bob"),
            PropValue.ofInt(RECIPIENT_FLAGS, 1), PropValue.ofString(SMTP_ADDRESS, "b@c")),
        bag(PropValue.ofInt(RECIPIENT_TYPE, 2), PropValue.ofInt(ROW_ID, 1), PropValue.ofString(DISPLAY_NAME, "Eve"),
            PropValue.ofString(ADDRESS_TYPE, "SMTP"), PropValue.ofString(EMAIL_ADDRESS, "e@x"),
            PropValue.ofString(SMTP_ADDRESS, "e@x"), PropValue.ofInt(RECIPIENT_FLAGS, 1)),
        bag(PropValue.ofInt(RECIPIENT_TYPE, 3), PropValue.ofInt(ROW_ID, 2), PropValue.ofString(DISPLAY_NAME, "Zed"),
            PropValue.ofString(ADDRESS_TYPE, "X400"), PropValue.ofString(EMAIL_ADDRESS, "s=z")));
  }

  static Map<PropTag, PropValue> bag(PropValue... values) {
    Map<PropTag, PropValue> bag = new LinkedHashMap<>();
    for (PropValue value : values) {
      bag.put(value.tag(), value);
    }
    return bag;
  }

  @Test
  void columnsLeaveOutWhatTheStandardFieldsCarry() {
    assertThat(RecipientRows.columns(storedRecipients())).containsExactly(COLUMNS);
  }

  @Test
  void anIdStoredAsBothStringTypesGetsOneUnicodeColumn() {
    PropTag narrow = PropTag.of(0x3A0F, PropType.PT_STRING8);
    PropTag wide = PropTag.of(0x3A0F, PropType.PT_UNICODE);
    List<Map<PropTag, PropValue>> recipients = List.of(
        bag(PropValue.ofString(narrow, "mhs-a")), bag(PropValue.ofString(wide, "mhs-b")), bag());
    int[] columns = RecipientRows.columns(recipients);
    assertThat(columns).containsExactly(wide.tag());
    assertThat(RecipientRows.of(recipients.get(0), columns).properties())
        .containsExactly(new PropertyRow.Value(0x001F, "mhs-a"));
    assertThat(RecipientRows.of(recipients.get(2), columns).properties())
        .containsExactly(new PropertyRow.Error(0x8004010F));
  }

  @Test
  void x500dnRowOfSection2832() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcdata/2.8.3.2-recipientrow-x500dn.hex");
    RecipientRow row = decode(bytes);
    assertThat(row.type()).isEqualTo(RecipientRow.X500DN);
    assertThat(row.flags()).isEqualTo(RecipientRow.X500DN | RecipientRow.DISPLAY | RecipientRow.SAME | RecipientRow.UNICODE);
    assertThat(row.addressPrefixUsed()).isZero();
    assertThat(row.displayType()).isZero();
    assertThat(row.x500dn()).isEqualTo("/o=C/cn=bob");
    assertThat(row.emailAddress()).isNull();
    assertThat(row.displayName()).isEqualTo("Bob");
    assertThat(row.transmittableDisplayName()).isNull();
    assertThat(row.properties()).containsExactly(new PropertyRow.Value(0x0003, 0), new PropertyRow.Value(0x001F, "b@c"),
        new PropertyRow.Value(0x0003, 1));
    assertThat(row.encode(COLUMNS)).isEqualTo(bytes);
    assertThat(RecipientRows.of(storedRecipients().get(0), COLUMNS).encode(COLUMNS)).isEqualTo(bytes);
  }

  @Test
  void smtpRowOfSection2832() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcdata/2.8.3.2-recipientrow-smtp.hex");
    RecipientRow row = decode(bytes);
    assertThat(row.type()).isEqualTo(RecipientRow.SMTP);
    assertThat(row.x500dn()).isNull();
    assertThat(row.emailAddress()).isEqualTo("e@x");
    assertThat(row.displayName()).isEqualTo("Eve");
    assertThat(row.properties()).containsExactly(new PropertyRow.Error(0x8004010F),
        new PropertyRow.Value(0x001F, "e@x"), new PropertyRow.Value(0x0003, 1));
    assertThat(row.encode(COLUMNS)).isEqualTo(bytes);
    assertThat(RecipientRows.of(storedRecipients().get(1), COLUMNS).encode(COLUMNS)).isEqualTo(bytes);
  }

  @Test
  void noTypeRowNamesItsAddressType() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcdata/2.8.3.2-recipientrow-notype.hex");
    RecipientRow row = decode(bytes);
    assertThat(row.type()).isEqualTo(RecipientRow.NO_TYPE);
    assertThat(row.flags() & RecipientRow.OTHER_ADDRESS_TYPE).isNotZero();
    assertThat(row.addressType()).isEqualTo("X400");
    assertThat(row.emailAddress()).isEqualTo("s=z");
    assertThat(row.displayName()).isEqualTo("Zed");
    assertThat(row.encode(COLUMNS)).isEqualTo(bytes);
    assertThat(RecipientRows.of(storedRecipients().get(2), COLUMNS).encode(COLUMNS)).isEqualTo(bytes);
  }

  @Test
  void openMessageResponseWithRecipientRows() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcrops/2.2.6.1.2-ropopenmessage-response-recipients.hex");
    LittleEndianWriter out = new LittleEndianWriter();
    out.u8(MessageRops.OPEN_MESSAGE).u8(1).u32(ErrorCodes.SUCCESS).u8(0);
    MessageRops.typedString(out, Optional.empty());
    MessageRops.typedString(out, Optional.of(PropValue.ofString(MessageRops.NORMALIZED_SUBJECT, "Hi")));
    int rows = OpenMessageRecipients.write(out, storedRecipients(), 0x8000);
    assertThat(rows).isEqualTo(3);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void openMessageKeepsTheRowsThatDoNotFitForReadRecipients() {
    byte[] full = SpecFixtures.hex("ms-oxcrops/2.2.6.1.2-ropopenmessage-response-recipients.hex");
    int headerBytes = 1 + 1 + 4 + 1 + 1 + 1 + 6; // up to and with the subject parts
    int partBytes = full.length - headerBytes;
    int lastRow = 7 + SpecFixtures.hex("ms-oxcdata/2.8.3.2-recipientrow-notype.hex").length;
    LittleEndianWriter out = new LittleEndianWriter();
    assertThat(OpenMessageRecipients.write(out, storedRecipients(), partBytes - 1)).isEqualTo(2);
    byte[] part = out.toByteArray();
    assertThat(part.length).isEqualTo(partBytes - lastRow);
    assertThat(part[2 + 2 + 12]).isEqualTo((byte) 2); // RowCount
    assertThat(part[0]).isEqualTo((byte) 3); // RecipientCount still counts every recipient
  }

  @Test
  void readRecipientsRequestOfSection22661() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcrops/2.2.6.6.1-ropreadrecipients-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    ReadRecipients.Request request = ReadRecipients.Request.decode(
        new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex")), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header()).isEqualTo(new RopHeader(0x0F, 0, 1));
    assertThat(request.rowId()).isEqualTo(1);
    assertThat(request.reserved()).isZero();
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void readRecipientsResponseOfSection22662() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcrops/2.2.6.6.2-ropreadrecipients-response.hex");
    assertThat(ReadRecipients.response(1, storedRecipients(), 1, 0x8000)).isEqualTo(bytes);

    LittleEndianReader in = new LittleEndianReader(bytes);
    in.skip(6, "RopId, InputHandleIndex, ReturnValue");
    assertThat(in.u8("RowCount")).isEqualTo(2);
    for (int rowId = 1; rowId <= 2; rowId++) {
      assertThat(in.u32("RowId")).isEqualTo(rowId);
      assertThat(in.u8("RecipientType")).isEqualTo(rowId + 1);
      assertThat(in.u16("CodePageId")).isEqualTo(RecipientRows.CODE_PAGE);
      assertThat(in.u16("Reserved")).isZero();
      int size = in.u16("RecipientRowSize");
      int start = in.position();
      RecipientRow.read(in, COLUMNS, PropertyLimits.ROP);
      assertThat(in.position() - start).isEqualTo(size);
    }
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void readRecipientsWithoutRoomForOneRowIsBufferTooSmall() {
    assertThatThrownBy(() -> ReadRecipients.response(1, storedRecipients(), 0, 20))
        .isInstanceOfSatisfying(RopException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.BUFFER_TOO_SMALL));
  }

  @Test
  void decoderRefusesMoreColumnsThanTheResponseNamed() {
    byte[] bytes = SpecFixtures.hex("ms-oxcdata/2.8.3.2-recipientrow-smtp.hex");
    assertThatThrownBy(() -> RecipientRow.read(new LittleEndianReader(bytes), new int[] {0x39000003}, PropertyLimits.ROP))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("RecipientColumnCount 3");
  }

  @Test
  void distributionListRowCarriesEntryIdAndSearchKey() throws Exception {
    RecipientRow row = new RecipientRow(RecipientRow.PERSONAL_DISTRIBUTION_LIST_1 | RecipientRow.DISPLAY
        | RecipientRow.UNICODE, 0, 0, null, new byte[] {1, 2}, new byte[] {3}, null, null, "List", null, null, 0,
        List.of());
    byte[] bytes = row.encode(COLUMNS);
    // RecipientFlags, EntryIdSize 2, EntryID, SearchKeySize 1, SearchKey, DisplayName, RecipientColumnCount 0, Flag 0
    assertThat(bytes).isEqualTo(SpecFixtures.parseHex(
        "16 02 02 00 01 02 01 00 03 4C 00 69 00 73 00 74 00 00 00 00 00 00"));
    RecipientRow back = RecipientRow.read(new LittleEndianReader(bytes), COLUMNS, PropertyLimits.ROP);
    assertThat(back.entryId()).containsExactly(1, 2);
    assertThat(back.searchKey()).containsExactly(3);
    assertThat(back.displayName()).isEqualTo("List");
  }

  private static RecipientRow decode(byte[] bytes) throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(bytes);
    RecipientRow row = RecipientRow.read(in, COLUMNS, PropertyLimits.ROP);
    assertThat(in.hasRemaining()).isFalse();
    return row;
  }
}

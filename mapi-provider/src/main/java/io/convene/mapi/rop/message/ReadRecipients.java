package io.convene.mapi.rop.message;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.rop.objects.MessageObject;
import io.convene.mapi.rop.store.StoreErrors;
import java.util.List;
import java.util.Map;

/**
 * RopReadRecipients (MS-OXCROPS 2.2.6.6, MS-OXCMSG 2.2.3.6, 3.2.5.6): the recipients of an open
 * message from the row with PidTagRowid RowId on (RowId 0: from the first row), as many as fit the
 * response. The rows are read from the store at the call, with the RecipientColumns OpenMessage
 * named. ecNotFound when the message has no recipients or no row has that RowId, ecBufferTooSmall
 * when not even one row fits, ecNullObject when the input is not a message.
 */
public final class ReadRecipients {

  public static final int ROP_ID = 0x0F;
  /** RopId, InputHandleIndex, ReturnValue, RowCount. */
  static final int HEADER_SIZE = 7;
  /** RowCount is one byte. */
  static final int MAX_ROWS = 0xFF;

  private ReadRecipients() {}

  /** The request (MS-OXCROPS 2.2.6.6.1): RowId and two reserved bytes after the header. */
  public record Request(RopHeader header, long rowId, int reserved) implements RopRequest {

    public static Request decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      long rowId = in.u32("RowId");
      return new Request(header, rowId, in.u16("Reserved"));
    }

    public void write(LittleEndianWriter out) {
      out.u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex());
      out.u32(rowId).u16(reserved);
    }
  }

  static void handle(Request request, RopCall call) throws RopException {
    Object input = call.inputObject();
    if (!(input instanceof MessageObject message)) {
      throw new RopException(ErrorCodes.NULL_OBJECT, "ReadRecipients on a " + input.getClass().getSimpleName());
    }
    List<Map<PropTag, PropValue>> recipients;
    try {
      recipients = message.logon().mailbox().recipients(message.id());
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    int first = firstRow(recipients, request.rowId());
    call.out().bytes(response(request.header().inputHandleIndex(), recipients, first, call.remainingOutput()));
  }

  /**
   * The success response (MS-OXCROPS 2.2.6.6.2) with the rows from {@code first} on that fit in
   * {@code room} bytes.
   */
  static byte[] response(int inputHandleIndex, List<Map<PropTag, PropValue>> recipients, int first, int room)
      throws RopException {
    int[] columns = RecipientRows.columns(recipients);
    LittleEndianWriter rows = new LittleEndianWriter();
    int count = 0;
    for (int i = first; i < recipients.size() && count < MAX_ROWS; i++) {
      Map<PropTag, PropValue> recipient = recipients.get(i);
      byte[] row = RecipientRows.of(recipient, columns).encode(columns);
      if (HEADER_SIZE + rows.size() + 4 + 7 + row.length > room || row.length > 0xFFFF) {
        break;
      }
      rows.u32(RecipientRows.rowId(recipient, i));
      RecipientRows.writeHeadedRow(rows, RecipientRows.recipientType(recipient), row);
      count++;
    }
    if (count == 0) {
      throw new RopException(ErrorCodes.BUFFER_TOO_SMALL, "recipient row " + first + " does not fit in " + room
          + " bytes");
    }
    LittleEndianWriter out = new LittleEndianWriter(HEADER_SIZE + rows.size());
    out.u8(ROP_ID).u8(inputHandleIndex).u32(ErrorCodes.SUCCESS);
    out.u8(count).bytes(rows.toByteArray());
    return out.toByteArray();
  }

  private static int firstRow(List<Map<PropTag, PropValue>> recipients, long rowId) throws RopException {
    if (recipients.isEmpty()) {
      throw new RopException(StoreErrors.NOT_FOUND, "the message has no recipients");
    }
    if (rowId == 0) {
      return 0;
    }
    for (int i = 0; i < recipients.size(); i++) {
      if (RecipientRows.rowId(recipients.get(i), i) == rowId) {
        return i;
      }
    }
    throw new RopException(StoreErrors.NOT_FOUND, "no recipient row " + rowId);
  }
}

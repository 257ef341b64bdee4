package io.convene.mapi.rop.message;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.mapi.codec.LittleEndianWriter;
import java.util.List;
import java.util.Map;

/**
 * The recipient part of the RopOpenMessage response (MS-OXCROPS 2.2.6.1.2): RecipientCount,
 * ColumnCount, RecipientColumns, RowCount and the OpenRecipientRow array. It holds as many rows,
 * from the first, as fit the room the response has (and RowCount's one byte); the client reads the
 * rest with RopReadRecipients (MS-OXCMSG 3.1.5.6). When not even the columns fit, no rows go out
 * and the response is as long as it must be, which the engine answers with RopBufferTooSmall.
 */
final class OpenMessageRecipients {

  /** RowCount is one byte. */
  static final int MAX_ROWS = 0xFF;

  private OpenMessageRecipients() {}

  /**
   * Writes the part for {@code recipients} with at most {@code room} bytes for it.
   *
   * @return the number of rows written
   */
  static int write(LittleEndianWriter out, List<Map<PropTag, PropValue>> recipients, int room) {
    int[] columns = RecipientRows.columns(recipients);
    out.u16(Math.min(recipients.size(), 0xFFFF)).u16(columns.length);
    for (int column : columns) {
      out.u32(column & 0xffffffffL);
    }
    int used = 2 + 2 + 4 * columns.length + 1;
    LittleEndianWriter rows = new LittleEndianWriter();
    int count = 0;
    for (Map<PropTag, PropValue> recipient : recipients) {
      if (count == MAX_ROWS) {
        break;
      }
      byte[] row = RecipientRows.of(recipient, columns).encode(columns);
      int size = 1 + 2 + 2 + 2 + row.length;
      if (used + size > room || row.length > 0xFFFF) {
        break;
      }
      RecipientRows.writeHeadedRow(rows, RecipientRows.recipientType(recipient), row);
      used += size;
      count++;
    }
    out.u8(count).bytes(rows.toByteArray());
    return count;
  }
}

package io.convene.mapi.rop.store;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The success responses of RopGetReceiveFolder and RopGetReceiveFolderTable after RopId,
 * InputHandleIndex and ReturnValue (MS-OXCROPS 2.2.3.2.2, 2.2.3.4.2; MS-OXCSTOR 2.2.1.2.2,
 * 2.2.1.4.2).
 */
public final class ReceiveFolderResponses {

  /** The table's columns, in the order MS-OXCSTOR 2.2.1.4.2 prescribes. */
  public static final int[] TABLE_COLUMNS = {
    0x67480014, // PidTagFolderId
    0x001A001E, // PidTagMessageClass, PtypString8
    0x30080040, // PidTagLastModificationTime
  };

  /** Rows of a table: each takes at least its flag byte, so more rows than bytes left is a lie. */
  private static final int MAX_ROWS = 4096;

  private ReceiveFolderResponses() {}

  /** RopGetReceiveFolder: the folder and the class whose entry matched. */
  public record ReceiveFolderResponse(long folderId, String explicitMessageClass) {

    public void write(LittleEndianWriter out) {
      StoreRops.u64(out, folderId);
      out.asciiz(explicitMessageClass);
    }

    public static ReceiveFolderResponse read(LittleEndianReader in) throws WireFormatException {
      long id = StoreRequests.u64(in, "FolderId");
      return new ReceiveFolderResponse(id, in.asciiz(StoreRequests.MAX_MESSAGE_CLASS, "ExplicitMessageClass"));
    }
  }

  /** One row of RopGetReceiveFolderTable. */
  public record Row(long folderId, String messageClass, Instant lastModified) {}

  /** RopGetReceiveFolderTable: RowCount and StandardPropertyRows. */
  public static void writeTable(LittleEndianWriter out, List<Row> rows) {
    out.u32(rows.size());
    for (Row row : rows) {
      PropertyRow.write(out, TABLE_COLUMNS, List.of(new PropertyRow.Value(0x0014, row.folderId()),
          new PropertyRow.Value(0x001E, row.messageClass()), new PropertyRow.Value(0x0040, row.lastModified())));
    }
  }

  public static List<Row> readTable(LittleEndianReader in) throws WireFormatException {
    int count = in.count32("RowCount", MAX_ROWS);
    if (count > in.remaining()) {
      throw new WireFormatException("RowCount " + count + " with " + in.remaining() + " bytes left");
    }
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<PropertyRow.Cell> cells = PropertyRow.read(in, TABLE_COLUMNS, PropertyLimits.ROP);
      if (!(cells.get(0) instanceof PropertyRow.Value id) || !(cells.get(1) instanceof PropertyRow.Value messageClass)
          || !(cells.get(2) instanceof PropertyRow.Value modified)) {
        throw new WireFormatException("receive folder row " + i + " lacks a value");
      }
      rows.add(new Row((Long) id.value(), (String) messageClass.value(), (Instant) modified.value()));
    }
    return rows;
  }
}

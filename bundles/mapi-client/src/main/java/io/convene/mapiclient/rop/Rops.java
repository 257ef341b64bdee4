package io.convene.mapiclient.rop;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ROPs the client sends, each written from its MS-OXCROPS request table and decoding its
 * success response table. Handle indexes are slots of the {@link RopBatch} the ROP goes into.
 */
public final class Rops {

  /** Bounds rows and tags decoded from one response. */
  public static final int MAX_ROWS = 0x10000;

  private Rops() {}

  // ---- MS-OXCROPS 2.2.3.1 RopLogon (MS-OXCSTOR 2.2.1.1) ----

  public static final int LOGON_FLAG_PRIVATE = 0x01;
  /**
   * OpenFlags (MS-OXCSTOR 2.2.1.1.1) USE_PER_MDB_REPLID_MAPPING 0x01000000 | NO_MAIL 0x400 |
   * TAKE_OWNERSHIP 0x8 | HOME_LOGON 0x4, as Outlook sends them for its own mailbox; never PUBLIC 0x2.
   */
  public static final int OPEN_FLAGS_HOME = 0x01000000 | 0x00000400 | 0x00000008 | 0x00000004;

  /** The private-mailbox success response; FolderIds in MS-OXCSTOR 2.2.1.1.3 order (Root first, IPM subtree at 3). */
  public record LogonResponse(
      int logonFlags, long[] folderIds, int responseFlags, byte[] mailboxGuid, int replId, byte[] replGuid,
      byte[] logonTime, long gwartTime, int storeState) {
    public static final int ROOT = 0;
    public static final int IPM_SUBTREE = 3;
    public static final int INBOX = 4;
  }

  public static Rop<LogonResponse> logon(int logonId, int outputSlot, int openFlags, String essdn) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0xFE;
      }

      @Override public void writeRequest(WireWriter out) {
        byte[] dn = essdn.getBytes(StandardCharsets.US_ASCII);
        out.u8(0xFE).u8(logonId).u8(outputSlot).u8(LOGON_FLAG_PRIVATE).i32(openFlags).i32(0);
        if (dn.length == 0) {
          out.u16(0);
        } else {
          out.u16(dn.length + 1).bytes(dn).u8(0);
        }
      }

      @Override public LogonResponse readResponse(WireReader in) throws MapiWireException {
        int logonFlags = in.u8("LogonFlags");
        if ((logonFlags & LOGON_FLAG_PRIVATE) == 0) {
          throw new MapiWireException("RopLogon: public folder logon responses are not read by this client");
        }
        long[] folders = new long[13];
        for (int i = 0; i < folders.length; i++) {
          folders[i] = in.i64("FolderIds");
        }
        int responseFlags = in.u8("ResponseFlags");
        byte[] mailboxGuid = in.bytes(16, "MailboxGuid");
        int replId = in.u16("ReplId");
        byte[] replGuid = in.bytes(16, "ReplGuid");
        byte[] logonTime = in.bytes(8, "LogonTime");
        long gwart = in.i64("GwartTime");
        int storeState = in.i32("StoreState");
        return new LogonResponse(logonFlags, folders, responseFlags, mailboxGuid, replId, replGuid, logonTime, gwart, storeState);
      }
    };
  }

  // ---- MS-OXCROPS 2.2.4.1 RopOpenFolder ----

  public record OpenFolderResponse(boolean hasRules, boolean ghosted) {}

  public static Rop<OpenFolderResponse> openFolder(int logonId, int inputSlot, int outputSlot, long folderId) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x02;
      }

      @Override public void writeRequest(WireWriter out) {
        out.u8(0x02).u8(logonId).u8(inputSlot).u8(outputSlot).i64(folderId).u8(0x00);
      }

      @Override public OpenFolderResponse readResponse(WireReader in) throws MapiWireException {
        boolean hasRules = in.u8("HasRules") != 0;
        boolean ghosted = in.u8("IsGhosted") != 0;
        if (ghosted) {
          int servers = in.u16("ServerCount");
          in.u16("CheapServerCount");
          for (int i = 0; i < servers; i++) {
            in.asciiz("Servers");
          }
        }
        return new OpenFolderResponse(hasRules, ghosted);
      }
    };
  }

  // ---- MS-OXCROPS 2.2.4.13 RopGetHierarchyTable, 2.2.4.14 RopGetContentsTable ----

  public static final int TABLE_FLAG_DEPTH = 0x04;
  public static final int TABLE_FLAG_ASSOCIATED = 0x02;

  /** RowCount of a new hierarchy or contents table. */
  public record TableOpened(int rowCount) {}

  public static Rop<TableOpened> getHierarchyTable(int logonId, int inputSlot, int outputSlot, int tableFlags) {
    return openTable(0x04, logonId, inputSlot, outputSlot, tableFlags);
  }

  public static Rop<TableOpened> getContentsTable(int logonId, int inputSlot, int outputSlot, int tableFlags) {
    return openTable(0x05, logonId, inputSlot, outputSlot, tableFlags);
  }

  private static Rop<TableOpened> openTable(int ropId, int logonId, int inputSlot, int outputSlot, int tableFlags) {
    return new Rop<>() {
      @Override public int ropId() {
        return ropId;
      }

      @Override public void writeRequest(WireWriter out) {
        out.u8(ropId).u8(logonId).u8(inputSlot).u8(outputSlot).u8(tableFlags);
      }

      @Override public TableOpened readResponse(WireReader in) throws MapiWireException {
        return new TableOpened(in.i32("RowCount"));
      }
    };
  }

  // ---- MS-OXCROPS 2.2.5.1-2.2.5.3 RopSetColumns, RopSortTable, RopRestrict: TableStatus responses ----

  public static Rop<Integer> setColumns(int logonId, int inputSlot, int[] tags) {
    return tableStatusRop(0x12, out -> {
      out.u8(0x12).u8(logonId).u8(inputSlot).u8(0x00).u16(tags.length);
      for (int tag : tags) {
        out.i32(tag);
      }
    });
  }

  /** One SortOrder (MS-OXCDATA 2.13.1): a column and 0x00 ascending / 0x01 descending. */
  public record SortOrder(int tag, int order) {
    public static SortOrder ascending(int tag) {
      return new SortOrder(tag, 0x00);
    }

    public static SortOrder descending(int tag) {
      return new SortOrder(tag, 0x01);
    }
  }

  public static Rop<Integer> sortTable(int logonId, int inputSlot, List<SortOrder> orders) {
    return sortTable(logonId, inputSlot, orders, 0, 0);
  }

  /** A categorized sort: the first {@code categoryCount} orders are categories, {@code expandedCount} of them expanded. */
  public static Rop<Integer> sortTable(int logonId, int inputSlot, List<SortOrder> orders, int categoryCount, int expandedCount) {
    return tableStatusRop(0x13, out -> {
      out.u8(0x13).u8(logonId).u8(inputSlot).u8(0x00).u16(orders.size()).u16(categoryCount).u16(expandedCount);
      for (SortOrder order : orders) {
        out.i32(order.tag()).u8(order.order());
      }
    });
  }

  public static Rop<Integer> restrict(int logonId, int inputSlot, Restriction restriction) {
    return tableStatusRop(0x14, out -> {
      byte[] data = restriction == null ? new byte[0] : restriction.encode();
      out.u8(0x14).u8(logonId).u8(inputSlot).u8(0x00).u16(data.length).bytes(data);
    });
  }

  private static Rop<Integer> tableStatusRop(int ropId, java.util.function.Consumer<WireWriter> request) {
    return new Rop<>() {
      @Override public int ropId() {
        return ropId;
      }

      @Override public void writeRequest(WireWriter out) {
        request.accept(out);
      }

      @Override public Integer readResponse(WireReader in) throws MapiWireException {
        return in.u8("TableStatus");
      }
    };
  }

  // ---- MS-OXCROPS 2.2.5.4 RopQueryRows ----

  public static final int BOOKMARK_BEGINNING = 0x00;
  public static final int BOOKMARK_CURRENT = 0x01;
  public static final int BOOKMARK_END = 0x02;

  public record Rows(int origin, List<List<PropertyValue>> rows) {}

  /** {@code columns} are the table's columns as last set, which the rows follow. */
  public static Rop<Rows> queryRows(int logonId, int inputSlot, int rowCount, int[] columns) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x15;
      }

      @Override public void writeRequest(WireWriter out) {
        out.u8(0x15).u8(logonId).u8(inputSlot).u8(0x00).u8(0x01).u16(rowCount);
      }

      @Override public Rows readResponse(WireReader in) throws MapiWireException {
        int origin = in.u8("Origin");
        int count = in.u16("RowCount");
        List<List<PropertyValue>> rows = new ArrayList<>(Math.min(count, 256));
        for (int i = 0; i < count; i++) {
          rows.add(PropertyValueCodec.readRow(in, columns));
        }
        return new Rows(origin, rows);
      }
    };
  }

  // ---- MS-OXCROPS 2.2.6.1 RopOpenMessage ----

  /** The response; {@code recipientRows} are the OpenRecipientRows that fit, the rest come with ReadRecipients. */
  public record OpenMessageResponse(
      boolean hasNamedProperties, String subjectPrefix, String normalizedSubject, int recipientCount, int[] recipientColumns,
      List<RecipientRow> recipientRows) {

    public int recipientRowCount() {
      return recipientRows.size();
    }
  }

  /** OpenModeFlags (MS-OXCMSG 2.2.3.1.1). */
  public static final int OPEN_READ_ONLY = 0x00;
  public static final int OPEN_READ_WRITE = 0x01;
  public static final int OPEN_BEST_ACCESS = 0x03;

  public static Rop<OpenMessageResponse> openMessage(int logonId, int inputSlot, int outputSlot, long folderId, long messageId) {
    return openMessage(logonId, inputSlot, outputSlot, folderId, messageId, OPEN_READ_ONLY);
  }

  public static Rop<OpenMessageResponse> openMessage(
      int logonId, int inputSlot, int outputSlot, long folderId, long messageId, int openModeFlags) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x03;
      }

      @Override public void writeRequest(WireWriter out) {
        // CodePageId 0x0FFF: use the logon's code page (MS-OXCMSG 2.2.3.1.1)
        out.u8(0x03).u8(logonId).u8(inputSlot).u8(outputSlot).u16(0x0FFF).i64(folderId).u8(openModeFlags).i64(messageId);
      }

      @Override public OpenMessageResponse readResponse(WireReader in) throws MapiWireException {
        boolean named = in.u8("HasNamedProperties") != 0;
        String prefix = typedString(in, "SubjectPrefix");
        String subject = typedString(in, "NormalizedSubject");
        int recipientCount = in.u16("RecipientCount");
        int columnCount = in.u16("ColumnCount");
        int[] columns = new int[columnCount];
        for (int i = 0; i < columnCount; i++) {
          columns[i] = in.i32("RecipientColumns");
        }
        int rowCount = in.u8("RowCount");
        List<RecipientRow> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
          rows.add(RecipientRow.readOpenRow(in, columns));
        }
        return new OpenMessageResponse(named, prefix, subject, recipientCount, columns, List.copyOf(rows));
      }
    };
  }

  // ---- MS-OXCROPS 2.2.6.6 RopReadRecipients ----

  /**
   * Recipients from the row with PidTagRowid {@code rowId} (0: from the first) of the message at
   * {@code inputSlot}; {@code recipientColumns} are those RopOpenMessage named (the response has none).
   */
  public static Rop<List<RecipientRow>> readRecipients(int logonId, int inputSlot, long rowId, int[] recipientColumns) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x0F;
      }

      @Override public void writeRequest(WireWriter out) {
        out.u8(0x0F).u8(logonId).u8(inputSlot).i32((int) rowId).u16(0); // RowId, Reserved
      }

      @Override public List<RecipientRow> readResponse(WireReader in) throws MapiWireException {
        int rowCount = in.u8("RowCount");
        List<RecipientRow> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
          rows.add(RecipientRow.readReadRow(in, recipientColumns));
        }
        return List.copyOf(rows);
      }
    };
  }

  /** TypedString (MS-OXCDATA 2.11.8... MS-OXCROPS 2.2.6.1.2): 0 absent, 1 empty, 2 8-bit, 3 reduced Unicode, 4 Unicode. */
  static String typedString(WireReader in, String what) throws MapiWireException {
    int type = in.u8(what + " StringType");
    return switch (type) {
      case 0x00 -> null;
      case 0x01 -> "";
      case 0x02, 0x03 -> in.asciiz(what);
      case 0x04 -> in.utf16z(what);
      default -> throw new MapiWireException(what + ": StringType " + type);
    };
  }

  // ---- MS-OXCROPS 2.2.8.3 RopGetPropertiesSpecific, 2.2.8.6 RopSetProperties ----

  public static Rop<List<PropertyValue>> getPropertiesSpecific(int logonId, int inputSlot, int[] tags) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x07;
      }

      @Override public void writeRequest(WireWriter out) {
        out.u8(0x07).u8(logonId).u8(inputSlot).u16(0).u16(1).u16(tags.length);
        for (int tag : tags) {
          out.i32(tag);
        }
      }

      @Override public List<PropertyValue> readResponse(WireReader in) throws MapiWireException {
        return PropertyValueCodec.readRow(in, tags);
      }
    };
  }

  /** PropertyProblem (MS-OXCDATA 2.7): the index of the value in the request, its tag, the error. */
  public record PropertyProblem(int index, int tag, int errorCode) {}

  public static Rop<List<PropertyProblem>> setProperties(int logonId, int inputSlot, List<PropertyValue> values) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x0A;
      }

      @Override public void writeRequest(WireWriter out) {
        WireWriter body = new WireWriter().u16(values.size());
        values.forEach(v -> PropertyValueCodec.writeTagged(body, v));
        byte[] bytes = body.toByteArray();
        out.u8(0x0A).u8(logonId).u8(inputSlot).u16(bytes.length).bytes(bytes);
      }

      @Override public List<PropertyProblem> readResponse(WireReader in) throws MapiWireException {
        int count = in.u16("PropertyProblemCount");
        List<PropertyProblem> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          problems.add(new PropertyProblem(in.u16("Index"), in.i32("PropertyTag"), in.i32("ErrorCode")));
        }
        return problems;
      }
    };
  }

  // ---- MS-OXCROPS 2.2.6.3 RopSaveChangesMessage ----

  /** SaveFlags (MS-OXCMSG 2.2.3.3.1). */
  public static final int SAVE_KEEP_OPEN_READ_ONLY = 0x01;
  public static final int SAVE_KEEP_OPEN_READ_WRITE = 0x02;
  public static final int SAVE_FORCE = 0x04;

  /** The success response's InputHandleIndex and the MID of the saved message (2.2.6.3.2). */
  public record SaveChangesMessageResponse(int inputHandleIndex, long messageId) {}

  /**
   * Commits an open message. The request names two handles: ResponseHandleIndex (the folder; the
   * response's handle index echoes it) before InputHandleIndex (the message).
   */
  public static Rop<SaveChangesMessageResponse> saveChangesMessage(
      int logonId, int responseSlot, int inputSlot, int saveFlags) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x0C;
      }

      @Override public void writeRequest(WireWriter out) {
        out.u8(0x0C).u8(logonId).u8(responseSlot).u8(inputSlot).u8(saveFlags);
      }

      @Override public SaveChangesMessageResponse readResponse(WireReader in) throws MapiWireException {
        return new SaveChangesMessageResponse(in.u8("InputHandleIndex"), in.i64("MessageId"));
      }
    };
  }

  // ---- MS-OXCROPS 2.2.15.3 RopRelease ----

  public static Rop<Void> release(int logonId, int inputSlot) {
    return new Rop<>() {
      @Override public int ropId() {
        return 0x01;
      }

      @Override public void writeRequest(WireWriter out) {
        out.u8(0x01).u8(logonId).u8(inputSlot);
      }

      @Override public boolean hasResponse() {
        return false;
      }

      @Override public Void readResponse(WireReader in) {
        return null;
      }
    };
  }
}

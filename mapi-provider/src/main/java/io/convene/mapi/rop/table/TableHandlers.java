package io.convene.mapi.rop.table;

import io.convene.api.store.Contents;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.StoreValueFormatException;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrderSet;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.RestrictionCodec;
import io.convene.mapi.rop.data.SortOrderSetCodec;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.table.TableRequests.BareRequest;
import io.convene.mapi.rop.table.TableRequests.CollapseRowRequest;
import io.convene.mapi.rop.table.TableRequests.ExpandRowRequest;
import io.convene.mapi.rop.table.TableRequests.FindRowRequest;
import io.convene.mapi.rop.table.TableRequests.FreeBookmarkRequest;
import io.convene.mapi.rop.table.TableRequests.GetCollapseStateRequest;
import io.convene.mapi.rop.table.TableRequests.OpenTableRequest;
import io.convene.mapi.rop.table.TableRequests.QueryRowsRequest;
import io.convene.mapi.rop.table.TableRequests.RestrictRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowBookmarkRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowFractionalRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowRequest;
import io.convene.mapi.rop.table.TableRequests.SetCollapseStateRequest;
import io.convene.mapi.rop.table.TableRequests.SetColumnsRequest;
import io.convene.mapi.rop.table.TableRequests.SortTableRequest;
import io.convene.mapi.rop.table.TableResponses.BlobResponse;
import io.convene.mapi.rop.table.TableResponses.EmptyResponse;
import io.convene.mapi.rop.table.TableResponses.FindRowResponse;
import io.convene.mapi.rop.table.TableResponses.OpenTableResponse;
import io.convene.mapi.rop.table.TableResponses.QueryColumnsAllResponse;
import io.convene.mapi.rop.table.TableResponses.QueryPositionResponse;
import io.convene.mapi.rop.table.TableResponses.QueryRowsResponse;
import io.convene.mapi.rop.table.TableResponses.SeekRowBookmarkResponse;
import io.convene.mapi.rop.table.TableResponses.SeekRowResponse;
import io.convene.mapi.rop.table.TableResponses.TableStatusResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The handlers of the table ROPs (MS-OXCTABL 3.2.5). Every read goes to the table's {@link
 * RowSource}; the table object keeps only the view, the cursor and the bookmarks.
 */
final class TableHandlers {

  /** Rows fetched per store call while looking a row up (bookmarks, FindRow). */
  static final int SCAN_PAGE = 500;
  /** Flags of RopGetContentsTable (MS-OXCFOLD 2.2.1.14.1) the store cannot honour. */
  static final int CONVERSATION_MEMBERS = 0x80;

  private final RestrictionCodec restrictions;
  private final SortOrderSetCodec sorts;

  TableHandlers(RestrictionCodec restrictions, SortOrderSetCodec sorts) {
    this.restrictions = restrictions;
    this.sorts = sorts;
  }

  // --- opening tables (MS-OXCFOLD 2.2.1.13, 2.2.1.14) ---

  void getHierarchyTable(OpenTableRequest request, RopCall call) throws RopException {
    FolderObject folder = call.inputObject(FolderObject.class);
    if (request.has(OpenTableRequest.SOFT_DELETES)) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "the store lists no soft-deleted folders");
    }
    RowSource source =
        new HierarchyRows(folder.logon().mailbox(), folder.id(), request.has(OpenTableRequest.DEPTH));
    open(request, call, new TableObject(TableObject.Kind.HIERARCHY, source));
  }

  void getContentsTable(OpenTableRequest request, RopCall call) throws RopException {
    FolderObject folder = call.inputObject(FolderObject.class);
    if (request.has(OpenTableRequest.SOFT_DELETES) || request.has(CONVERSATION_MEMBERS)) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "TableFlags 0x" + Integer.toHexString(request.tableFlags()));
    }
    // Outlook reads its views and settings from the folder-associated (FAI) contents at start.
    Contents contents = request.has(OpenTableRequest.ASSOCIATED) ? Contents.ASSOCIATED : Contents.NORMAL;
    RowSource source = new ContentsRows(folder.logon().mailbox(), folder.id(), contents);
    // OpenFolder + GetContentsTable in one Execute (Outlook's usual pair): its count is the row count
    java.util.Optional<io.convene.api.store.FolderInfo> opened = folder.readInExecute(call.session().readStretch());
    TableObject table = new TableObject(TableObject.Kind.CONTENTS, source);
    if (opened.isPresent()) {
      table.rememberTotal(contents == Contents.ASSOCIATED ? opened.get().associatedCount() : opened.get().itemCount());
    }
    open(request, call, table);
  }

  /** Registers {@code table} at the output index and answers its row count. */
  static void open(OpenTableRequest request, RopCall call, TableObject table) throws RopException {
    int rows = table.knownTotal().orElse(-1);
    if (rows < 0) {
      rows = table.source().size();
      table.rememberTotal(rows);
    }
    call.putObject(request.outputHandleIndex(), table);
    new OpenTableResponse(request.header().ropId(), request.outputHandleIndex(), rows).write(call.out());
  }

  // --- view ---

  void setColumns(SetColumnsRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    int[] columns = request.propertyTags();
    if (columns.length == 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "a table needs at least one column");
    }
    for (int column : columns) {
      int type = column & 0xFFFF;
      if ((type & SortOrderSetCodec.MULTIVALUE_INSTANCE) != 0) {
        // One row per value of a multi-valued column is a categorized-view feature.
        throw new RopException(ErrorCodes.NOT_SUPPORTED, "multi-value instance columns are not supported");
      }
      try {
        PropType.fromCode(type);
      } catch (StoreValueFormatException e) {
        throw new RopException(ErrorCodes.INVALID_PARAMETER, e.getMessage());
      }
    }
    table.setColumns(columns);
    status(request.header().ropId(), request.header().inputHandleIndex(), call);
  }

  void sortTable(SortTableRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    SortOrderSet sort;
    try {
      sort = sorts.decode(new LittleEndianReader(request.sortOrderSet()));
    } catch (WireFormatException e) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, e.getMessage());
    }
    TableView view = table.view().withSort(sort);
    table.source().checkSort(view);
    table.setView(view);
    status(request.header().ropId(), request.header().inputHandleIndex(), call);
  }

  void restrict(RestrictRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    Restriction restriction =
        request.restrictionData().length == 0 ? null : restriction(request.restrictionData());
    TableView view = table.view().withRestriction(restriction);
    table.source().checkRestriction(view);
    table.setView(view);
    status(request.header().ropId(), request.header().inputHandleIndex(), call);
  }

  private Restriction restriction(byte[] data) throws RopException {
    try {
      return restrictions.decodeAll(data);
    } catch (WireFormatException e) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "restriction: " + e.getMessage());
    }
  }

  void resetTable(BareRequest request, RopCall call) throws RopException {
    call.inputObject(TableObject.class).reset();
    new EmptyResponse(request.header().ropId(), request.header().inputHandleIndex()).write(call.out());
  }

  void queryColumnsAll(BareRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    List<PropTag> columns = table.source().columns();
    int[] tags = columns.stream().mapToInt(PropTag::tag).toArray();
    new QueryColumnsAllResponse(request.header().inputHandleIndex(), tags).write(call.out());
  }

  void getStatus(BareRequest request, RopCall call) throws RopException {
    call.inputObject(TableObject.class);
    status(request.header().ropId(), request.header().inputHandleIndex(), call);
  }

  void abort(BareRequest request, RopCall call) throws RopException {
    call.inputObject(TableObject.class);
    // Every table operation completes before its response, so nothing is ever in progress.
    throw new RopException(TableErrors.UNABLE_TO_ABORT, "no asynchronous table operation in progress");
  }

  private static void status(int ropId, int index, RopCall call) {
    new TableStatusResponse(ropId, index, TableStatus.COMPLETE).write(call.out());
  }

  // --- reading ---

  void queryRows(QueryRowsRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    int[] columns = table.requireColumns();
    int room = call.remainingOutput() - QueryRowsResponse.HEADER_SIZE;
    int cursor = table.cursor();
    // A row takes at least its flag byte and one byte per column, so the room bounds how many
    // rows are worth fetching from the store.
    int wanted = Math.max(0, Math.min(request.rowCount(), room / (1 + columns.length)));
    int first = request.forwardRead() ? cursor : Math.max(0, cursor - wanted);
    int fetch = request.forwardRead() ? wanted : cursor - first;
    RowPage page = table.source().rows(table.view(), first, fetch);
    table.rememberTotal(page.total());
    cursor = Math.min(cursor, page.total());
    List<byte[]> encoded = new ArrayList<>();
    int used = 0;
    List<TableRow> rows = page.rows();
    // Forward reads fill from the cursor onwards, backward reads from the cursor back, so the rows
    // that do not fit are the ones furthest from the cursor and the cursor never passes them.
    for (int i = 0; i < rows.size(); i++) {
      TableRow row = rows.get(request.forwardRead() ? i : rows.size() - 1 - i);
      byte[] bytes = encode(columns, row);
      if (used + bytes.length > room) {
        break;
      }
      encoded.add(bytes);
      used += bytes.length;
    }
    if (encoded.isEmpty() && !rows.isEmpty()) {
      throw new RopException(TableErrors.BUFFER_TOO_SMALL, "one row does not fit in " + room + " bytes");
    }
    LittleEndianWriter data = new LittleEndianWriter(used);
    int origin;
    if (request.forwardRead()) {
      encoded.forEach(data::bytes);
      int next = first + encoded.size();
      origin = next >= page.total() ? Bookmarks.END : Bookmarks.CURRENT;
      if (!request.noAdvance()) {
        table.moveTo(next);
      }
    } else {
      for (int i = encoded.size() - 1; i >= 0; i--) {
        data.bytes(encoded.get(i));
      }
      int start = cursor - encoded.size();
      origin = start <= 0 ? Bookmarks.BEGINNING : Bookmarks.CURRENT;
      if (!request.noAdvance()) {
        table.moveTo(start);
      }
    }
    new QueryRowsResponse(request.header().inputHandleIndex(), origin, encoded.size(), data.toByteArray())
        .write(call.out());
  }

  static byte[] encode(int[] columns, TableRow row) {
    LittleEndianWriter out = new LittleEndianWriter();
    PropertyRow.write(out, columns, RowCells.cells(columns, row));
    return out.toByteArray();
  }

  void queryPosition(BareRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    int total = table.total();
    new QueryPositionResponse(request.header().inputHandleIndex(), Math.min(table.cursor(), total), total)
        .write(call.out());
  }

  // --- moving ---

  void seekRow(SeekRowRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    int total = table.total();
    int base = switch (request.origin()) {
      case Bookmarks.BEGINNING -> 0;
      case Bookmarks.CURRENT -> Math.min(table.cursor(), total);
      case Bookmarks.END -> total;
      default -> throw new RopException(ErrorCodes.INVALID_PARAMETER, "Origin " + request.origin());
    };
    int moved = seek(table, base, request.rowCount(), total);
    boolean less = moved != request.rowCount();
    new SeekRowResponse(
            request.header().inputHandleIndex(),
            request.wantRowMovedCount() && less,
            request.wantRowMovedCount() ? moved : 0)
        .write(call.out());
  }

  /** Moves the cursor {@code count} rows from {@code base} within the table; the rows moved. */
  private static int seek(TableObject table, int base, int count, int total) {
    long target = Math.max(0, Math.min(total, (long) base + count));
    table.moveTo((int) target);
    return (int) (target - base);
  }

  void seekRowFractional(SeekRowFractionalRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    if (request.denominator() == 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "Denominator 0");
    }
    int total = table.total();
    long position =
        request.numerator() >= request.denominator()
            ? total
            : request.numerator() * total / request.denominator();
    table.moveTo((int) position);
    new EmptyResponse(request.header().ropId(), request.header().inputHandleIndex()).write(call.out());
  }

  void createBookmark(BareRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    RowPage page = table.source().rows(table.view(), table.cursor(), 1);
    OptionalLong key = page.rows().isEmpty() ? OptionalLong.empty() : OptionalLong.of(page.rows().get(0).key());
    int id = table.addBookmark(key, Math.min(table.cursor(), page.total()));
    new BlobResponse(request.header().ropId(), request.header().inputHandleIndex(), bookmarkBytes(id))
        .write(call.out());
  }

  void freeBookmark(FreeBookmarkRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    if (!table.freeBookmark(bookmarkId(request.bookmark()))) {
      throw new RopException(TableErrors.INVALID_BOOKMARK, "no such bookmark");
    }
    new EmptyResponse(request.header().ropId(), request.header().inputHandleIndex()).write(call.out());
  }

  void seekRowBookmark(SeekRowBookmarkRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    TableObject.Bookmark bookmark = bookmark(table, request.bookmark());
    int total = table.total();
    Located located = locate(table, bookmark, total);
    int moved = seek(table, located.position(), request.rowCount(), total);
    boolean less = moved != request.rowCount();
    new SeekRowBookmarkResponse(
            request.header().inputHandleIndex(),
            located.gone(),
            request.wantRowMovedCount() && less,
            request.wantRowMovedCount() ? moved : 0)
        .write(call.out());
  }

  private record Located(int position, boolean gone) {}

  /** Where a bookmarked row is now; a row no longer there leaves the next row at its old place. */
  private static Located locate(TableObject table, TableObject.Bookmark bookmark, int total)
      throws RopException {
    if (bookmark.key().isEmpty()) {
      return new Located(Math.min(bookmark.position(), total), false);
    }
    int position = find(table, table.view(), bookmark.key().getAsLong());
    return position < 0
        ? new Located(Math.min(bookmark.position(), total), true)
        : new Located(position, false);
  }

  /** The position of the row with {@code key} in {@code view}, or -1. */
  private static int find(TableObject table, TableView view, long key) throws RopException {
    for (int offset = 0; ; offset += SCAN_PAGE) {
      RowPage page = table.source().rows(view, offset, SCAN_PAGE);
      for (int i = 0; i < page.rows().size(); i++) {
        if (page.rows().get(i).key() == key) {
          return offset + i;
        }
      }
      if (page.rows().isEmpty() || offset + page.rows().size() >= page.total()) {
        return -1;
      }
    }
  }

  private static TableObject.Bookmark bookmark(TableObject table, byte[] bytes) throws RopException {
    return table
        .bookmark(bookmarkId(bytes))
        .orElseThrow(() -> new RopException(TableErrors.INVALID_BOOKMARK, "no such bookmark"));
  }

  /** Bookmarks are 4-byte ids this table issued; anything else names no bookmark. */
  static int bookmarkId(byte[] bytes) throws RopException {
    if (bytes.length != 4) {
      throw new RopException(TableErrors.INVALID_BOOKMARK, "bookmark of " + bytes.length + " bytes");
    }
    return (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16 | (bytes[3] & 0xFF) << 24;
  }

  static byte[] bookmarkBytes(int id) {
    return new LittleEndianWriter(4).u32(id & 0xFFFFFFFFL).toByteArray();
  }

  // --- FindRow ---

  void findRow(FindRowRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    int[] columns = table.requireColumns();
    if (request.restrictionData().length == 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "RopFindRow needs a restriction");
    }
    Restriction condition = restriction(request.restrictionData());
    TableView view = table.view();
    TableView matching =
        view.withRestriction(view.restriction() == null ? condition : Restriction.and(view.restriction(), condition));
    table.source().checkRestriction(matching);
    int total = table.source().rows(view, 0, 0).total();
    boolean gone = false;
    int start = switch (request.origin()) {
      case Bookmarks.BEGINNING -> 0;
      case Bookmarks.CURRENT -> Math.min(table.cursor(), total);
      case Bookmarks.END -> total;
      case Bookmarks.CUSTOM -> {
        Located located = locate(table, bookmark(table, request.bookmark()), total);
        gone = located.gone();
        yield located.position();
      }
      default -> throw new RopException(ErrorCodes.INVALID_PARAMETER, "Origin " + request.origin());
    };
    Set<Long> hits = keys(table, matching);
    int found = -1;
    TableRow row = null;
    if (!hits.isEmpty()) {
      // Forward searches start at the origin row, backward ones at the row before it.
      int from = request.backward() ? Math.max(0, start - SCAN_PAGE) : start;
      while (found < 0 && from >= 0 && from < total) {
        List<TableRow> rows = table.source().rows(view, from, SCAN_PAGE).rows();
        for (int i = 0; i < rows.size(); i++) {
          int k = request.backward() ? rows.size() - 1 - i : i;
          int position = from + k;
          if (request.backward() && position >= start) {
            continue;
          }
          if (hits.contains(rows.get(k).key())) {
            found = position;
            row = rows.get(k);
            break;
          }
        }
        if (request.backward()) {
          if (from == 0) {
            break;
          }
          start = from;
          from = Math.max(0, from - SCAN_PAGE);
        } else {
          from += SCAN_PAGE;
        }
      }
    }
    if (row == null) {
      throw new RopException(TableErrors.NOT_FOUND, "no row matches");
    }
    byte[] bytes = encode(columns, row);
    if (8 + bytes.length > call.remainingOutput()) {
      throw new RopException(TableErrors.BUFFER_TOO_SMALL, "the row does not fit");
    }
    table.moveTo(found);
    new FindRowResponse(request.header().inputHandleIndex(), gone, bytes).write(call.out());
  }

  private static Set<Long> keys(TableObject table, TableView view) throws RopException {
    Set<Long> keys = new HashSet<>();
    for (int offset = 0; ; offset += SCAN_PAGE) {
      RowPage page = table.source().rows(view, offset, SCAN_PAGE);
      page.rows().forEach(row -> keys.add(row.key()));
      if (page.rows().isEmpty() || offset + page.rows().size() >= page.total()) {
        return keys;
      }
    }
  }

  // --- categories (MS-OXCTABL 3.2.5.16-3.2.5.19) ---

  void expandRow(ExpandRowRequest request, RopCall call) throws RopException {
    noCategories(call);
  }

  void collapseRow(CollapseRowRequest request, RopCall call) throws RopException {
    noCategories(call);
  }

  /** Tables here are never categorized, so no category row has the id given. */
  private static void noCategories(RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    if (table.kind() != TableObject.Kind.CONTENTS) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "only contents tables have categories");
    }
    throw new RopException(TableErrors.NOT_FOUND, "the table is not categorized: no category row has this id");
  }

  /**
   * With no categories the collapse state is only the row to return to: its RowId and instance
   * number, which RopSetCollapseState turns into a bookmark on that row.
   */
  void getCollapseState(GetCollapseStateRequest request, RopCall call) throws RopException {
    call.inputObject(TableObject.class);
    byte[] state =
        TableRequests.u64(new LittleEndianWriter(12), request.rowId())
            .u32(request.rowInstanceNumber())
            .toByteArray();
    new BlobResponse(request.header().ropId(), request.header().inputHandleIndex(), state)
        .write(call.out());
  }

  void setCollapseState(SetCollapseStateRequest request, RopCall call) throws RopException {
    TableObject table = call.inputObject(TableObject.class);
    if (request.collapseState().length != 12) {
      throw new RopException(
          ErrorCodes.INVALID_PARAMETER,
          "a collapse state of " + request.collapseState().length + " bytes was not issued here");
    }
    long rowId;
    try {
      rowId = TableRequests.u64(new LittleEndianReader(request.collapseState()), "RowId");
    } catch (WireFormatException e) {
      throw new IllegalStateException("length checked above", e);
    }
    int position = find(table, table.view(), rowId);
    int id = position < 0
        ? table.addBookmark(OptionalLong.empty(), table.cursor())
        : table.addBookmark(OptionalLong.of(rowId), position);
    new BlobResponse(request.header().ropId(), request.header().inputHandleIndex(), bookmarkBytes(id))
        .write(call.out());
  }
}

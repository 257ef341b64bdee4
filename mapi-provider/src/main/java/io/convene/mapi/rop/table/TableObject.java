package io.convene.mapi.rop.table;

import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A table a client holds a handle to (MS-OXCTABL 1.3): its kind, row source, columns, view, cursor
 * and bookmarks. The rows themselves are not kept; every read goes to the {@link RowSource}, and
 * the cursor is an offset into the view as it is at that moment (the store breaks sort ties by
 * item id, so offsets are stable while the folder does not change).
 *
 * <p>Bookmarks remember the key of the row they were made on and its offset then; seeking to one
 * looks the row up again and falls back to the old offset when the row is gone. Confined to the
 * session's thread.
 */
public final class TableObject {

  /** What kind of table this is; decides which ROPs apply. */
  public enum Kind {
    HIERARCHY,
    CONTENTS,
    PERMISSIONS
  }

  /** Most bookmarks one table keeps; a client frees them, a runaway one is refused. */
  public static final int MAX_BOOKMARKS = 256;

  /** A bookmark: the row it points at (empty past the last row) and where that row was. */
  record Bookmark(OptionalLong key, int position) {}

  private final Kind kind;
  private final RowSource source;
  private int[] columns;
  private TableView view = TableView.ALL;
  private int cursor;
  /** Rows in the view as the last read found them; -1 until read, and again after a new view. */
  private int knownTotal = -1;
  private final Map<Integer, Bookmark> bookmarks = new HashMap<>();
  private int nextBookmark = 1;

  public TableObject(Kind kind, RowSource source) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.source = Objects.requireNonNull(source, "source");
  }

  public Kind kind() {
    return kind;
  }

  public RowSource source() {
    return source;
  }

  public TableView view() {
    return view;
  }

  /** The columns of the last RopSetColumns; reading rows before one is an error (ecNullObject). */
  int[] requireColumns() throws RopException {
    if (columns == null) {
      throw new RopException(ErrorCodes.NULL_OBJECT, "RopSetColumns has not been sent");
    }
    return columns;
  }

  public int cursor() {
    return cursor;
  }

  void moveTo(int position) {
    cursor = Math.max(0, position);
  }

  void setColumns(int[] newColumns) {
    columns = newColumns.clone();
  }

  /** A new sort or restriction: bookmarks are invalid and the cursor is back at the start (MS-OXCTABL 3.2.5.3/4). */
  void setView(TableView newView) {
    view = Objects.requireNonNull(newView, "view");
    knownTotal = -1;
    bookmarks.clear();
    cursor = 0;
  }

  /** RopResetTable (MS-OXCTABL 3.2.5.15): columns, sort, restriction and bookmarks gone, cursor at the start. */
  void reset() {
    columns = null;
    setView(TableView.ALL);
  }

  /**
   * The view's row count as the last read found it (the open, or the last QueryRows), else read
   * now. Contents reflect the store at each QueryRows; the positioning ROPs between two reads
   * (QueryPosition, SeekRow...) reuse the count rather than count the folder again.
   */
  int total() throws RopException {
    if (knownTotal < 0) {
      knownTotal = source.rows(view, 0, 0).total();
    }
    return knownTotal;
  }

  java.util.OptionalInt knownTotal() {
    return knownTotal < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(knownTotal);
  }

  /** Records the view's row count a read just found. */
  void rememberTotal(int total) {
    knownTotal = total;
  }

  int addBookmark(OptionalLong key, int position) throws RopException {
    if (bookmarks.size() >= MAX_BOOKMARKS) {
      throw new RopException(ErrorCodes.OUT_OF_MEMORY, "table holds " + MAX_BOOKMARKS + " bookmarks already");
    }
    int id = nextBookmark++;
    bookmarks.put(id, new Bookmark(key, position));
    return id;
  }

  Optional<Bookmark> bookmark(int id) {
    return Optional.ofNullable(bookmarks.get(id));
  }

  boolean freeBookmark(int id) {
    return bookmarks.remove(id) != null;
  }
}

package io.convene.mapi.nspi.book;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * One address book table (the GAL, All Rooms, or the rows a client listed) in its display order,
 * with the position of every MId and the row of every account id at hand, so that STAT
 * positioning and name resolution look rows up instead of walking the table. Immutable.
 */
public final class AbTable extends AbstractList<AbObject> implements RandomAccess {

  private static final AbTable EMPTY = new AbTable(List.of());

  private final List<AbObject> rows;
  private final Map<Integer, Integer> positions;
  private final Map<Long, AbObject> byAccount;

  private AbTable(List<AbObject> rows) {
    this.rows = List.copyOf(rows);
    this.positions = new HashMap<>(rows.size() * 2);
    this.byAccount = new HashMap<>(rows.size() * 2);
    for (int i = 0; i < this.rows.size(); i++) {
      AbObject row = this.rows.get(i);
      // The first row wins, as a walk from the top would find it.
      positions.putIfAbsent(row.mid(), i);
      if (row.accountId() > 0) {
        byAccount.putIfAbsent(row.accountId(), row);
      }
    }
  }

  /** A table of {@code rows} in the given order. */
  public static AbTable of(List<AbObject> rows) {
    return rows.isEmpty() ? EMPTY : new AbTable(rows);
  }

  @Override
  public AbObject get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }

  /** The position of the row with this MId, or -1. */
  public int indexOfMid(int mid) {
    Integer position = positions.get(mid);
    return position == null ? -1 : position;
  }

  /** The row of this directory account, if the table lists it. */
  public Optional<AbObject> byAccountId(long accountId) {
    return Optional.ofNullable(byAccount.get(accountId));
  }
}

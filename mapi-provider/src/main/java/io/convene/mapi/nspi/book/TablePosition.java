package io.convene.mapi.nspi.book;

import io.convene.mapi.nspi.wire.NspiErrorCodes;
import io.convene.mapi.nspi.wire.NspiException;
import io.convene.mapi.nspi.wire.Stat;
import java.util.List;

/**
 * STAT positioning in a table (MS-OXNSPI 3.1.4.5): CurrentRec names the row (or the beginning or
 * end of the table, or with MID_CURRENT the fraction NumPos/TotalRecs of the table), Delta moves
 * from there, clamped to the table. After a move the STAT names the row it landed on, its
 * position, the table size and no delta.
 */
public final class TablePosition {

  private TablePosition() {}

  /** The index CurrentRec names, before Delta; ecNotFound when its MId is not in the table. */
  public static int current(AbTable table, Stat stat) throws NspiException {
    int size = table.size();
    switch (stat.currentRec()) {
      case Stat.MID_BEGINNING_OF_TABLE:
        return 0;
      case Stat.MID_END_OF_TABLE:
        return size;
      case Stat.MID_CURRENT:
        // Fractional positioning: the client keeps its place as a fraction of a table that may
        // have changed size since.
        if (stat.totalRecs() <= 0 || stat.numPos() <= 0) {
          return 0;
        }
        return (int) Math.min(size, (long) stat.numPos() * size / stat.totalRecs());
      default:
        int index = table.indexOfMid(stat.currentRec());
        if (index >= 0) {
          return index;
        }
        throw new NspiException(
            NspiErrorCodes.NOT_FOUND, "CurrentRec " + Integer.toUnsignedString(stat.currentRec()) + " is not in the table");
    }
  }

  /** {@code index} moved by {@code delta}, clamped to 0..size. */
  public static int move(int index, int delta, int size) {
    long moved = (long) index + delta;
    return (int) Math.max(0, Math.min(size, moved));
  }

  /** The STAT positioned on {@code index} (MID_END_OF_TABLE past the last row). */
  public static Stat at(Stat stat, List<AbObject> table, int index) {
    int mid = index < table.size() ? table.get(index).mid() : Stat.MID_END_OF_TABLE;
    return stat.moved(mid, index, table.size());
  }
}

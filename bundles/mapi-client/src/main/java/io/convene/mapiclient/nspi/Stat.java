package io.convene.mapiclient.nspi;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;

/**
 * The STAT structure (MS-OXNSPI 2.2.8): a position in an address book table and the client's
 * locale; 36 bytes on the wire, nine 32-bit fields in this order.
 */
public record Stat(
    int sortType, int containerId, int currentRec, int delta, int numPos, int totalRecs, int codePage,
    int templateLocale, int sortLocale) {

  public static final int SIZE = 36;

  /** The start of a container's table, sorted by display name, code page 1252, en-US. */
  public static Stat beginningOf(int containerId) {
    return new Stat(Nspi.SORT_TYPE_DISPLAY_NAME, containerId, Nspi.MID_BEGINNING_OF_TABLE, 0, 0, 0, Nspi.CP_WINDOWS_1252,
        0x0409, 0x0409);
  }

  /** The same state positioned on {@code mid} (a minimal id or one of the MID_ positions). */
  public Stat at(int mid) {
    return new Stat(sortType, containerId, mid, 0, numPos, totalRecs, codePage, templateLocale, sortLocale);
  }

  public void write(WireWriter out) {
    out.i32(sortType).i32(containerId).i32(currentRec).i32(delta).i32(numPos).i32(totalRecs).i32(codePage)
        .i32(templateLocale).i32(sortLocale);
  }

  public static Stat read(WireReader in) throws MapiWireException {
    return new Stat(in.i32("SortType"), in.i32("ContainerID"), in.i32("CurrentRec"), in.i32("Delta"), in.i32("NumPos"),
        in.i32("TotalRecs"), in.i32("CodePage"), in.i32("TemplateLocale"), in.i32("SortLocale"));
  }
}

package io.convene.mapi.nspi.wire;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/**
 * The STAT structure (MS-OXNSPI 2.2.8): a position in an address book table and the code page and
 * locales of the client. Nine 32-bit fields, 36 bytes.
 *
 * @param sortType SortTypeDisplayName (0), SortTypePhoneticDisplayName (3) and others
 * @param containerId the MId of the address book container the table lists; 0 is the GAL
 * @param currentRec the MId of the current row, or MID_BEGINNING_OF_TABLE / MID_END_OF_TABLE /
 *     MID_CURRENT
 * @param delta rows to move from currentRec (signed)
 * @param numPos the (approximate) position of the current row
 * @param totalRecs the (approximate) number of rows
 * @param codePage the client's code page for 8-bit strings
 * @param templateLocale the LCID for templates
 * @param sortLocale the LCID for sorting
 */
public record Stat(
    int sortType,
    int containerId,
    int currentRec,
    int delta,
    int numPos,
    int totalRecs,
    int codePage,
    int templateLocale,
    int sortLocale) {

  public static final int SIZE = 36;
  /** MS-OXNSPI 2.2.1.8: a row position rather than a row. */
  public static final int MID_BEGINNING_OF_TABLE = 0x0;
  public static final int MID_CURRENT = 0x1;
  public static final int MID_END_OF_TABLE = 0x2;
  /** MS-OXNSPI 2.2.1.1 sort types. */
  public static final int SORT_DISPLAY_NAME = 0x0;
  public static final int SORT_PHONETIC_DISPLAY_NAME = 0x3;
  public static final int SORT_DISPLAY_NAME_RO = 0x3E8;
  public static final int SORT_DISPLAY_NAME_W = 0x3E9;
  /** CP_WINUNICODE: never valid in a STAT (MS-OXNSPI 3.1.4.1.8). */
  public static final int CP_WINUNICODE = 1200;

  public static Stat read(LittleEndianReader in) throws WireFormatException {
    return new Stat(
        (int) in.u32("SortType"),
        (int) in.u32("ContainerID"),
        (int) in.u32("CurrentRec"),
        (int) in.u32("Delta"),
        (int) in.u32("NumPos"),
        (int) in.u32("TotalRecs"),
        (int) in.u32("CodePage"),
        (int) in.u32("TemplateLocale"),
        (int) in.u32("SortLocale"));
  }

  public void write(LittleEndianWriter out) {
    out.u32(sortType & 0xffffffffL).u32(containerId & 0xffffffffL).u32(currentRec & 0xffffffffL);
    out.u32(delta & 0xffffffffL).u32(numPos & 0xffffffffL).u32(totalRecs & 0xffffffffL);
    out.u32(codePage & 0xffffffffL).u32(templateLocale & 0xffffffffL).u32(sortLocale & 0xffffffffL);
  }

  /** This position with another current row, position, total and no delta. */
  public Stat moved(int newCurrentRec, int newNumPos, int newTotalRecs) {
    return new Stat(sortType, containerId, newCurrentRec, 0, newNumPos, newTotalRecs, codePage, templateLocale, sortLocale);
  }

  public Stat withContainerId(int newContainerId) {
    return new Stat(sortType, newContainerId, currentRec, delta, numPos, totalRecs, codePage, templateLocale, sortLocale);
  }

  public Stat withCurrentRec(int newCurrentRec) {
    return new Stat(sortType, containerId, newCurrentRec, delta, numPos, totalRecs, codePage, templateLocale, sortLocale);
  }
}

package io.convene.mapi.rop.table;

/** The predefined bookmarks of MS-OXCTABL 2.2.2.1.1, the Origin of SeekRow, FindRow and QueryRows. */
public final class Bookmarks {

  public static final int BEGINNING = 0x00;
  public static final int CURRENT = 0x01;
  public static final int END = 0x02;
  /** Only in RopFindRow: the Bookmark field names the row to start from. */
  public static final int CUSTOM = 0x03;

  private Bookmarks() {}
}

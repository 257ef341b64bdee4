package io.convene.mapi.rop.table;

/**
 * TableStatus values (MS-OXCTABL 2.2.2.1.3). Every table operation here runs synchronously, so a
 * successful response always reports {@link #COMPLETE}.
 */
public final class TableStatus {

  public static final int COMPLETE = 0x00;
  public static final int QSORTING = 0x09;
  public static final int SORT_ERROR = 0x0A;
  public static final int SETTING_COLS = 0x0B;
  public static final int SETCOL_ERROR = 0x0D;
  public static final int RESTRICTING = 0x0E;
  public static final int RESTRICT_ERROR = 0x0F;

  private TableStatus() {}
}

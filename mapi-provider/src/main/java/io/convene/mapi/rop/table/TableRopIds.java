package io.convene.mapi.rop.table;

/** The RopIds of the table ROPs (MS-OXCROPS 2.2.2, 2.2.4.13-14, 2.2.5). */
public final class TableRopIds {

  public static final int GET_HIERARCHY_TABLE = 0x04;
  public static final int GET_CONTENTS_TABLE = 0x05;
  public static final int SET_COLUMNS = 0x12;
  public static final int SORT_TABLE = 0x13;
  public static final int RESTRICT = 0x14;
  public static final int QUERY_ROWS = 0x15;
  public static final int GET_STATUS = 0x16;
  public static final int QUERY_POSITION = 0x17;
  public static final int SEEK_ROW = 0x18;
  public static final int SEEK_ROW_BOOKMARK = 0x19;
  public static final int SEEK_ROW_FRACTIONAL = 0x1A;
  public static final int CREATE_BOOKMARK = 0x1B;
  public static final int ABORT = 0x34;
  public static final int QUERY_COLUMNS_ALL = 0x37;
  public static final int FIND_ROW = 0x4F;
  public static final int EXPAND_ROW = 0x59;
  public static final int COLLAPSE_ROW = 0x5A;
  public static final int GET_COLLAPSE_STATE = 0x6B;
  public static final int SET_COLLAPSE_STATE = 0x6C;
  public static final int RESET_TABLE = 0x81;
  public static final int FREE_BOOKMARK = 0x89;

  private TableRopIds() {}
}

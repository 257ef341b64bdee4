package io.convene.mapiclient.nspi;

/** Constants of MS-OXNSPI the client names: minimal ids, flags, code pages, error codes. */
public final class Nspi {

  /** Reserved minimal ids as table positions (MS-OXNSPI 2.2.1.8). */
  public static final int MID_BEGINNING_OF_TABLE = 0x0;
  public static final int MID_CURRENT = 0x1;
  public static final int MID_END_OF_TABLE = 0x2;

  /** Ambiguous name resolution results in place of a minimal id (MS-OXNSPI 2.2.1.9). */
  public static final int MID_UNRESOLVED = 0x0;
  public static final int MID_AMBIGUOUS = 0x1;
  public static final int MID_RESOLVED = 0x2;

  /** STAT SortType (MS-OXNSPI 2.2.1.11). */
  public static final int SORT_TYPE_DISPLAY_NAME = 0x0;

  /** Retrieve property flags of QueryRows, GetProps, SeekEntries (MS-OXNSPI 2.2.1.2). */
  public static final int FLAG_SKIP_OBJECTS = 0x1;
  public static final int FLAG_EPH_ID = 0x2;

  /** GetSpecialTable flags (MS-OXNSPI 2.2.1.10). */
  public static final int NSPI_ADDRESS_CREATION_TEMPLATES = 0x2;
  public static final int NSPI_UNICODE_STRINGS = 0x4;

  /** Code pages (MS-OXNSPI 2.2.1.3). */
  public static final int CP_WINUNICODE = 1200;
  public static final int CP_WINDOWS_1252 = 1252;

  /** Return values (MS-OXNSPI 2.2.1.2 ErrorCodes). */
  public static final int SUCCESS = 0x00000000;
  public static final int UNBIND_SUCCESS = 0x00000001;
  public static final int ERRORS_RETURNED = 0x00040380;
  public static final int GENERAL_FAILURE = 0x80004005;
  public static final int NOT_SUPPORTED = 0x80040102;
  public static final int NOT_FOUND = 0x8004010F;
  public static final int TOO_COMPLEX = 0x80040117;
  public static final int INVALID_CODEPAGE = 0x8004011E;
  public static final int TABLE_TOO_BIG = 0x80040403;
  public static final int INVALID_BOOKMARK = 0x80040405;
  public static final int ACCESS_DENIED = 0x80070005;
  public static final int INVALID_PARAMETER = 0x80070057;

  /** The NSPI provider GUID of permanent entry ids (MS-OXNSPI 2.2.9.1 GUID_NSPI), wire order. */
  public static final byte[] GUID_NSPI = {
    (byte) 0xDC, (byte) 0xA7, 0x40, (byte) 0xC8, (byte) 0xC0, 0x42, 0x10, 0x1A,
    (byte) 0xB4, (byte) 0xB9, 0x08, 0x00, 0x2B, 0x2F, (byte) 0xE1, (byte) 0x82};

  private Nspi() {}
}

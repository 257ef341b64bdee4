package io.convene.mapi.nspi.wire;

/** The NSPI return values a response's ErrorCode carries (MS-OXNSPI 2.2.1.2). */
public final class NspiErrorCodes {

  public static final long SUCCESS = 0x00000000L;
  public static final long UNBIND_SUCCESS = 0x00000001L;
  public static final long ERRORS_RETURNED = 0x00040380L;
  public static final long GENERAL_FAILURE = 0x80004005L;
  public static final long NOT_SUPPORTED = 0x80040102L;
  public static final long INVALID_OBJECT = 0x80040108L;
  public static final long NOT_FOUND = 0x8004010FL;
  public static final long TOO_COMPLEX = 0x80040117L;
  public static final long INVALID_CODEPAGE = 0x8004011EL;
  public static final long TOO_BIG = 0x80040305L;
  public static final long TABLE_TOO_BIG = 0x80040403L;
  public static final long INVALID_BOOKMARK = 0x80040405L;
  public static final long ACCESS_DENIED = 0x80070005L;
  public static final long INVALID_PARAMETER = 0x80070057L;

  private NspiErrorCodes() {}
}

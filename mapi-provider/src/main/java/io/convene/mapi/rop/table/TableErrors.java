package io.convene.mapi.rop.table;

/** The MS-OXCDATA 2.4 error codes the table ROPs document beyond the engine's {@code ErrorCodes}. */
public final class TableErrors {

  /** ecNotFound: FindRow found nothing; ExpandRow/CollapseRow name no category row. */
  public static final int NOT_FOUND = 0x8004010F;
  /** ecInvalidBookmark: a bookmark this table never issued or has invalidated. */
  public static final int INVALID_BOOKMARK = 0x80040405;
  /** ecUnableToAbort: RopAbort with no asynchronous operation in progress. */
  public static final int UNABLE_TO_ABORT = 0x80040114;
  /** ecTooComplex: a restriction or sort the store does not evaluate. */
  public static final int TOO_COMPLEX = 0x80040117;
  /** ecBufferTooSmall for a single row that cannot fit (MS-OXCTABL 3.2.5.5). */
  public static final int BUFFER_TOO_SMALL = 0x0000047D;
  /** ecAccessDenied. */
  public static final int ACCESS_DENIED = 0x80070005;

  private TableErrors() {}
}
